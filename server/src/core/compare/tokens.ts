import type { Nodes, Root } from 'mdast';
import { buildDetectionIndex } from '../detect/corpus';
import { maskForDetection, tokenize } from '../detect/normalize';
import { spanOf, walk } from '../markdown';
import { EMAIL, WEB_URL } from '../patterns';
import { findPlaceholders } from '../placeholders';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';

/** What a field token stands for: a template placeholder, or a value such as an address. */
export type FieldKind = 'placeholder' | 'value';

/**
 * A word of a text as the comparison sees it. Words are folded (case, Unicode width) and
 * carry no Markdown, so wrapping, emphasis, bullets and heading syntax never differ.
 * Fields (placeholders, e-mail addresses, web addresses) all share one key: a filled-in
 * contact lines up with the placeholder it replaced instead of counting as new wording.
 */
export interface CompareToken {
  key: string;
  span: Span;
  /** Index into {@link TokenizedText.blocks} of the paragraph, heading or cell the word sits in; -1 for none. */
  block: number;
  field?: FieldKind;
}

/** A link as written: the span of its visible text and where it points. */
export interface LinkTarget {
  text: Span;
  url: string;
  /** Where the destination is written (inline, or in the reference's definition), when it is written as parsed. */
  urlSpan?: Span;
}

export interface TokenizedText {
  text: string;
  tokens: CompareToken[];
  links: LinkTarget[];
  /** Leaf blocks (paragraphs, headings, table cells), in order. */
  blocks: Span[];
}

/** The key every field shares; no word can contain a NUL character. */
export const FIELD_KEY = '\u0000field';

/**
 * Reads a text (a policy, or an upstream body) into comparison tokens, with its links and
 * paragraph layout. The masking is detection's (see detect/normalize.ts), so the two agree
 * on what counts as wording.
 */
export function tokenizeForCompare(text: string, tree: Root, library: UpstreamLibrary): TokenizedText {
  const { syntax, links, blocks } = readTree(tree, text);
  const fields = findFields(text, library, syntax);
  const index = buildDetectionIndex(library);
  const words = tokenize(maskForDetection(text, library), (word) => index.wordId(word) !== undefined);
  const tokens: CompareToken[] = [];
  let f = 0;
  const pushField = () => {
    tokens.push({ key: FIELD_KEY, span: fields[f].span, block: -1, field: fields[f].kind });
    f++;
  };
  for (const word of words) {
    while (f < fields.length && fields[f].span.start <= word.start) pushField();
    // A word the masking left inside a field (it never should) would count twice.
    if (tokens.length && tokens[tokens.length - 1].field && word.start < tokens[tokens.length - 1].span.end) continue;
    tokens.push({ key: word.text, span: { start: word.start, end: word.end }, block: -1 });
  }
  while (f < fields.length) pushField();
  assignBlocks(tokens, blocks);
  return { text, tokens, links, blocks };
}

interface TreeFacts {
  /** Link destinations, reference labels, definitions and images: source that is not wording. */
  syntax: Span[];
  links: LinkTarget[];
  blocks: Span[];
}

function readTree(tree: Root, source: string): TreeFacts {
  const syntax: Span[] = [];
  const links: LinkTarget[] = [];
  const blocks: Span[] = [];
  const definitions = new Map<string, { url: string; urlSpan?: Span }>();
  const references: { text: Span; label: string }[] = [];
  walk(tree, (node: Nodes) => {
    const span = spanOf(node);
    if (!span) return;
    switch (node.type) {
      case 'definition':
        definitions.set(node.identifier, { url: node.url, urlSpan: findWithin(source, node.url, span) });
        syntax.push(span);
        return false;
      case 'image':
      case 'imageReference':
        syntax.push(span);
        return false;
      case 'link':
      case 'linkReference': {
        const text = childrenSpan(node) ?? { start: span.start, end: span.start };
        syntax.push({ start: text.end, end: span.end });
        if (node.type === 'link') links.push({ text, url: node.url, urlSpan: findWithin(source, node.url, { start: text.end, end: span.end }) });
        else references.push({ text, label: node.identifier });
        return;
      }
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        blocks.push(span);
        return;
    }
  });
  for (const ref of references) {
    const definition = definitions.get(ref.label);
    if (definition) links.push({ text: ref.text, ...definition });
  }
  links.sort((a, b) => a.text.start - b.text.start);
  blocks.sort((a, b) => a.start - b.start);
  return { syntax, links, blocks };
}

/** Where `url` is written inside `within`, if it is written as parsed (no escapes or entities). */
function findWithin(source: string, url: string, within: Span): Span | undefined {
  if (!url) return undefined;
  const at = source.slice(within.start, within.end).indexOf(url);
  return at < 0 ? undefined : { start: within.start + at, end: within.start + at + url.length };
}

function childrenSpan(node: Nodes): Span | undefined {
  if (!('children' in node) || !node.children.length) return undefined;
  const first = spanOf(node.children[0] as Nodes);
  const last = spanOf(node.children[node.children.length - 1] as Nodes);
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/** Placeholders, e-mail and web addresses in the wording (not in link destinations), in order, never overlapping. */
function findFields(text: string, library: UpstreamLibrary, syntax: readonly Span[]): { span: Span; kind: FieldKind }[] {
  const inSyntax = (span: Span) => syntax.some((s) => span.start >= s.start && span.end <= s.end);
  const found: { span: Span; kind: FieldKind }[] = findPlaceholders(text, library).map((p) => ({ span: p.span, kind: 'placeholder' }));
  for (const pattern of [WEB_URL, EMAIL]) {
    for (const match of text.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].replace(/[.,;:!?]+$/, '').length };
      if (!inSyntax(span)) found.push({ span, kind: 'value' });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: typeof found = [];
  for (const field of found) if (!kept.length || field.span.start >= kept[kept.length - 1].span.end) kept.push(field);
  return kept;
}

/** Gives each token the innermost leaf block containing it (blocks do not nest: they are leaves). */
function assignBlocks(tokens: CompareToken[], blocks: readonly Span[]): void {
  let b = 0;
  for (const token of tokens) {
    while (b < blocks.length && blocks[b].end <= token.span.start) b++;
    token.block = b < blocks.length && blocks[b].start <= token.span.start ? b : -1;
  }
}

/** The index of the first token starting at or after `offset` (tokens are in order). */
export function firstTokenAt(tokens: readonly CompareToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
