import type { Nodes } from 'mdast';
import { plainText, spanOf, walk } from '../markdown';
import type { Span } from '../span';
import type { Rule, RuleFinding } from './types';

/** Shorter paragraphs ("Thank you.", "**Email**: x") repeat on purpose. */
const MIN_WORDS = 8;
const MIN_CHARS = 40;

interface Paragraph {
  key: string;
  span: Span;
  /** Directly under the document, where deleting it leaves nothing behind. */
  topLevel: boolean;
  /** The first words, for the message. */
  opening: string;
}

/**
 * The same paragraph twice: a paste that went in twice, or a section merged into another
 * without deleting the original. Paragraphs are compared on their visible text, folded to
 * lower case and single spaces without punctuation at the ends. Short ones are skipped, as are
 * headings and list items (a ladder repeats its field labels by design). A file that holds the
 * whole policy twice gets one finding, not one per paragraph.
 */
export const duplicateParagraph: Rule = {
  id: 'duplicate-paragraph',
  summary: 'The same paragraph appears twice.',
  defaultSeverity: 'warning',
  check({ doc }) {
    const text = doc.text;
    const paragraphs: Paragraph[] = [];
    walk(doc.tree, (node: Nodes, parent) => {
      if (node.type === 'listItem' || node.type === 'heading' || node.type === 'code' || node.type === 'table') return false;
      if (node.type !== 'paragraph') return;
      const span = spanOf(node);
      const visible = plainText(node).replace(/\s+/g, ' ').trim();
      if (!span || visible.length < MIN_CHARS || visible.split(' ').length < MIN_WORDS) return false;
      const key = visible.toLowerCase().replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
      paragraphs.push({ key, span, topLevel: parent?.type === 'root', opening: visible.split(' ').slice(0, 6).join(' ') });
      return false;
    });
    const firstSeen = new Map<string, Paragraph>();
    const repeats: { copy: Paragraph; original: Paragraph }[] = [];
    for (const p of paragraphs) {
      const original = firstSeen.get(p.key);
      if (original) repeats.push({ copy: p, original });
      else firstSeen.set(p.key, p);
    }
    if (repeats.length === 0) return [];
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    // Most of the text twice: the whole policy was pasted again (or holds two copies).
    if (repeats.length >= 4 && repeats.length * 2 >= paragraphs.length * 0.8) {
      const first = repeats[0];
      return [{
        span: first.copy.span,
        message: `Unexpected second copy of the policy from here on (${repeats.length} paragraphs repeat ones above, starting with "${first.copy.opening}…" from line ${lineOf(first.original.span.start)}), expected the text once.`,
      }];
    }
    const findings: RuleFinding[] = [];
    for (const { copy, original } of repeats) {
      const after = /^(?:[ \t]*\r?\n)*/.exec(text.slice(copy.span.end))![0].length;
      findings.push({
        span: copy.span,
        message: `Unexpected repeat of the paragraph "${copy.opening}…" from line ${lineOf(original.span.start)}, expected each paragraph once.`,
        ...(copy.topLevel && { fix: { span: { start: copy.span.start, end: copy.span.end + after }, text: '' } }),
      });
    }
    return findings;
  },
};
