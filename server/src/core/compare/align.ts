import type { CompareToken } from './tokens';
import { FIELD_KEY } from './tokens';
import type { CompareUnit } from './units';
import type { DiffBudget } from './wordDiff';

/** Two units taken as the same part of the policy: a, the base's (upstream's); b, the policy's. */
export interface UnitPair {
  a?: CompareUnit;
  b?: CompareUnit;
  /** How the pair was made: by canonical id (or rung), by similar wording, or not at all. */
  by: 'key' | 'wording' | 'none';
  /** The policy kept the unit, but in another place relative to the others. */
  moved: boolean;
}

/**
 * Two units with different keys (a renamed heading, an addendum that rewrites a standard
 * section) are paired when their wording is at least this similar (Dice over word
 * multisets). Measured on the seeds: renamed sections score 0.6 and more against their
 * upstream section, unrelated pairs 0.25 at most.
 */
const MIN_WORDING = 0.4;

/**
 * Pairs the units of a base text (a) with those of a policy (b): first by key (canonical
 * section or rung, in order, so a section the policy has twice pairs once), then the rest by
 * wording, so renamed sections pair and the policy's own addenda do not. Returns pairs in
 * the policy's order, with the base's unpaired units placed after the pair that precedes
 * them in the base.
 */
export function alignUnits(
  aUnits: readonly CompareUnit[],
  bUnits: readonly CompareUnit[],
  aTokens: readonly CompareToken[],
  bTokens: readonly CompareToken[],
  budget?: DiffBudget,
): { pairs: UnitPair[]; wordingSkipped: boolean } {
  const partner = new Map<number, number>(); // index in b → index in a
  const taken = new Set<number>();
  const by = new Map<number, UnitPair['by']>();
  const byKey = new Map<string, number[]>();
  aUnits.forEach((unit, i) => unit.key && byKey.set(unit.key, [...(byKey.get(unit.key) ?? []), i]));
  bUnits.forEach((unit, j) => {
    const i = unit.key ? byKey.get(unit.key)?.shift() : undefined;
    if (i === undefined) return;
    partner.set(j, i);
    taken.add(i);
    by.set(j, 'key');
  });

  const wordingSkipped = pairByWording(aUnits, bUnits, aTokens, bTokens, partner, taken, budget);
  for (const j of partner.keys()) if (!by.has(j)) by.set(j, 'wording');

  const aPartner = new Map([...partner].map(([j, i]) => [i, j]));
  const a = absorbNested(aUnits, (i) => aPartner.get(i), (j) => nestedCount(bUnits, j));
  const b = absorbNested(bUnits, (j) => partner.get(j), (i) => nestedCount(aUnits, i));
  joinUnheaded(a, (i) => aPartner.get(i), (j) => b[j], aTokens, bTokens, taken);
  joinUnheaded(b, (j) => partner.get(j), (i) => a[i], bTokens, aTokens);

  const moved = movedPairs(b.map((unit, j) => (unit ? partner.get(j) : undefined)));
  const pairs: UnitPair[] = [];
  const pairOf = new Map<number, number>(); // index in a → index in pairs
  b.forEach((unit, j) => {
    if (!unit) return;
    const i = partner.get(j);
    if (i !== undefined) pairOf.set(i, pairs.length);
    pairs.push(i === undefined ? { b: unit, by: 'none', moved: false } : { a: a[i], b: unit, by: by.get(j)!, moved: moved.has(j) });
  });
  // Each base unit the policy lacks goes after the pair holding its nearest earlier base unit.
  const inserts = new Map<number, UnitPair[]>();
  a.forEach((unit, i) => {
    if (!unit || taken.has(i)) return;
    let after = -1;
    for (let k = i - 1; k >= 0 && after < 0; k--) after = pairOf.get(k) ?? -1;
    inserts.set(after, [...(inserts.get(after) ?? []), { a: unit, by: 'none', moved: false }]);
  });
  const result: UnitPair[] = [...(inserts.get(-1) ?? [])];
  pairs.forEach((pair, p) => result.push(pair, ...(inserts.get(p) ?? [])));
  return { pairs: result, wordingSkipped };
}

/**
 * A word in more than this share of the base's unpaired units (and more than
 * {@link COMMON_MIN} of them) says nothing about which one a unit is: it is left out of
 * the candidate search, which keeps the search near linear on long texts.
 */
const COMMON_SHARE = 0.1;
const COMMON_MIN = 50;

/**
 * Pairs the units no key paired by the similarity of their words (Dice over word
 * multisets, at least {@link MIN_WORDING}), best pairs first. Candidates are found through
 * the words they share, not by scoring every pair, and the search stops when the budget
 * runs out; returns whether it did.
 */
function pairByWording(
  aUnits: readonly CompareUnit[],
  bUnits: readonly CompareUnit[],
  aTokens: readonly CompareToken[],
  bTokens: readonly CompareToken[],
  partner: Map<number, number>,
  taken: Set<number>,
  budget?: DiffBudget,
): boolean {
  const open = aUnits.map((_, i) => i).filter((i) => !taken.has(i));
  const aBags = new Map(open.map((i) => [i, bag(aUnits[i], aTokens)]));
  const postings = new Map<string, number[]>();
  for (const i of open) for (const key of aBags.get(i)!.keys()) postings.set(key, [...(postings.get(key) ?? []), i]);
  const common = Math.max(COMMON_MIN, open.length * COMMON_SHARE);
  const candidates: { i: number; j: number; score: number }[] = [];
  for (let j = 0; j < bUnits.length; j++) {
    if (partner.has(j)) continue;
    if (budget?.exhausted()) return true;
    const mine = bag(bUnits[j], bTokens);
    const seen = new Set<number>();
    for (const key of mine.keys()) {
      const list = postings.get(key);
      if (list && list.length <= common) for (const i of list) seen.add(i);
    }
    for (const i of seen) {
      const score = dice(mine, aBags.get(i)!);
      if (score >= MIN_WORDING) candidates.push({ i, j, score });
    }
  }
  for (const { i, j } of candidates.sort((x, y) => y.score - x.score)) {
    if (taken.has(i) || partner.has(j)) continue;
    partner.set(j, i);
    taken.add(i);
  }
  // Units without words (an empty heading, a heading of placeholders only) share no word to be
  // found by: they pair with each other in order, so a text compared with itself is identical.
  const aWordless = open.filter((i) => !taken.has(i) && aBags.get(i)!.size === 0);
  const bWordless = bUnits.map((_, j) => j).filter((j) => !partner.has(j) && bag(bUnits[j], bTokens).size === 0);
  for (let k = 0; k < Math.min(aWordless.length, bWordless.length); k++) {
    partner.set(bWordless[k], aWordless[k]);
    taken.add(aWordless[k]);
  }
  return false;
}

