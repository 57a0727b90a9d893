import { parseConductDocument, type ConductDocument } from '../document';
import { foldSpace } from '../normalize';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import { alignUnits, type UnitPair } from './align';
import { FIELD_KEY, tokenizeForCompare, type CompareToken, type LinkTarget, type TokenizedText } from './tokens';
import { unitsOf, type CompareUnit } from './units';
import { boundedDiff, DiffBudget, foldShortEqualRuns, type DiffLevel, type Hunk } from './wordDiff';

/**
 * - `insert`, `delete`, `replace`: wording the policy added, dropped or reworded;
 * - `field`: a placeholder filled in, or a contact value that differs (never wording);
 * - `link`: the same link text pointing elsewhere;
 * - `formatting`: a paragraph the policy breaks where the base does not.
 */
export type ChangeKind = 'insert' | 'delete' | 'replace' | 'field' | 'link' | 'formatting';

export interface Change {
  kind: ChangeKind;
  /** Where in the policy; empty (start = end) where the base's words are missing. */
  policy: Span;
  /** Where in the base text; empty where the policy added words. */
  upstream: Span;
  /** The policy's text over `policy`, white space folded ('' for a deletion). */
  text: string;
  upstreamText: string;
}

export type SectionStatus = 'identical' | 'modified' | 'added' | 'removed' | 'moved';

export interface SectionComparison {
  /** "pledge", "enforcement", "rung:warning", "title", "preamble"; undefined for an addendum the base lacks. */
  id?: string;
  /** The policy's heading, or the base's for a removed section. */
  heading: string;
  /** The base's heading, when paired. */
  upstreamHeading?: string;
  status: SectionStatus;
  /** 0..1 over words, fields counted as equal. */
  similarity: number;
  /** How the sections were paired. */
  pairedBy: UnitPair['by'];
  policy?: Span;
  upstream?: Span;
  /** Words inserted or deleted outside fields. */
  wordsChanged: number;
  /** The granularity of `changes`: 'word' unless the word diff went over its bounds. */
  level: DiffLevel;
  changes: Change[];
}

export interface ComparisonSummary {
  identical: number;
  modified: number;
  added: number;
  removed: number;
  moved: number;
  wordsChanged: number;
  /** Placeholders filled and contact values that differ. */
  fields: number;
}

export interface Comparison {
  /** 0..1: the share of words both texts have in common, fields counted as equal. */
  similarity: number;
  summary: ComparisonSummary;
  /** In the policy's order, with the base's unpaired sections after the section that precedes them upstream. */
  sections: SectionComparison[];
  /** The coarsest granularity any section fell back to, with a sentence saying so; undefined when all were word-level. */
  fallback?: { level: Exclude<DiffLevel, 'word'>; message: string };
}

/** A text read for comparison: model, tokens and units. Either side may be a policy or an upstream text. */
export interface ComparedText {
  doc: ConductDocument;
  tokenized: TokenizedText;
  units: CompareUnit[];
}

export interface CompareOptions {
  /** Milliseconds the whole comparison may spend diffing before it falls back to coarser units. */
  budgetMs?: number;
}

/** Reads a policy (already parsed by the caller, usually from its analysis) for comparison. */
export function comparedText(doc: ConductDocument, library: UpstreamLibrary): ComparedText {
  const tokenized = tokenizeForCompare(doc.text, doc.tree, library);
  return { doc, tokenized, units: unitsOf(doc, tokenized) };
}

const upstreamCache = new WeakMap<UpstreamText, ComparedText>();

/** An upstream text read for comparison, with its own sections recognised; cached per text. */
export function comparedUpstream(text: UpstreamText, library: UpstreamLibrary): ComparedText {
  let found = upstreamCache.get(text);
  if (!found) {
    found = comparedText(parseConductDocument(text.body, library, { baseSections: library.sectionsOf(text) }), library);
    upstreamCache.set(text, found);
  }
  return found;
}

const DEFAULT_BUDGET_MS = 400;

/**
 * Compares a policy with a base text (upstream, or another policy): sections aligned by id,
 * then by wording; each pair diffed word by word, fields and formatting told apart from
 * wording. Pure; the cost is bounded by `budgetMs`.
 */
