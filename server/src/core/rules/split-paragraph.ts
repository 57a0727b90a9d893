import type { Nodes, Paragraph } from 'mdast';
import { spanOf, walk } from '../markdown';
import type { Rule, RuleFinding } from './types';

/** Where a sentence plainly goes on: a lower-case word (or a comma) at the end. */
const OPEN_END = /(?:\p{Ll}|,)$/u;
/** A continuation: a lower-case word followed by a space or punctuation, not a URL or a name like "iOS". */
const CONTINUES = /^\p{Ll}+(?:[\s,;]|$)/u;

/**
 * A blank line in mid-sentence ("investigated promptly" / "and fairly.") splits one
 * paragraph in two: Markdown renders a break the author did not mean, and text pasted from
 * a PDF often carries one at each page or column break.
 */
export const splitParagraph: Rule = {
  id: 'split-paragraph',
  summary: 'A paragraph broken by a blank line in mid-sentence.',
  defaultSeverity: 'warning',
  check({ doc }) {
    const text = doc.text;
    const findings: RuleFinding[] = [];
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    walk(doc.tree, (node: Nodes) => {
      if (!('children' in node)) return;
      const children = node.children as Nodes[];
      for (let i = 0; i + 1 < children.length; i++) {
        const [first, second] = [children[i], children[i + 1]];
        if (first.type !== 'paragraph' || second.type !== 'paragraph') continue;
        const a = spanOf(first);
        const b = spanOf(second);
        if (!a || !b) continue;
        const before = text.slice(a.start, a.end).trimEnd();
        const after = text.slice(b.start, b.end);
        if (!OPEN_END.test(before) || !CONTINUES.test(after) || endsInMarkup(first)) continue;
        const span = { start: a.start + before.length, end: b.start };
        const ending = before.split(/\s+/);
        const opening = after.trim().split(/\s+/);
        const lastWords = (ending.length > 3 ? '…' : '') + ending.slice(-3).join(' ');
        const firstWords = opening.slice(0, 3).join(' ') + (opening.length > 3 ? '…' : '');
        findings.push({
          span,
          message: `Unexpected paragraph break in mid-sentence between "${lastWords}" and "${firstWords}", expected one paragraph: the sentence goes on after the blank line.`,
          // Keep a hard-wrapped paragraph wrapped; join a one-line paragraph with a space.
          fix: { span, text: /[\r\n]/.test(before) ? newline : ' ', title: 'Join the paragraph across the blank line' },
        });
      }
    });
    return findings;
  },
};

/** A paragraph that ends in code, a link or HTML does not end in plain words we can judge. */
function endsInMarkup(paragraph: Paragraph): boolean {
  const last = paragraph.children[paragraph.children.length - 1];
  return !last || last.type !== 'text';
}