function bag(unit: CompareUnit, tokens: readonly CompareToken[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let t = unit.from; t < unit.to; t++) if (tokens[t].key !== FIELD_KEY) counts.set(tokens[t].key, (counts.get(tokens[t].key) ?? 0) + 1);
  return counts;
}

/** How many units nest under unit k (deeper, until the next unit at its depth or shallower). */
function nestedCount(units: readonly CompareUnit[], k: number): number {
  let n = 0;
  while (k + 1 + n < units.length && units[k + 1 + n].depth > units[k].depth) n++;
  return n;
}

/**
 * Folds unpaired subsections into their section, so that an addendum with subsections is
 * one added section, and a standard section that the policy split into subsections
 * ("Our Standards" with "Positive Behavior" and "Unacceptable Behavior" under it) is
 * compared whole with the base's, which has none. Only when every nested unit is unpaired,
 * and the section is unpaired or its partner has no subsections of its own. Titles and
 * preambles never absorb: everything nests under a title. Absorbed units become undefined.
 */
function absorbNested(units: readonly CompareUnit[], partnerOf: (k: number) => number | undefined, partnerNested: (k: number) => number): (CompareUnit | undefined)[] {
  const result: (CompareUnit | undefined)[] = [...units];
  for (let k = 0; k < units.length; k++) {
    const unit = result[k];
    if (!unit || unit.depth <= 1) continue;
    const n = nestedCount(units, k);
    if (!n) continue;
    const nested = units.slice(k + 1, k + 1 + n);
    const partner = partnerOf(k);
    if (nested.some((_, m) => partnerOf(k + 1 + m) !== undefined) || (partner !== undefined && partnerNested(partner) > 0)) continue;
    const last = nested[nested.length - 1];
    result[k] = { ...unit, span: { start: unit.span.start, end: last.span.end }, to: last.to };
    for (let m = 1; m <= n; m++) result[k + m] = undefined;
    k += n;
  }
  return result;
}

/**
 * A unit with no partner whose words the partner of the unit before it holds: one side
 * lost a heading (a "## " dropped, a line a PDF did not mark), so two sections there are
 * one here. The unit joins the one before it, and the pair compares whole.
 */
function joinUnheaded(
  units: (CompareUnit | undefined)[],
  partnerOf: (k: number) => number | undefined,
  other: (k: number) => CompareUnit | undefined,
  tokens: readonly CompareToken[],
  otherTokens: readonly CompareToken[],
  taken?: Set<number>,
): void {
  for (let k = 1; k < units.length; k++) {
    const unit = units[k];
    if (!unit || partnerOf(k) !== undefined) continue;
    let p = k - 1;
    while (p >= 0 && !units[p]) p--;
    const previous = units[p];
    const partner = p >= 0 ? partnerOf(p) : undefined;
    const counterpart = partner === undefined ? undefined : other(partner);
    if (!previous || !counterpart || previous.to !== unit.from) continue;
    const words = bag(unit, tokens);
    const held = bag(counterpart, otherTokens);
    const own = bag(previous, tokens);
    let size = 0;
    let found = 0;
    for (const [key, count] of words) {
      size += count;
      found += Math.min(count, Math.max(0, (held.get(key) ?? 0) - (own.get(key) ?? 0)));
    }
    if (size < JOIN_MIN_WORDS || found / size < JOIN_SHARE) continue;
    units[p] = { ...previous, span: { start: previous.span.start, end: unit.span.end }, to: unit.to };
    units[k] = undefined;
    taken?.add(k);
  }
}

/** A unit joins its neighbour's pair only when that pair's other side holds most of its words, beyond what the neighbour itself accounts for. */
const JOIN_SHARE = 0.6;
const JOIN_MIN_WORDS = 5;

function dice(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [key, count] of x) {
    shared += Math.min(count, y.get(key) ?? 0);
    total += count;
  }
  for (const count of y.values()) total += count;
  return total ? (2 * shared) / total : 0;
}

/**
 * The paired policy units that are out of the base's order: those outside a longest run
 * that increases in base order (the fewest moves that explain the policy's order).
 */
function movedPairs(baseIndexOf: readonly (number | undefined)[]): Set<number> {
  const items = baseIndexOf.map((i, j) => ({ i, j })).filter((x): x is { i: number; j: number } => x.i !== undefined);
  // Patience sorting for the longest increasing subsequence, keeping predecessors.
  const tails: number[] = [];
  const previous: number[] = new Array(items.length).fill(-1);
  items.forEach((item, k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (items[tails[mid]].i < item.i) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1];
    tails[low] = k;
  });
  const inOrder = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) inOrder.add(items[k].j);
  return new Set(items.filter((x) => !inOrder.has(x.j)).map((x) => x.j));
}
