import type { List, Nodes, Root } from 'mdast';
import { LADDERS, type RungFieldId, type RungId } from '../ladderRungs';
import { plainText, spanOf, walk } from '../markdown';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import type { DocHeading } from './headings';

/** A field a rung states, such as "Community Impact" or 3.0's "Repair". */
export interface RungField {
  id: RungFieldId;
  label: string;
  span: Span;
}

/** One rung of the policy's enforcement ladder. */
export interface LadderRung {
  /** The upstream rung it corresponds to, when its name is one the upstream texts use. */
  id?: RungId;
  /** The name as the policy writes it, without numbering. */
  name: string;
  /** 1-based position in the policy's own ladder. */
  ordinal: number;
  /** The number the policy writes before the name ("3." → 3), if any. */
  number?: number;
  /** The heading or list label that names the rung. */
  labelSpan: Span;
  /** From the label to the next rung or the end of the ladder's section. */
  span: Span;
  /** 'heading' for "### 2. Warning"; 'list' for "2) Temporarily Limited Activities" or "2. **Warning** - …". */
  form: 'heading' | 'list';
  fields: RungField[];
}

const NUMBER = /^\s*(\p{Nd}+)\s*[.)]\s*/u;
const FIELD_LINE = /^[ \t>]*(?:[-*+•][ \t]+)?(?:\p{Nd}+[.)][ \t]*)?(?:\*\*|__)?([^:：*_\n]{2,40}?)(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?/gmu;

/**
 * The ladder is the run of headings (2.x style) or ordered-list labels (3.0 style, and
 * custom ladders written as a numbered list of bold names) that name known rungs.
 * Headings win when both exist, since they are the stronger signal of structure.
 */
export function readLadder(text: string, tree: Root, headings: readonly DocHeading[], library: UpstreamLibrary): LadderRung[] {
  const rungHeadings = headings.filter((h) => h.depth >= 2 && rungOf(h.title, library));
  if (rungHeadings.length >= 2 || (rungHeadings.length === 1 && !hasListLadder(tree, library))) {
    return rungHeadings.map((heading, i) => {
      const rung = rungOf(heading.title, library)!;
      const next = rungHeadings[i + 1];
      const end = next ? next.span.start : endOfEnclosing(heading, headings, text.length);
      const span = { start: heading.span.start, end };
      return {
        id: rung.id,
        name: rung.name,
        ordinal: i + 1,
        number: numberOf(heading.title),
        labelSpan: heading.span,
        span,
        form: 'heading',
        fields: readFields(text, { start: heading.span.end, end }, library),
      };
    });
  }
  return listLadder(text, tree, library) ?? [];
}

/**
 * The rung a heading names. A numbered heading that runs on past its name (a field merged
 * into the heading line, as in 2.0 ja's "### 3. 一時的な禁止 **…**: …") is read by its first
 * word group.
 */
function rungOf(title: string, library: UpstreamLibrary): { id: RungId; name: string } | undefined {
  const name = title.replace(NUMBER, '').trim();
  const whole = library.rungNamed(title);
  if (whole) return { id: whole, name };
  if (!NUMBER.test(title) || !/[:：]/.test(title)) return undefined;
  const lead = name.split(/\s/)[0];
  const id = library.rungNamed(lead);
  return id && { id, name: lead };
}

function hasListLadder(tree: Root, library: UpstreamLibrary): boolean {
  return ladderLists(tree, library).length > 0;
}

interface ListLabel {
  name: string;
  id?: RungId;
  span?: Span;
}

/** The name an ordered-list item gives its rung: its leading bold text, or its first line up to a dash or colon. */
function itemLabel(item: List['children'][number]): ListLabel {
  const first = item.children[0];
  if (!first) return { name: '' };
  const lead = first.type === 'paragraph' ? first.children[0] : undefined;
  if (lead && (lead.type === 'strong' || lead.type === 'emphasis')) {
    return { name: plainText(lead).trim(), span: spanOf(lead) };
  }
  const line = plainText(first).split('\n')[0];
  const name = line.split(/\s+[-–—:]\s+|:\s/)[0].trim();
  const start = spanOf(first)?.start;
  return { name, span: start === undefined ? undefined : { start, end: start + name.length } };
}

function ladderLists(tree: Root, library: UpstreamLibrary): { list: List; labels: ListLabel[] }[] {
  const found: { list: List; labels: ListLabel[] }[] = [];
  walk(tree, (node: Nodes) => {
    if (node.type !== 'list' || !node.ordered) return;
    const labels = node.children.map(itemLabel).map((l) => ({ ...l, id: library.rungNamed(l.name) }));
    const known = labels.filter((l) => l.id !== undefined).length;
    if (known >= 2 && known >= labels.length / 2) found.push({ list: node, labels });
  });
  return found;
}

function listLadder(text: string, tree: Root, library: UpstreamLibrary): LadderRung[] | undefined {
  const first = ladderLists(tree, library)[0];
  if (!first) return undefined;
  return first.list.children.map((item, i): LadderRung => {
    const label = first.labels[i];
    const itemSpan = spanOf(item) ?? { start: 0, end: 0 };
    const labelSpan = label.span ?? { start: itemSpan.start, end: itemSpan.start };
    return {
      id: label.id,
      name: label.name,
      ordinal: i + 1,
      number: first.list.start != null ? first.list.start + i : undefined,
      labelSpan,
      span: itemSpan,
      form: 'list',
      fields: readFields(text, { start: labelSpan.end, end: itemSpan.end }, library),
    };
  });
}

/** Labelled lines ("**Community Impact**:", "1) Event:", "Consequence:") inside a rung. */
function readFields(text: string, within: Span, library: UpstreamLibrary): RungField[] {
  const body = text.slice(within.start, within.end);
  const fields: RungField[] = [];
  for (const match of body.matchAll(FIELD_LINE)) {
    const id = library.fieldNamed(match[1]);
    if (!id || fields.some((f) => f.id === id)) continue;
    const start = within.start + match.index + match[0].indexOf(match[1]);
    fields.push({ id, label: match[1].trim(), span: { start, end: start + match[1].trim().length } });
  }
  return fields;
}

function numberOf(title: string): number | undefined {
  const match = NUMBER.exec(title);
  return match ? digitValue(match[1]) : undefined;
}

/** Digits of scripts other than ASCII ("১" is 1 in Bengali): their offset from the script's zero. */
function digitValue(digits: string): number {
  let value = 0;
  for (const ch of digits) {
    const code = ch.codePointAt(0)!;
    let zero = code;
    while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    value = value * 10 + (code - zero);
  }
  return value;
}

function endOfEnclosing(rung: DocHeading, headings: readonly DocHeading[], fallback: number): number {
  const after = headings.filter((h) => h.span.start > rung.span.start);
  return after.find((h) => h.depth <= rung.depth)?.span.start ?? fallback;
}

/** The upstream family a ladder follows: 3.x if it uses a rung only 3.0 has, else 2.x. */
export function ladderFamily(ladder: readonly LadderRung[]): '2.x' | '3.x' {
  const only3 = LADDERS['3.x'].filter((id) => !LADDERS['2.x'].includes(id));
  return ladder.some((r) => r.id && only3.includes(r.id)) ? '3.x' : '2.x';
}
