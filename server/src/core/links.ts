import type { Definition, Nodes, Root } from 'mdast';
import { spanOf } from './markdown';
import type { Span } from './span';

/** Where a link, image or definition points, and where that is written. */
export interface LinkTarget {
  kind: 'link' | 'autolink' | 'image' | 'definition';
  /** The destination as Markdown resolves it (escapes processed). */
  url: string;
  /** The whole construct. */
  span: Span;
  /** The destination as written (inside `<…>` when it is bracketed); empty for `[x]()`. */
  destination: Span;
  /** For links and images: from `(` to the closing `)`; otherwise the destination. */
  target: Span;
  /** The visible text (links), alt text (images) or label (definitions). */
  label: string;
}

/** A run of literal text in the source, outside code, HTML and links. */
export interface TextRun {
  span: Span;
  /** The source, with Markdown escapes as written. */
  raw: string;
  /** Whether it is the visible text of a link (where a URL is the link's own label). */
  inLink: boolean;
}

/** A `[text][label]` or `[label][]` that Markdown left as literal text. */
export interface LiteralReference {
  span: Span;
  text: string;
  label: string;
  image: boolean;
}

/** Every link, autolink, image and definition with its destination's position. */
export function linkTargets(text: string, tree: Root): LinkTarget[] {
  const targets: LinkTarget[] = [];
  visit(tree, false, (node) => {
    const span = spanOf(node);
    if (!span) return;
    if (node.type === 'definition') {
      const destination = definitionDestination(text, span, node);
      if (destination) targets.push({ kind: 'definition', url: node.url, span, destination, target: destination, label: node.label ?? node.identifier });
    } else if (node.type === 'link' || node.type === 'image') {
      const label = node.type === 'image' ? (node.alt ?? '') : text.slice(span.start + 1, Math.max(span.start + 1, lastChildEnd(node) ?? span.start + 1));
      if (node.type === 'link' && text[span.start] === '<') {
        const destination = { start: span.start + 1, end: span.end - 1 };
        targets.push({ kind: 'autolink', url: node.url, span, destination, target: destination, label });
        return;
      }
      const inline = inlineDestination(text, span, node.type === 'link' ? lastChildEnd(node) : undefined);
      // Source whose `](…)` cannot be found is skipped rather than guessed at.
      if (inline) targets.push({ kind: node.type, url: node.url, span, destination: inline.destination, target: inline.target, label });
    }
  });
  return targets;
}

/** Literal text runs with their source, for finding bare URLs and file names. */
export function textRuns(text: string, tree: Root): TextRun[] {
  const runs: TextRun[] = [];
  visit(tree, false, (node, inLink) => {
    if (node.type !== 'text') return;
    const span = spanOf(node);
    if (span) runs.push({ span, raw: text.slice(span.start, span.end), inLink });
  });
  return runs;
}

/**
 * Reference syntax that found no definition, so Markdown printed it as it stands. Shortcut
 * references (`[x]` alone) are not listed: with no definition they are ordinary brackets,
 * such as a placeholder.
 */
export function literalReferences(text: string, tree: Root): LiteralReference[] {
  const defined = new Set<string>();
  visit(tree, false, (node) => {
    if (node.type === 'definition') defined.add(normalizeLabel(node.label ?? node.identifier));
  });
  const found: LiteralReference[] = [];
  visit(tree, false, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const span = spanOf(node);
    if (!span) return;
    const masked = maskInlineConstructs(text, span, node);
    // An unescaped `[…][…]` whose brackets hold no other brackets, as CommonMark labels must.
    const pattern = /(?<![\\!])(!?)\[((?:\\[\s\S]|[^\\[\]])*)\]\[((?:\\[\s\S]|[^\\[\]])*)\]/g;
    for (const m of masked.matchAll(pattern)) {
      const start = span.start + (m.index ?? 0);
      const end = start + m[0].length;
      const textStart = start + m[1].length + 1;
      const linkText = text.slice(textStart, textStart + m[2].length);
      const label = m[3] === '' ? linkText : text.slice(end - 1 - m[3].length, end - 1);
      const key = normalizeLabel(label);
      if (key === '' || label.length > 999 || defined.has(key)) continue;
      // "[2][6]" is a pair of citation marks, not a reference.
      if (/^\s*\d{1,3}\s*$/.test(linkText) && /^\s*\d{1,3}\s*$/.test(label)) continue;
      found.push({ span: { start, end }, text: linkText, label, image: m[1] === '!' });
    }
  });
  return found;
}