export function compareTexts(base: ComparedText, policy: ComparedText, options: CompareOptions = {}): Comparison {
  const budget = new DiffBudget(options.budgetMs ?? DEFAULT_BUDGET_MS);
  const { pairs, wordingSkipped } = alignUnits(base.units, policy.units, base.tokenized.tokens, policy.tokenized.tokens, budget);
  const sections = pairs.map((pair) => compareUnits(pair, base.tokenized, policy.tokenized, budget));
  const summary: ComparisonSummary = { identical: 0, modified: 0, added: 0, removed: 0, moved: 0, wordsChanged: 0, fields: 0 };
  let words = 0;
  for (const s of sections) {
    summary[s.status]++;
    summary.wordsChanged += s.wordsChanged;
    summary.fields += s.changes.filter((c) => c.kind === 'field').length;
  }
  for (const t of [...base.tokenized.tokens, ...policy.tokenized.tokens]) if (t.key !== FIELD_KEY) words++;
  const coarsest = wordingSkipped ? 'whole' : (['whole', 'paragraph', 'sentence'] as const).find((level) => sections.some((s) => s.level === level));
  return {
    similarity: words ? Math.max(0, 1 - summary.wordsChanged / words) : 1,
    summary,
    sections,
    ...(coarsest && {
      fallback: {
        level: coarsest,
        message: wordingSkipped
          ? 'These texts are too large to compare fully within the time allowed: sections were paired by heading only, and some are compared as a whole.'
          : `Some sections differ too much for a word-by-word comparison within the time allowed; they are compared ${coarsest === 'whole' ? 'as a whole' : `${coarsest} by ${coarsest}`}.`,
      },
    }),
  };
}

function compareUnits(pair: UnitPair, base: TokenizedText, policy: TokenizedText, budget: DiffBudget): SectionComparison {
  const { a, b } = pair;
  const id = (b?.key ?? a?.key)?.replace(/^section:/, '');
  const words = (unit: CompareUnit | undefined, tokens: readonly CompareToken[]) => {
    let n = 0;
    if (unit) for (let t = unit.from; t < unit.to; t++) if (tokens[t].key !== FIELD_KEY) n++;
    return n;
  };
  if (!a || !b) {
    const unit = (a ?? b)!;
    const wordsChanged = a ? words(a, base.tokens) : words(b, policy.tokens);
    return {
      ...(id && { id }),
      heading: unit.heading,
      status: a ? 'removed' : 'added',
      similarity: 0,
      pairedBy: 'none',
      ...(b ? { policy: b.span } : { upstream: a!.span }),
      wordsChanged,
      level: 'word',
      changes: [],
    };
  }
  const aTokens = base.tokens.slice(a.from, a.to);
  const bTokens = policy.tokens.slice(b.from, b.to);
  const { hunks, level } = boundedDiff(
    aTokens.map((t) => t.key),
    bTokens.map((t) => t.key),
    [groupStarts(aTokens, bTokens, base.text, policy.text, sentenceBreak), groupStarts(aTokens, bTokens, base.text, policy.text, paragraphBreak)],
    budget,
  );
  const changes = changesOf(foldShortEqualRuns(hunks), aTokens, bTokens, base, policy, b.span.start);
  let wordsChanged = 0;
  for (const change of changes) {
    if (change.kind === 'insert' || change.kind === 'delete' || change.kind === 'replace') wordsChanged += change.words;
  }
  const total = words(a, base.tokens) + words(b, policy.tokens);
  const wording = changes.some((c) => c.kind === 'insert' || c.kind === 'delete' || c.kind === 'replace');
  return {
    ...(id && { id }),
    heading: b.heading,
    upstreamHeading: a.heading,
    status: pair.moved ? 'moved' : wording ? 'modified' : 'identical',
    similarity: total ? Math.max(0, 1 - wordsChanged / total) : 1,
    pairedBy: pair.by,
    policy: b.span,
    upstream: a.span,
    wordsChanged,
    level,
    changes: changes.map(({ words: _words, ...change }) => change),
  };
}

type Break = (tokens: readonly CompareToken[], t: number, text: string) => boolean;

const sentenceBreak: Break = (tokens, t, text) => paragraphBreak(tokens, t, text) || /[.!?。！？]/.test(text.slice(tokens[t - 1].span.end, tokens[t].span.start));
const paragraphBreak: Break = (tokens, t) => tokens[t].block !== tokens[t - 1].block;

function groupStarts(a: readonly CompareToken[], b: readonly CompareToken[], aText: string, bText: string, isBreak: Break): { a: number[]; b: number[] } {
  const starts = (tokens: readonly CompareToken[], text: string) => {
    const at: number[] = [];
    for (let t = 0; t < tokens.length; t++) if (t === 0 || isBreak(tokens, t, text)) at.push(t);
    return at;
  };
  return { a: starts(a, aText), b: starts(b, bText) };
}

type CountedChange = Change & { words: number };

