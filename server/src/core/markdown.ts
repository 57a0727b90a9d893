import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Span } from './span';

const processor = unified().use(remarkParse);

/** Parses Markdown (CommonMark) into mdast with source positions. */
export function parseMarkdown(text: string): Root {
  const tree = processor.parse(text);
  // micromark drops a leading byte order mark and counts from after it; move every position
  // back by that one unit so spans index `text` itself (else each span of a file saved with a
  // BOM is one unit early, and an edit built on it can split a surrogate pair).
  if (text.charCodeAt(0) === 0xfeff) {
    walk(tree, (node) => {
      for (const point of [node.position?.start, node.position?.end]) {
        if (!point) continue;
        if (point.offset !== undefined) point.offset += 1;
        if (point.line === 1) point.column += 1;
      }
    });
  }
  return tree;
}

/** The source span of a node, when the parser recorded one. */
export function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The visible text of a node: literal text and code, without Markdown syntax. */
export function plainText(node: Nodes): string {
  let text = '';
  walk(node, (n) => {
    if ('value' in n && typeof n.value === 'string' && n.type !== 'html') text += n.value;
  });
  return text;
}

/**
 * Calls `visit` for every node in document order; returning false skips the node's
 * children. Iterative, so a deeply nested document cannot overflow the stack.
 */
export function walk(root: Nodes, visit: (node: Nodes, parent: Nodes | undefined) => boolean | void): void {
  const stack: [Nodes, Nodes | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    if (visit(node, parent) === false || !('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], node]);
  }
}
