import type { Nodes } from 'mdast';
import { plainText, spanOf, walk } from '../markdown';
import type { Span } from '../span';
import type { Rule, RuleFinding } from './types';

/** `#` marks followed by a space Markdown does not accept there (no-break, ideographic, …). */
const ODD_SPACE_HEADING = /^ {0,3}(#{1,6})([\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000])/;
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/;

interface Heading {
  depth: number;
  title: string;
  span: Span;
}

/**
 * A policy reads as one document with one title: the level-1 heading that names it, with
 * sections below. No title, or a second level-1 heading in the middle, breaks outlines, the
 * page title hosts show and links to sections. Plain-text policies (no Markdown headings at
 * all) are left alone.
 */
export const headingStructure: Rule = {
  id: 'heading-structure',
  summary: 'A Markdown policy without exactly one level-1 heading, or with a heading Markdown does not read as one.',
  defaultSeverity: 'warning',
  check({ doc }) {
    const text = doc.text;
    const frontMatter = FRONT_MATTER.exec(text);
    const bodyStart = frontMatter ? frontMatter[0].length : 0;
    const findings: RuleFinding[] = [];
    const headings: Heading[] = [];
    walk(doc.tree, (node: Nodes) => {
      const span = spanOf(node);
      if (!span || span.start < bodyStart) return;
      if (node.type === 'heading') {
        headings.push({ depth: node.depth, title: plainText(node).trim(), span });
        return false;
      }
      if (node.type === 'html') {
        // A centred HTML title (`<h1 align="center">…</h1>`) is the policy's title too.
        const h1 = /^\s*<h1[\s>][\s\S]*?(?:<\/h1>|$)/i.exec(node.value);
        if (h1) headings.push({ depth: 1, title: h1[0].replace(/<[^>]*>/g, '').trim(), span });
        return false;
      }
      if (node.type !== 'paragraph') return;
      // A line such as "#\u00A0Title" is a paragraph to Markdown but a heading to its author.
      const source = text.slice(span.start, span.end);
      const odd = ODD_SPACE_HEADING.exec(source);
      if (!odd) return false;
      const lineEnd = source.search(/\r?\n|\r|$/);
      const oddAt = span.start + odd[0].length - 1;
      const name = odd[2] === '\u00A0' ? 'no-break space' : `space character U+${odd[2].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      findings.push({
        span: { start: span.start, end: span.start + lineEnd },
        message: `Unexpected ${name} after "${odd[1]}", expected a plain space: Markdown does not read this line as a heading.`,
        fix: { span: { start: oddAt, end: oddAt + 1 }, text: ' ' },
      });
      headings.push({ depth: odd[1].length, title: source.slice(odd[0].length, lineEnd).trim(), span: { start: span.start, end: span.start + lineEnd } });
      return false;
    });
    // Plain text and reStructuredText have no Markdown title to count.
    if (headings.length === 0 || (doc.format !== undefined && doc.format !== 'markdown')) return findings;

    const titles = headings.filter((h) => h.depth === 1);
    const titledByFrontMatter = frontMatter !== null && /^title\s*[:=]/m.test(frontMatter[0]);
    if (titles.length === 0 && !titledByFrontMatter) {
      const first = headings[0];
      findings.push({
        span: first.span,
        // Starting at "##" is how pages read when a site generator supplies the title: worth a note, not a warning.
        ...(first.depth === 2 && { severity: 'information' as const }),
        message: `Unexpected level-${first.depth} heading "${first.title}" as the first heading, expected a level-1 heading ("# …") with the policy's title before the sections.`,
      });
    }
    for (const extra of titles.slice(1)) {
      const hash = /^ {0,3}#/.exec(text.slice(extra.span.start, extra.span.end));
      const at = extra.span.start + (hash ? hash[0].length : 0);
      findings.push({
        span: extra.span,
        message: `Unexpected second level-1 heading "${extra.title}", expected one level-1 heading (the title, "${titles[0].title}"): make this a section heading ("## …").`,
        ...(hash && { fix: { span: { start: at, end: at }, text: '#' } }),
      });
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};