/** CommonMark's label matching: case-folded, white space collapsed. */
export function normalizeLabel(label: string): string {
  return label.replace(/[ \t\r\n]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** Calls `fn` for every node, with whether it sits inside a link's text. */
function visit(root: Nodes, inLink: boolean, fn: (node: Nodes, inLink: boolean) => void): void {
  const stack: [Nodes, boolean][] = [[root, inLink]];
  while (stack.length) {
    const [node, inside] = stack.pop()!;
    fn(node, inside);
    if (!('children' in node)) continue;
    const childInside = inside || node.type === 'link' || node.type === 'linkReference';
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], childInside]);
  }
}

function lastChildEnd(node: Nodes): number | undefined {
  if (!('children' in node) || node.children.length === 0) return undefined;
  return spanOf(node.children[node.children.length - 1] as Nodes)?.end;
}

/**
 * The `(destination "title")` part of an inline link or image. For a link it follows the
 * text's last child; for an image (whose alt text has no children) the last `](` is used.
 */
function inlineDestination(text: string, span: Span, textEnd: number | undefined): { destination: Span; target: Span } | undefined {
  const source = text.slice(span.start, span.end);
  let close = textEnd === undefined ? -1 : textEnd - span.start;
  if (close < 0 || !source.startsWith('](', close)) close = source.lastIndexOf('](');
  if (close < 0 || !source.endsWith(')')) return undefined;
  const open = close + 1;
  let i = open + 1;
  while (i < source.length && /\s/.test(source[i])) i++;
  let end = i;
  if (source[i] === '<') {
    end = source.indexOf('>', i);
    end = end < 0 ? i : end + 1;
  } else {
    let depth = 0;
    while (end < source.length - 1) {
      const ch = source[end];
      if (ch === '\\') {
        end += 2;
        continue;
      }
      if (/\s/.test(ch) || (ch === ')' && depth === 0)) break;
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      end++;
    }
    end = Math.min(end, source.length - 1);
  }
  return {
    destination: { start: span.start + i, end: span.start + end },
    target: { start: span.start + open, end: span.end },
  };
}

function definitionDestination(text: string, span: Span, node: Definition): Span | undefined {
  const source = text.slice(span.start, span.end);
  const m = /^\s*\[(?:\\[\s\S]|[^\\\]])*\]:[ \t]*(?:\r?\n[ \t]*)?(<[^>\r\n]*>|\S+)/.exec(source);
  if (!m) return undefined;
  const end = span.start + m[0].length;
  return node.url === '' && m[1] !== '<>' ? undefined : { start: end - m[1].length, end };
}

/**
 * The paragraph's source with code, HTML, links and references blanked out (same length, line
 * breaks kept), so brackets inside them cannot be mistaken for reference syntax.
 */
function maskInlineConstructs(text: string, span: Span, node: Nodes): string {
  const chars = text.slice(span.start, span.end).split('');
  visit(node, false, (child) => {
    if (!['inlineCode', 'html', 'link', 'image', 'linkReference', 'imageReference'].includes(child.type)) return;
    const s = spanOf(child);
    if (!s) return;
    for (let i = Math.max(s.start, span.start); i < Math.min(s.end, span.end); i++) {
      if (chars[i - span.start] !== '\n' && chars[i - span.start] !== '\r') chars[i - span.start] = 'x';
    }
  });
  return chars.join('');
}
