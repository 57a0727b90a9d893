import type { ConductDocument } from '../document';
import { foldSpace } from '../normalize';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import { comparedText, comparedUpstream, type ComparedText } from './compare';
import type { ComparedAgainst } from './describe';
import { applyEdits, normalise, wordingEdit, type TextEdit } from './reflow';
import { upstreamAgainst } from './target';
import { FIELD_KEY, type CompareToken, type LinkTarget } from './tokens';
import { boundedDiff, DiffBudget, type Hunk } from './wordDiff';

/** One decision of an upgrade, with where it lands in the policy. */
export interface UpgradeItem {
  /** Where in the policy (before the upgrade). */
  policy: Span;
  /** 'wording' upstream changed words; 'field' a value such as a permalink; 'link' a link target. */
  kind: 'wording' | 'field' | 'link';
  /** The base's words there, the policy's, and the target's. */
  baseText: string;
  text: string;
  targetText: string;
}

export interface UpgradeResult {
  from: ComparedAgainst;
  to: ComparedAgainst;
  /** The policy's text after the upgrade (conflicts keep the policy's words). */
  text: string;
  /** The edits on the policy's text, in order and disjoint: one workspace edit. */
  edits: TextEdit[];
  /** Upstream changes applied where the policy kept the base's wording. */
  applied: UpgradeItem[];
  /** The policy's own edits and filled fields, kept as they are. */
  kept: UpgradeItem[];
  /** Where both the policy and upstream changed the same words differently: left as the policy has them, to decide. */
  conflicts: UpgradeItem[];
}

/**
 * A three-way merge of a policy with two upstream wordings: `base` (what the policy was
 * copied from: its detected version and revision) and `target` (what to move to). Each
 * upstream change is applied where the policy kept the base's words; the policy's own
 * edits and filled fields stay; where both changed the same words differently, the
 * policy's stay and the place is reported as a conflict, never dropped.
 *
 * The merge runs on the comparison's tokens (words and fields) with the same bounded
 * diff, so layout is the policy's, and the result is a list of minimal edits on the
 * policy's text.
 */
