import type { Root } from 'mdast';
import type { Span } from '../span';
import type { DocHeading } from './headings';

/**
 * A line that introduces something for the reader to copy and fill in: "Email template for
 * reporting", "Sample report", "Use this template". Bracketed fields after it ([EVENT NAME],
 * (CONTACT INFO)) are the reporter's to fill, not the maintainers'.
 */
const TEMPLATE_INTRO = /\b(?:e-?mail|report(?:ing)?|message|letter|incident|complaint)\s+(?:template|form)\b|\btemplate\s+(?:for|below)\b|\b(?:sample|example)\s+(?:e-?mail|report|message|letter)\b|\buse\s+(?:the|this)\s+(?:e-?mail\s+)?template\b/i;
/** An introducing line is a title, not a sentence that mentions a template in passing. */
const MAX_INTRO = 100;

/**
 * The passages that are templates for the reader: from a short line that introduces one (a
 * heading, or the first line of a paragraph) to the next heading (for a heading, the next
 * one at its depth or shallower). Linear in the number of top-level blocks.
 */
export function readerTemplates(text: string, tree: Root, headings: readonly DocHeading[]): Span[] {
  const spans: Span[] = [];
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || (node.type !== 'paragraph' && node.type !== 'heading')) continue;
    if (spans.length && start < spans[spans.length - 1].end) continue;
    const firstLine = text.slice(start, Math.min(end, start + MAX_INTRO + 1)).split('\n', 1)[0];
    if (firstLine.length > MAX_INTRO || !TEMPLATE_INTRO.test(firstLine)) continue;
    const own = node.type === 'heading' ? headings.find((h) => h.span.start === start) : undefined;
    const next = headings.find((h) => h.span.start > start && (!own || h.depth <= own.depth));
    spans.push({ start, end: next ? next.span.start : text.length });
  }
  return spans;
}
