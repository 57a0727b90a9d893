import type { List, Nodes, Root } from 'mdast';
import { LADDERS, type RungId } from './ladderRungs';
import { parseMarkdown, plainText, spanOf, walk } from './markdown';
import { findPlaceholders, type PlaceholderUse } from './placeholders';
import type { Span } from './span';
import type { UpstreamLibrary } from './upstream/library';

/** A heading as the reader sees it. */
export interface DocHeading {
  depth: number;
  /** The heading's visible text, without Markdown syntax. */
  title: string;
  /** The whole heading line (or both lines of a setext heading). */
  span: Span;
}

/** One rung of the policy's enforcement ladder. */
export interface LadderRung {
  /** The upstream rung it corresponds to, when its name is one the upstream texts use. */
  id?: RungId;
  /** The name as the policy writes it. */
  name: string;
  /** 1-based position in the policy's own ladder. */
  ordinal: number;
  /** The heading or list label that names the rung. */
  labelSpan: Span;
  /** 'heading' for "### 2. Warning"; 'list' for 3.0's "2) Temporarily Limited Activities". */
  form: 'heading' | 'list';
}

/** A conduct policy, read once per version of its text. */
export interface ConductDocument {
  text: string;
  tree: Root;
  headings: DocHeading[];
  ladder: LadderRung[];
  placeholders: PlaceholderUse[];
  /** Code blocks and inline code, where template syntax may be quoted on purpose. */
  codeSpans: Span[];
}

/** Reads a policy's text into the model. Never throws on odd input. */
export function parseConductDocument(text: string, library: UpstreamLibrary): ConductDocument {
  const tree = parseMarkdown(text);
  const headings: DocHeading[] = [];
  const codeSpans: Span[] = [];
  walk(tree, (node) => {
    const span = spanOf(node);
    if (!span) return;
    if (node.type === 'heading') headings.push({ depth: node.depth, title: plainText(node).trim(), span });
    else if (node.type === 'code' || node.type === 'inlineCode') codeSpans.push(span);
  });
  return {
    text,
    tree,
    headings,
    ladder: readLadder(tree, headings, library),
    placeholders: findPlaceholders(text, library, codeSpans),
    codeSpans,
  };
}

/**
 * The ladder is the run of headings or ordered-list labels that name known rungs, in
 * document order. Heading rungs (2.x style) win over list rungs (3.0 style) when a policy
 * somehow has both, since headings are the stronger signal of structure.
 */
function readLadder(tree: Root, headings: DocHeading[], library: UpstreamLibrary): LadderRung[] {
  const fromHeadings = headings
    .filter((h) => h.depth >= 2)
    .map((h) => ({ heading: h, id: library.rungNamed(h.title) }))
    .filter((r): r is { heading: DocHeading; id: RungId } => r.id !== undefined)
    .map(({ heading, id }, i): LadderRung => ({ id, name: stripNumbering(heading.title), ordinal: i + 1, labelSpan: heading.span, form: 'heading' }));
  if (fromHeadings.length >= 2) return fromHeadings;

  const lists: List[] = [];
  walk(tree, (node: Nodes) => {
    if (node.type === 'list' && node.ordered) lists.push(node);
  });
  for (const list of lists) {
    const labelled = list.children.map((item) => {
      const first = item.children[0];
      const name = first ? plainText(first).split('\n')[0].trim() : '';
      return { name, id: library.rungNamed(name), span: first && spanOf(first) };
    });
    const known = labelled.filter((l) => l.id !== undefined);
    if (known.length >= 2 && known.length >= labelled.length / 2) {
      return labelled.map((l, i): LadderRung => ({
        id: l.id,
        name: l.name,
        ordinal: i + 1,
        labelSpan: l.span ? { start: l.span.start, end: l.span.start + l.name.length } : { start: 0, end: 0 },
        form: 'list',
      }));
    }
  }
  return fromHeadings;
}

function stripNumbering(title: string): string {
  return title.replace(/^\s*\d+\s*[.)]\s*/, '').trim();
}

/** The upstream family a ladder follows: 3.x if it uses a rung only 3.0 has, else 2.x. */
export function ladderFamily(ladder: readonly LadderRung[]): '2.x' | '3.x' {
  const only3 = LADDERS['3.x'].filter((id) => !LADDERS['2.x'].includes(id));
  return ladder.some((r) => r.id && only3.includes(r.id)) ? '3.x' : '2.x';
}