export function upgradePolicy(doc: ConductDocument, library: UpstreamLibrary, base: UpstreamText, target: UpstreamText, budgetMs = 800): UpgradeResult {
  const policy = comparedText(doc, library);
  const from = comparedUpstream(base, library);
  const to = comparedUpstream(target, library);
  const budget = new DiffBudget(budgetMs);
  const O = policy.tokenized.tokens;
  const B = from.tokenized.tokens;
  const T = to.tokenized.tokens;
  const ours = sideChanges(boundedDiff(keys(B), keys(O), groups(B, O), budget).hunks);
  const theirs = sideChanges(boundedDiff(keys(B), keys(T), groups(B, T), budget).hunks);
  const mapO = indexMap(ours, O.length, B.length);
  const mapT = indexMap(theirs, T.length, B.length);

  const edits: TextEdit[] = [];
  const applied: UpgradeItem[] = [];
  const kept: UpgradeItem[] = [];
  const conflicts: UpgradeItem[] = [];
  const text = (side: ComparedText, tokens: readonly CompareToken[], from: number, to: number) =>
    to > from ? foldSpace(side.doc.text.slice(tokens[from].span.start, tokens[to - 1].span.end)) : '';
  const spanIn = (tokens: readonly CompareToken[], from: number, to: number): Span =>
    to > from ? { start: tokens[from].span.start, end: tokens[to - 1].span.end } : { start: pointAt(tokens, from), end: pointAt(tokens, from) };

  for (const chunk of chunks(ours, theirs)) {
    const oRange: [number, number] = chunk.ours.length ? [chunk.ours[0].other[0], chunk.ours[chunk.ours.length - 1].other[1]] : [mapO(chunk.base[0]), mapO(chunk.base[1])];
    const tRange: [number, number] = chunk.theirs.length ? [chunk.theirs[0].other[0], chunk.theirs[chunk.theirs.length - 1].other[1]] : [mapT(chunk.base[0]), mapT(chunk.base[1])];
    const item: UpgradeItem = {
      policy: spanIn(O, oRange[0], oRange[1]),
      kind: 'wording',
      baseText: text(from, B, chunk.base[0], chunk.base[1]),
      text: text(policy, O, oRange[0], oRange[1]),
      targetText: text(to, T, tRange[0], tRange[1]),
    };
    if (!chunk.theirs.length) {
      kept.push(item);
    } else if (!chunk.ours.length) {
      const kind = oRange[1] === oRange[0] ? 'delete' : tRange[1] === tRange[0] ? 'insert' : 'replace';
      const edit = wordingEdit({ kind, policy: item.policy, upstream: spanIn(T, tRange[0], tRange[1]) }, to, policy);
      if (edit) edits.push(edit);
      applied.push(item);
    } else if (sameKeys(O, oRange, T, tRange)) {
      kept.push(item);
    } else {
      conflicts.push(item);
    }
  }

  // Values and link targets where all three have the same words: follow upstream where the policy kept the base's.
  const changedBase = new Set<number>();
  for (const c of [...ours, ...theirs]) for (let i = c.base[0]; i < c.base[1]; i++) changedBase.add(i);
  const oLinks = linkAt(policy.tokenized.links);
  const bLinks = linkAt(from.tokenized.links);
  const tLinks = linkAt(to.tokenized.links);
  const seen = new Set<string>();
  for (let i = 0; i < B.length; i++) {
    if (changedBase.has(i)) continue;
    const [o, b, t] = [O[mapO(i)], B[i], T[mapT(i)]];
    if (!o || !t) continue;
    if (b.key === FIELD_KEY) {
      const values = [policy.doc.text.slice(o.span.start, o.span.end), from.doc.text.slice(b.span.start, b.span.end), to.doc.text.slice(t.span.start, t.span.end)];
      const item: UpgradeItem = { policy: o.span, kind: 'field', baseText: values[1], text: values[0], targetText: values[2] };
      if (same(values[0], values[1]) && !same(values[1], values[2])) {
        edits.push({ span: o.span, text: values[2] });
        applied.push(item);
      } else if (!same(values[0], values[1])) kept.push(item);
    }
    const [ol, bl, tl] = [oLinks(o.span.start), bLinks(b.span.start), tLinks(t.span.start)];
    if (ol?.urlSpan && bl && tl && !seen.has(`${ol.urlSpan.start}`) && same(ol.url, bl.url) && !same(bl.url, tl.url)) {
      seen.add(`${ol.urlSpan.start}`);
      edits.push({ span: ol.urlSpan, text: tl.url });
      applied.push({ policy: ol.urlSpan, kind: 'link', baseText: bl.url, text: ol.url, targetText: tl.url });
    }
  }

  const ordered = normalise(edits);
  return { from: upstreamAgainst(base), to: upstreamAgainst(target), text: applyEdits(policy.doc.text, ordered), edits: ordered, applied, kept, conflicts };
}

const keys = (tokens: readonly CompareToken[]) => tokens.map((t) => t.key);
const same = (x: string, y: string) => foldSpace(x).toLowerCase() === foldSpace(y).toLowerCase();

/** Sentence and paragraph starts for the diff's fallbacks. */
function groups(a: readonly CompareToken[], b: readonly CompareToken[]) {
  const starts = (tokens: readonly CompareToken[]) => tokens.map((t, i) => (i === 0 || t.block !== tokens[i - 1].block ? i : -1)).filter((i) => i >= 0);
  return [{ a: starts(a), b: starts(b) }];
}

/** Where missing words go: after the previous token, or before the first. */
function pointAt(tokens: readonly CompareToken[], index: number): number {
  return index > 0 ? tokens[index - 1].span.end : (tokens[0]?.span.start ?? 0);
}

