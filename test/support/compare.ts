// Helpers for comparison tests: read texts for comparison, and derive variants of upstream
// texts at run time (no upstream wording is stored in the tests).
import type { Paragraph } from 'mdast';
import { checkText, parseConductDocument, type UpstreamText } from '../../server/src/core/index';
import { compareTexts, comparedText, comparedUpstream, type Comparison, type ComparedText } from '../../server/src/core/compare/compare';
import { parseMarkdown, spanOf, walk } from '../../server/src/core/markdown';
import { upstreamLibrary } from './upstream';

/** A policy's text read as the server reads it (detection, then the model), for comparison. */
export function comparedPolicy(text: string): ComparedText {
  const result = checkText(text, upstreamLibrary());
  if (!result.doc) throw new Error('policy could not be read');
  return comparedText(result.doc, upstreamLibrary());
}

/** Any text read with an upstream text's own section headings, as its own upstream copy is. */
export function comparedLike(text: string, like: UpstreamText): ComparedText {
  const library = upstreamLibrary();
  return comparedText(parseConductDocument(text, library, { baseSections: library.sectionsOf(like) }), library);
}

export function compareWith(upstream: UpstreamText, policy: ComparedText): Comparison {
  return compareTexts(comparedUpstream(upstream, upstreamLibrary()), policy);
}

/** The text with every paragraph's lines joined into one, as editors that do not wrap save it. */
export function unwrapParagraphs(text: string): string {
  const spans: { start: number; end: number }[] = [];
  walk(parseMarkdown(text), (node) => {
    if (node.type !== 'paragraph') return;
    const span = spanOf(node as Paragraph);
    if (span) spans.push(span);
    return false;
  });
  let out = '';
  let at = 0;
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    out += text.slice(at, span.start) + text.slice(span.start, span.end).replace(/[ \t]*\r?\n[ \t]*/g, ' ');
    at = span.end;
  }
  return out + text.slice(at);
}

/** Sections whose status is not identical, as "status id" strings, for readable assertion messages. */
export function differing(comparison: Comparison): string[] {
  return comparison.sections.filter((s) => s.status !== 'identical').map((s) => `${s.status} ${s.id ?? s.heading}`);
}
