import { escapeRegExp } from './patterns';
import type { Span } from './span';
import type { UpstreamLibrary, UpstreamPlaceholder } from './upstream/library';

/** A template placeholder still present in a policy. */
export interface PlaceholderUse {
  /** The placeholder as written in the document. */
  text: string;
  span: Span;
  /**
   * `reporting`: where reports go ("[INSERT CONTACT METHOD]" and translations);
   * `enforcement`: 3.0's note asking adopters to describe their own process;
   * `template`: any other "[INSERT …]" or "[NOTE: …]" left from a template.
   */
  kind: 'reporting' | 'enforcement' | 'template';
  /** The upstream placeholder it matches, when it is one of theirs. */
  upstream?: UpstreamPlaceholder;
}

interface Matcher {
  regex: RegExp;
  /** Upstream placeholders by capture group; group n+1 is placeholders[n]. */
  placeholders: UpstreamPlaceholder[];
}

const matchers = new WeakMap<UpstreamLibrary, Matcher>();

/** Template markers not tied to one upstream text: "[INSERT …]" and "[NOTE: …]" in any case, mustache "{{ … }}", ERB "<%= … %>". */
const GENERIC = [
  String.raw`\\?\[\s*(?:INSERT\b|NOTE:)[^\]]{0,4000}?\\?\]`,
  String.raw`\{\{[^{}\n]{1,80}\}\}`,
  String.raw`<%=?[^%\n]{1,80}%>`,
].join('|');

/**
 * Bare upper-case tokens such as "[EMAIL]" or "[PROJECT NAME]", case-sensitive, that are not
 * link text or labels: no "(", "[" or ":" after, no "]" before.
 */
const DEFINITION_LABEL = /^[ \t]{0,3}\[([^\]\n]{1,200})\]:/gm;
const BARE_TOKEN = /(?<![\]\w])\[[A-Z][A-Z0-9 _.'-]{2,40}\](?![(\[:])/g;

/**
 * Forms a template leaves that are not in any upstream text, each case-sensitive where case is
 * the evidence:
 * - a bracketed instruction to the adopter, "[ADD YOUR CONTACT HERE]", "[your email here]",
 *   "[Enter the moderators' address]": an imperative fill-in verb first, or "… here" last;
 * - a field name in capitals with underscores, bracketed or bare: "COMMUNITY_NAME";
 * - a value word in capitals standing where the value belongs: "at EMAIL.", "call PHONE NUMBER";
 * - choices left unresolved: "[A/B/C]", "[Source/Culture/Tech]".
 * None may be link text or a reference ("(", "[" or ":" after).
 */
const INSTRUCTION = /\\?\[\s*(?:(?:add|enter|put|fill\s+in|replace\s+(?:this|with)|type|write|provide|specify)\s[^[\]\n]{1,100}?|(?=[^[\]\n]{0,100}\byour\b)[^[\]\n]{1,100}?\bhere)\s*\\?\](?![(\[:])/giu;
const FIELD_NAME = /(?<![\w/.\\-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w\]]|\.\w)/g;
const VALUE_WORD = /(?<=\b(?:at|to|via|is|call|text|email|e-mail|contact|reach|:)[ \t]+)(?:E-?MAIL(?: ADDRESS)?|(?:TELE)?PHONE(?: NUMBER)?|CONTACT(?: (?:INFO|INFORMATION|METHOD|DETAILS|EMAIL))?|(?:PROJECT|COMMUNITY|TEAM|ORGANI[SZ]ATION) (?:NAME|EMAIL)|URL|LINK)(?=[ \t]*(?:[.,;)]|$|[ \t]+(?:or|and)\b))/gm;
const CHOICES = /(?<![\]\w])\[[\p{L}][\p{L} -]{0,20}(?:\/[\p{L}][\p{L} -]{0,20}){1,5}\](?![(\[:])/gu;
/** Instructions and field names that ask for a contact. */
const ABOUT_CONTACT = /contact|e-?mail|phone|address/i;


/**
 * One regular expression for every placeholder the upstream texts use, longest first so a
 * placeholder never matches as part of a shorter one; white space inside may be wrapped
 * differently and brackets may be backslash-escaped, as they are when a policy has been
 * through a Markdown formatter.
 */
function matcherFor(library: UpstreamLibrary): Matcher {
  let matcher = matchers.get(library);
  if (matcher) return matcher;
  const placeholders = [...library.placeholders].sort((a, b) => b.text.length - a.text.length);
  const alternatives = placeholders.map((p) => {
    const [open, close] = [p.text[0], p.text[p.text.length - 1]];
    const inner = p.text.slice(1, -1).trim().split(/\s+/).map(escapeRegExp).join(String.raw`\s+`);
    // ASCII brackets may be backslash-escaped by Markdown formatters; full-width ones never are.
    const escapable = (ch: string) => (ch === '[' || ch === ']' ? `\\\\?\\${ch}` : escapeRegExp(ch));
    return `(${escapable(open)}\\s*${inner}\\s*${escapable(close)})`;
  });
  matcher = { regex: new RegExp([...alternatives, GENERIC].join('|'), 'giu'), placeholders };
  matchers.set(library, matcher);
  return matcher;
}

/**
 * Every template placeholder in `text`, in order, outside the `skip` spans (code, where a
 * policy may quote a placeholder on purpose).
 */
export function findPlaceholders(text: string, library: UpstreamLibrary, skip: readonly Span[] = []): PlaceholderUse[] {
  const { regex, placeholders } = matcherFor(library);
  const uses: PlaceholderUse[] = [];
  const skipped = (start: number, end: number) => skip.some((s) => start < s.end && end > s.start);
  for (const match of text.matchAll(regex)) {
    const start = match.index;
    const end = start + match[0].length;
    if (skipped(start, end)) continue;
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    const upstream = group > 0 ? placeholders[group - 1] : undefined;
    uses.push({ text: match[0], span: { start, end }, kind: upstream?.kind ?? 'template', upstream });
  }
  // "[FAQ]" with a "[FAQ]: url" definition somewhere is a link, not a placeholder.
  const defined = new Set([...text.matchAll(DEFINITION_LABEL)].map((m) => m[1].trim().toLowerCase()));
  for (const match of text.matchAll(BARE_TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (skipped(start, end) || defined.has(match[0].slice(1, -1).trim().toLowerCase())) continue;
    if (uses.some((u) => start < u.span.end && end > u.span.start)) continue;
    uses.push({ text: match[0], span: { start, end }, kind: ABOUT_CONTACT.test(match[0]) ? 'reporting' : 'template' });
  }
  for (const pattern of [INSTRUCTION, FIELD_NAME, VALUE_WORD, CHOICES]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (skipped(start, end) || defined.has(match[0].replace(/^\\?\[|\\?\]$/g, '').trim().toLowerCase())) continue;
      if (uses.some((u) => start < u.span.end && end > u.span.start)) continue;
      const kind = pattern !== CHOICES && ABOUT_CONTACT.test(match[0]) ? 'reporting' : 'template';
      uses.push({ text: match[0], span: { start, end }, kind });
    }
  }
  return uses.sort((a, b) => a.span.start - b.span.start);
}