/** A change of one side against the base: base range and the side's range (delete and insert next to each other made one). */
interface SideChange {
  base: [number, number];
  other: [number, number];
}

function sideChanges(hunks: readonly Hunk[]): SideChange[] {
  const changes: SideChange[] = [];
  for (const hunk of hunks) {
    if (hunk.kind === 'equal') continue;
    const last = changes[changes.length - 1];
    if (last && last.base[1] === hunk.a[0] && last.other[1] === hunk.b[0]) {
      last.base[1] = hunk.a[1];
      last.other[1] = hunk.b[1];
    } else changes.push({ base: [hunk.a[0], hunk.a[1]], other: [hunk.b[0], hunk.b[1]] });
  }
  return changes;
}

/** Maps a base index outside the side's changes to the side's index (the side's length at the end). */
function indexMap(changes: readonly SideChange[], sideLength: number, baseLength: number): (i: number) => number {
  return (i) => {
    if (i >= baseLength) return sideLength;
    let shift = 0;
    for (const c of changes) {
      if (c.base[0] > i || (c.base[0] === i && c.base[1] > i)) break;
      shift = c.other[1] - c.base[1];
    }
    return i + shift;
  };
}

interface Chunk {
  base: [number, number];
  ours: SideChange[];
  theirs: SideChange[];
}

/**
 * Groups the two sides' changes where they touch the same base words: two ranges that
 * overlap, or an insertion at the same place as (or inside) the other side's change.
 */
function chunks(ours: readonly SideChange[], theirs: readonly SideChange[]): Chunk[] {
  const all = [...ours.map((c) => ({ c, side: 'ours' as const })), ...theirs.map((c) => ({ c, side: 'theirs' as const }))].sort((x, y) => x.c.base[0] - y.c.base[0] || x.c.base[1] - y.c.base[1]);
  const result: Chunk[] = [];
  for (const { c, side } of all) {
    const last = result[result.length - 1];
    const touches = last && (c.base[0] < last.base[1] || c.base[0] === last.base[0] || (c.base[0] === last.base[1] && (c.base[0] === c.base[1] || last.base[0] === last.base[1])));
    if (touches) {
      last.base[1] = Math.max(last.base[1], c.base[1]);
      last[side].push(c);
    } else result.push({ base: [c.base[0], c.base[1]], ours: side === 'ours' ? [c] : [], theirs: side === 'theirs' ? [c] : [] });
  }
  return result;
}

function sameKeys(a: readonly CompareToken[], aRange: [number, number], b: readonly CompareToken[], bRange: [number, number]): boolean {
  if (aRange[1] - aRange[0] !== bRange[1] - bRange[0]) return false;
  for (let k = 0; k < aRange[1] - aRange[0]; k++) if (a[aRange[0] + k].key !== b[bRange[0] + k].key) return false;
  return true;
}

function linkAt(links: readonly LinkTarget[]): (offset: number) => LinkTarget | undefined {
  return (offset) => links.find((l) => offset >= l.text.start && offset < l.text.end);
}

/**
 * Why moving from `base` to `target` is not an upgrade this merge does, or undefined when it
 * is: the same family or 1.x to 2.x, forwards (or an earlier wording to today's of its
 * version). 3.0 is close to a rewrite upstream: it gets a guided migration instead.
 */
export function upgradeProblem(base: UpstreamText, target: UpstreamText): string | undefined {
  const from = base.entry.version;
  const to = target.entry.version;
  if (to.startsWith('3.')) return `Contributor Covenant ${to} is close to a rewrite of ${from}; use the guided migration to 3.0 instead of an upgrade.`;
  const order = from.localeCompare(to, 'en', { numeric: true });
  if (order > 0) return `${to} is older than the ${from} text this policy follows; an upgrade only moves forwards.`;
  if (order === 0 && !base.revision) return `this policy already follows today's wording of ${from}.`;
  return undefined;
}
