import type { Root } from 'mdast';
import { plainText, spanOf, walk } from '../markdown';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import { plainHeadings, rstHeadings } from './plainHeadings';

/** A heading as the reader sees it, whatever syntax (or none) made it one. */
export interface DocHeading {
  depth: number;
  /** The heading's visible text, without Markdown syntax. */
  title: string;
  /** The whole heading (both lines of a setext or reST heading). */
  span: Span;
  /**
   * `atx` "## Scope"; `setext` "Scope" over "-----"; `bold` a paragraph that is only bold
   * text naming a standard section; `plain` a title-like line of plain text; `rst` a
   * reStructuredText underlined title.
   */
  source: 'atx' | 'setext' | 'bold' | 'plain' | 'rst';
}

/** How the policy is written. */
export type DocumentFormat = 'markdown' | 'plain' | 'rst';

/**
 * Every heading of the policy and the format that produced them. Markdown headings come
 * from the parse tree; a document with no Markdown section headings is read as
 * reStructuredText (underlined titles) or, failing that, as plain text (title-like lines).
 */
export function readHeadings(text: string, tree: Root, library: UpstreamLibrary): { format: DocumentFormat; headings: DocHeading[] } {
  const markdown: DocHeading[] = [];
  walk(tree, (node) => {
    const span = spanOf(node);
    if (!span) return;
    if (node.type === 'heading') {
      const setext = !/^#/.test(text.slice(span.start, span.end));
      markdown.push({ depth: node.depth, title: plainText(node).trim(), span, source: setext ? 'setext' : 'atx' });
      return false;
    }
    if (node.type === 'paragraph' && node.children.length <= 2 && node.children[0]?.type === 'strong') {
      // "**Our Pledge**" or "**Scope:**" alone on a line, as policies written in word
      // processors do; only standard section names count, so bold labels inside a section
      // ("**Community Impact**: …") stay text.
      const rest = node.children[1];
      if (rest && !(rest.type === 'text' && /^\s*:?\s*$/.test(rest.value))) return;
      const title = plainText(node.children[0]).replace(/[:：]\s*$/, '').trim();
      if (library.sectionNamed(title)) markdown.push({ depth: 2, title, span, source: 'bold' });
      return false;
    }
  });
  if (markdown.some((h) => h.depth >= 2 && h.source !== 'bold')) return { format: 'markdown', headings: markdown };

  const rst = rstHeadings(text);
  if (rst.length >= 2) return { format: 'rst', headings: rst };
  const plain = plainHeadings(text, library);
  const known = plain.filter((h) => library.sectionNamed(h.title) || library.rungNamed(h.title)).length;
  if (known >= 2) return { format: 'plain', headings: plain };
  return { format: 'markdown', headings: markdown };
}
