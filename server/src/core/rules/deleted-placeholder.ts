import { escapeRegExp } from '../patterns';
import { findPlaceholders } from '../placeholders';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import type { Rule, RuleFinding } from './types';

/**
 * The words each upstream text puts before its reporting placeholder, up to the preposition
 * that introduces it: "contacting the project team" (1.4), "responsible for enforcement"
 * (2.x). When a policy has those words and then the sentence ends, the contact was deleted
 * with the placeholder. Derived from the texts once per library.
 */
/** A policy has one or two deleted placeholders; a text with dozens of stray stops is something else. */
const MAX_FINDINGS = 20;

const leadsByLibrary = new WeakMap<UpstreamLibrary, RegExp | null>();


function leadsOf(library: UpstreamLibrary): RegExp | null {
  const cached = leadsByLibrary.get(library);
  if (cached !== undefined) return cached;
  const leads = new Set<string>();
  for (const text of library.texts) {
    for (const use of findPlaceholders(text.body, library)) {
      if (use.kind !== 'reporting' || !use.upstream) continue;
      const before = text.body.slice(Math.max(0, use.span.start - 120), use.span.start);
      const words = before.replace(/[*_]/g, '').split(/\s+/).filter(Boolean);
      // Drop the preposition that introduces the placeholder; keep four words of the sentence before it.
      while (words.length && /^(?:at|to|via|by|on|an|à|a|en|bei|an|:)$|:$/i.test(words[words.length - 1])) words.pop();
      const lead = words.slice(-4);
      if (lead.length < 4 || lead.some((w) => /[.!?。]$/.test(w))) continue;
      leads.add(lead.map((w) => escapeRegExp(w.replace(/[,;:]$/, ''))).join(String.raw`\s+`));
    }
  }
  // The look-ahead comes first: it fails at once at almost every position, so the costly
  // look-behind over every lead-in runs only where a sentence ends.
  const regex = leads.size ? new RegExp(`(?=[ \\t]*[.;](?=\\s|$))(?<=(?:${[...leads].sort((a, b) => b.length - a.length).join('|')}))[ \\t]*[.;](?=\\s|$)`, 'giu') : null;
  leadsByLibrary.set(library, regex);
  return regex;
}

/** "for enforcement at ." and "as soon as possible. .": a preposition or a sentence end with nothing where the value was. */
const DANGLING = /(?<=\b(?:at|to|via|is|contact|email|e-mail)[ \t]+)[.,;](?=\s|$)|(?<=[.!?,;:])[ \t]+[.,;](?=\s|$)/g;
/** "****" or "____" inside a line (alone on a line they are a thematic break), "**  **", "()" after a word. */
const EMPTY_MARKUP = /(?<=\S[ \t]*)(?:\*\*[ \t]*\*\*|__[ \t]*__)(?![*_])|(?<![*_])(?:\*\*[ \t]*\*\*|__[ \t]*__)(?=[ \t]*[^\s*_-])|(?<=\w[ \t]+)\(\s*\)/g;
/**
 * What every match of DANGLING and EMPTY_MARKUP contains, found with a quick scan: most texts
 * have none, and those two patterns, which open with look-behinds, are slow to scan.
 */
const MAY_DANGLE = /[ \t][.,;](?=\s|$)/;
const MAY_BE_EMPTY_MARKUP = /\*\*[ \t]*\*\*|__[ \t]*__|\(\s*\)/;

function overlaps(span: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => span.start < s.end && span.end > s.start);
}

/**
 * Deleting a placeholder instead of filling it leaves a sentence that promises a contact and
 * gives none ("may be reported by contacting the project team."), or markup with nothing
 * inside. Readers take the gap for the end of the sentence and find no way to report.
 */
export const deletedPlaceholder: Rule = {
  id: 'deleted-placeholder',
  summary: 'A placeholder was deleted instead of filled: a sentence ends where the contact was, or empty emphasis or doubled punctuation is left.',
  defaultSeverity: 'warning',
  check({ doc, library }) {
    const text = doc.text;
    const skip = doc.codeSpans;
    const findings: RuleFinding[] = [];
    const seen: Span[] = [];
    const placeholders = doc.placeholders.map((p) => p.span);
    const add = (span: Span, message: string) => {
      // Past a handful, more of the same says nothing new, and checking each against the rest would cost the square.
      if (findings.length >= MAX_FINDINGS) return;
      if (overlaps(span, skip) || overlaps(span, seen) || overlaps(span, placeholders)) return;
      seen.push(span);
      findings.push({ span, message });
    };
    const leads = leadsOf(library);
    for (const match of leads ? text.matchAll(leads) : []) {
      const at = match.index + match[0].search(/[.;]/);
      const lead = text.slice(Math.max(0, match.index - 60), match.index).split(/\s+/).slice(-4).join(' ');
      add({ start: at, end: at + 1 }, `The sentence ends after "${lead}" where the template's contact placeholder was: expected the email address or form where reports go before the "${text[at]}".`);
    }
    for (const match of MAY_DANGLE.test(text) ? text.matchAll(DANGLING) : []) {
      const at = match.index + match[0].search(/[.,;]/);
      add({ start: at, end: at + 1 }, `Unexpected "${text[at]}" with nothing before it: a placeholder seems to have been deleted here; expected the value it stood for, such as the contact for reports.`);
    }
    for (const match of MAY_BE_EMPTY_MARKUP.test(text) ? text.matchAll(EMPTY_MARKUP) : []) {
      const span = { start: match.index, end: match.index + match[0].length };
      add(span, `Unexpected empty "${match[0]}": a placeholder seems to have been deleted from it; expected the value it stood for, or the markup removed.`);
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};
