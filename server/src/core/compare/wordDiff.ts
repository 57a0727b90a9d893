import { diffArrays } from 'diff';

/** A run of the diff: token index ranges [start, end) on both sides; one side is empty unless equal. */
export interface Hunk {
  kind: 'equal' | 'insert' | 'delete';
  a: [number, number];
  b: [number, number];
}

/** The granularity a diff was computed at: words, or a coarser unit after the word diff gave up. */
export type DiffLevel = 'word' | 'sentence' | 'paragraph' | 'whole';

/** A shared allowance for one comparison: a deadline, so many pairs cannot add up past it. */
export class DiffBudget {
  private readonly deadline: number;
  constructor(milliseconds: number, private readonly now: () => number = () => performance.now()) {
    this.deadline = now() + milliseconds;
  }
  /** Milliseconds left, at least 1 so a diff can still try the trivial cases. */
  remaining(): number {
    return Math.max(1, this.deadline - this.now());
  }
  /** Whether the deadline has passed: from then on only linear work is done. */
  exhausted(): boolean {
    return this.now() >= this.deadline;
  }
}

/**
 * Edits beyond which the word diff gives up: Myers' algorithm costs (n + m) × edits, and a
 * pair this different is better shown sentence by sentence anyway.
 */
const MAX_EDITS = 4000;

/**
 * Diffs two token key sequences, word by word when affordable. jsdiff returns nothing at all
 * when it exceeds its edit or time bound; then the same tokens are diffed as sentences,
 * then as paragraphs (each group compared by its whole key), and last as one replacement,
 * and the level used is returned so callers can say so.
 */
export function boundedDiff(a: readonly string[], b: readonly string[], groups: { a: readonly number[]; b: readonly number[] }[], budget: DiffBudget): { hunks: Hunk[]; level: DiffLevel } {
  if (budget.exhausted()) return trimmedReplacement(a, b);
  const words = diffKeys(a, b, budget);
  if (words) return { hunks: words, level: 'word' };
  const levels: DiffLevel[] = ['sentence', 'paragraph'];
  for (let g = 0; g < groups.length; g++) {
    const grouped = diffGroups(a, b, groups[g], budget);
    if (grouped) return { hunks: grouped, level: levels[g] ?? 'paragraph' };
  }
  return trimmedReplacement(a, b);
}

/**
 * The last resort, linear: the common start and end are equal, the middle one replacement.
 * Identical pairs stay identical however late they come.
 */
function trimmedReplacement(a: readonly string[], b: readonly string[]): { hunks: Hunk[]; level: DiffLevel } {
  const { head, tail } = commonEnds(a, b);
  const hunks: Hunk[] = [];
  if (head) hunks.push({ kind: 'equal', a: [0, head], b: [0, head] });
  if (a.length - tail > head) hunks.push({ kind: 'delete', a: [head, a.length - tail], b: [head, head] });
  if (b.length - tail > head) hunks.push({ kind: 'insert', a: [a.length - tail, a.length - tail], b: [head, b.length - tail] });
  if (tail) hunks.push({ kind: 'equal', a: [a.length - tail, a.length], b: [b.length - tail, b.length] });
  const changed = hunks.some((h) => h.kind !== 'equal');
  return { hunks, level: changed ? 'whole' : 'word' };
}

/** How many keys the two sequences share at the start, and then at the end. */
function commonEnds(a: readonly string[], b: readonly string[]): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}