/** Turns hunks into changes: wording (insert, delete, replace), fields filled, links retargeted and paragraphs split. */
function changesOf(hunks: readonly Hunk[], a: readonly CompareToken[], b: readonly CompareToken[], base: TokenizedText, policy: TokenizedText, unitStart: number): CountedChange[] {
  const changes: CountedChange[] = [];
  const aLinks = linkLookup(base.links);
  const bLinks = linkLookup(policy.links);
  const seenLinks = new Set<LinkTarget>();
  const spanOf = (tokens: readonly CompareToken[], from: number, to: number, fallback: number): Span =>
    to > from ? { start: tokens[from].span.start, end: tokens[to - 1].span.end } : { start: fallback, end: fallback };
  // Where missing words belong: after the word before them, or before the unit's first word (not before its heading syntax).
  const pointAfter = (tokens: readonly CompareToken[], index: number, fallback: number) => (index > 0 ? tokens[index - 1].span.end : (tokens[0]?.span.start ?? fallback));

  for (let h = 0; h < hunks.length; h++) {
    const hunk = hunks[h];
    if (hunk.kind === 'equal') {
      for (let k = 0; k < hunk.a[1] - hunk.a[0]; k++) {
        const i = hunk.a[0] + k;
        const j = hunk.b[0] + k;
        const [x, y] = [a[i], b[j]];
        if (x.field && foldSpace(base.text.slice(x.span.start, x.span.end)).toLowerCase() !== foldSpace(policy.text.slice(y.span.start, y.span.end)).toLowerCase()) {
          changes.push(change('field', y.span, x.span, base, policy, 0));
        }
        const bLink = bLinks(y.span.start);
        const aLink = aLinks(x.span.start);
        if (bLink && aLink && !seenLinks.has(bLink) && normaliseUrl(bLink.url) !== normaliseUrl(aLink.url)) {
          seenLinks.add(bLink);
          changes.push({ ...change('link', bLink.text, aLink.text, base, policy, 0), text: bLink.url, upstreamText: aLink.url });
        }
        if (k > 0 && x.block === a[i - 1].block && y.block !== b[j - 1].block && x.block >= 0) {
          const gap = { start: b[j - 1].span.end, end: y.span.start };
          changes.push({ kind: 'formatting', policy: gap, upstream: { start: a[i - 1].span.end, end: x.span.start }, text: '', upstreamText: '', words: 0 });
        }
      }
      continue;
    }
    // A delete and an insert side by side are one replacement.
    let aRange = hunk.a;
    let bRange = hunk.b;
    const next = hunks[h + 1];
    if (next && next.kind !== 'equal' && next.kind !== hunk.kind) {
      aRange = [Math.min(hunk.a[0], next.a[0]), Math.max(hunk.a[1], next.a[1])];
      bRange = [Math.min(hunk.b[0], next.b[0]), Math.max(hunk.b[1], next.b[1])];
      h++;
    }
    const aPart = a.slice(aRange[0], aRange[1]);
    const bPart = b.slice(bRange[0], bRange[1]);
    const policySpan = spanOf(b, bRange[0], bRange[1], pointAfter(b, bRange[0], unitStart));
    const upstreamSpan = spanOf(a, aRange[0], aRange[1], pointAfter(a, aRange[0], a[0]?.span.start ?? 0));
    // Wording written where the base has only a placeholder is the placeholder filled in.
    const words = [...aPart, ...bPart].filter((t) => t.key !== FIELD_KEY).length;
    // An address added or dropped beside the same words (a URL as a link label, a footer
    // link) is no wording either.
    const fill = (aPart.length > 0 && aPart.every((t) => t.key === FIELD_KEY) && aPart.some((t) => t.field === 'placeholder')) || words === 0;
    const kind: ChangeKind = fill ? 'field' : !aPart.length ? 'insert' : !bPart.length ? 'delete' : 'replace';
    changes.push(change(kind, policySpan, upstreamSpan, base, policy, fill ? 0 : words));
  }
  return changes.sort((x, y) => x.policy.start - y.policy.start || x.upstream.start - y.upstream.start);
}

function change(kind: ChangeKind, policySpan: Span, upstreamSpan: Span, base: TokenizedText, policy: TokenizedText, words: number): CountedChange {
  return {
    kind,
    policy: policySpan,
    upstream: upstreamSpan,
    text: foldSpace(policy.text.slice(policySpan.start, policySpan.end)),
    upstreamText: foldSpace(base.text.slice(upstreamSpan.start, upstreamSpan.end)),
    words,
  };
}

/** The link whose visible text contains an offset, by binary search over links sorted by start. */
function linkLookup(links: readonly LinkTarget[]): (offset: number) => LinkTarget | undefined {
  return (offset) => {
    let low = 0;
    let high = links.length - 1;
    let found: LinkTarget | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (links[mid].text.start <= offset) {
        found = links[mid];
        low = mid + 1;
      } else high = mid - 1;
    }
    return found && offset < found.text.end ? found : undefined;
  };
}

/** Link targets that lead to the same place: scheme and host case, a trailing slash and "www." do not matter. */
function normaliseUrl(url: string): string {
  return url.trim().replace(/^https?:\/\/(www\.)?/i, (m) => m.toLowerCase().replace('http:', 'https:').replace('www.', '')).replace(/\/+$/, '');
}

/** Convenience: a policy's model against one upstream text. */
export function compareWithUpstream(doc: ConductDocument, upstream: UpstreamText, library: UpstreamLibrary, options?: CompareOptions): Comparison {
  return compareTexts(comparedUpstream(upstream, library), comparedText(doc, library), options);
}