/** Word-level hunks, or undefined when the diff went over its bounds. Common ends are trimmed first: most pairs differ in a few places. */
function diffKeys(a: readonly string[], b: readonly string[], budget: DiffBudget): Hunk[] | undefined {
  const { head, tail } = commonEnds(a, b);
  const hunks: Hunk[] = [];
  if (head) hunks.push({ kind: 'equal', a: [0, head], b: [0, head] });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length || midB.length) {
    const changes = midA.length && midB.length ? diffArrays(midA, midB, { maxEditLength: MAX_EDITS, timeout: budget.remaining() }) : [
      ...(midA.length ? [{ value: midA, count: midA.length, added: false, removed: true }] : []),
      ...(midB.length ? [{ value: midB, count: midB.length, added: true, removed: false }] : []),
    ];
    if (!changes) return undefined;
    let i = head;
    let j = head;
    for (const change of changes) {
      const n = change.count ?? change.value.length;
      if (change.added) hunks.push({ kind: 'insert', a: [i, i], b: [j, (j += n)] });
      else if (change.removed) hunks.push({ kind: 'delete', a: [i, (i += n)], b: [j, j] });
      else hunks.push({ kind: 'equal', a: [i, (i += n)], b: [j, (j += n)] });
    }
  }
  if (tail) hunks.push({ kind: 'equal', a: [a.length - tail, a.length], b: [b.length - tail, b.length] });
  return hunks;
}

/**
 * Diffs groups of tokens (sentences or paragraphs), each compared by its keys joined, and
 * maps the result back to token ranges. `starts` are each side's group start indices.
 */
function diffGroups(a: readonly string[], b: readonly string[], starts: { a: readonly number[]; b: readonly number[] }, budget: DiffBudget): Hunk[] | undefined {
  const join = (keys: readonly string[], at: readonly number[]) => at.map((start, g) => keys.slice(start, g + 1 < at.length ? at[g + 1] : keys.length).join(' '));
  const ga = join(a, starts.a);
  const gb = join(b, starts.b);
  const grouped = diffKeys(ga, gb, budget);
  if (!grouped) return undefined;
  const tokenIndex = (at: readonly number[], g: number, length: number) => (g < at.length ? at[g] : length);
  return grouped.map((h) => ({
    kind: h.kind,
    a: [tokenIndex(starts.a, h.a[0], a.length), tokenIndex(starts.a, h.a[1], a.length)],
    b: [tokenIndex(starts.b, h.b[0], b.length), tokenIndex(starts.b, h.b[1], b.length)],
  }));
}

/**
 * Folds short equal runs caught between two changes into one replacement, as
 * diff-match-patch's semantic cleanup does: "dropped 'not just', dropped 'us as
 * individuals'" around a kept "for" reads better as one reworded phrase. A run folds when
 * it has at most {@link MAX_FOLDED} tokens and the changes around it, both sides counted,
 * are at least four times as long. For display only: edits that must stay minimal (the
 * upgrade) use the raw hunks.
 */
export function foldShortEqualRuns(hunks: readonly Hunk[]): Hunk[] {
  const out: Hunk[] = hunks.map((h) => ({ kind: h.kind, a: [h.a[0], h.a[1]], b: [h.b[0], h.b[1]] }));
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 1; i + 1 < out.length; i++) {
      const equal = out[i];
      if (equal.kind !== 'equal' || equal.a[1] - equal.a[0] > MAX_FOLDED) continue;
      let from = i - 1;
      while (from > 0 && out[from - 1].kind !== 'equal') from--;
      let to = i + 1;
      while (to + 1 < out.length && out[to + 1].kind !== 'equal') to++;
      if (out[i - 1].kind === 'equal' || out[i + 1].kind === 'equal') continue;
      const around = (side: 'a' | 'b') => out.slice(from, to + 1).filter((h) => h.kind !== 'equal').reduce((n, h) => n + h[side][1] - h[side][0], 0);
      const size = equal.a[1] - equal.a[0];
      if (around('a') + around('b') < 4 * size) continue;
      const a: [number, number] = [out[from].a[0], out[to].a[1]];
      const b: [number, number] = [out[from].b[0], out[to].b[1]];
      out.splice(from, to - from + 1, { kind: 'delete', a, b: [b[0], b[0]] }, { kind: 'insert', a: [a[1], a[1]], b });
      changed = true;
      break;
    }
  }
  return out;
}

const MAX_FOLDED = 2;
