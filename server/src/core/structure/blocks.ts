import type { ConductDocument } from '../document';
import type { Span } from '../span';

/**
 * The least a block must hold to count as a version of the policy of its own: this many
 * standard sections recognised by their headings. A policy that repeats one or two
 * sections by mistake stays one document (duplicate-section reports it).
 */
const MIN_SHARED_SECTIONS = 3;

/** Script runs shorter than this (letters, links removed) never make a block of their own. */
const MIN_SCRIPT_LETTERS = 400;
/** Nor do runs of fewer headed parts. */
const MIN_SCRIPT_PARTS = 3;

/**
 * Splits a file that holds more than one version of its policy (a translation followed by
 * the original, or the same policy pasted twice) into one span per version, in order and
 * covering the whole text. A file with one version gives one span.
 *
 * Two signals decide, both read from the model of the whole file: the sequence of standard
 * sections (recognised by heading in any bundled language) and rungs starting over, and the
 * writing system of the text changing for good at a heading.
 */
export function findBlocks(doc: ConductDocument): Span[] {
  const byRepetition = splitByRepetition(doc);
  const blocks: Span[] = [];
  for (const block of byRepetition) blocks.push(...splitByScript(doc, block));
  return blocks;
}

interface Marker {
  key: string;
  section: boolean;
  offset: number;
}

/** Where the run of standard sections and rungs starts over with at least {@link MIN_SHARED_SECTIONS} of the same sections. */
function splitByRepetition(doc: ConductDocument): Span[] {
  const markers: Marker[] = [
    ...doc.sections.filter((s) => s.id && s.recognizedBy === 'heading').map((s) => ({ key: `s:${s.id}`, section: true, offset: s.heading.span.start })),
    ...doc.ladder.filter((r) => r.id).map((r) => ({ key: `r:${r.id}`, section: false, offset: r.labelSpan.start })),
  ].sort((a, b) => a.offset - b.offset);
  const starts = [0];
  let seen = new Set<string>();
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i];
    if (seen.has(marker.key) && sectionsIn(seen) >= MIN_SHARED_SECTIONS) {
      const next = runFrom(markers, i);
      const shared = [...next].filter((key) => key.startsWith('s:') && seen.has(key)).length;
      if (shared >= MIN_SHARED_SECTIONS) {
        starts.push(blockStart(doc, markers[i - 1].offset, marker.offset));
        seen = new Set();
      }
    }
    seen.add(marker.key);
  }
  return spansFrom(starts, doc.text.length);
}

function sectionsIn(keys: Set<string>): number {
  let count = 0;
  for (const key of keys) if (key.startsWith('s:')) count++;
  return count;
}

/** The keys from one marker up to (not including) the first that repeats. */
function runFrom(markers: readonly Marker[], from: number): Set<string> {
  const run = new Set<string>();
  for (let i = from; i < markers.length && !run.has(markers[i].key); i++) run.add(markers[i].key);
  return run;
}

/** A version starts at its own title, when a shallower heading comes between the last section of the version before and its first section. */
function blockStart(doc: ConductDocument, after: number, first: number): number {
  const firstHeading = doc.headings.find((h) => h.span.start === first);
  const depth = firstHeading?.depth ?? 2;
  const title = doc.headings.find((h) => h.span.start > after && h.span.start < first && h.depth < depth);
  return title ? title.span.start : first;
}

function spansFrom(starts: readonly number[], end: number): Span[] {
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? end }));
}

/** Within one block: where the text's writing system changes for good at a heading (a translation, then the original). */
function splitByScript(doc: ConductDocument, block: Span): Span[] {
  const headings = doc.headings.filter((h) => h.span.start >= block.start && h.span.start < block.end);
  if (headings.length < 2 * MIN_SCRIPT_PARTS) return [block];
  // Two writing systems, each with enough letters, mean at least that many letters outside
  // Latin: most policies have none, and need no count per part.
  if (countUpTo(doc.text.slice(block.start, block.end), NON_LATIN_LETTER, MIN_SCRIPT_LETTERS) < MIN_SCRIPT_LETTERS) return [block];
  const parts = headings.map((h, i) => {
    const start = i === 0 ? block.start : h.span.start;
    const end = headings[i + 1]?.span.start ?? block.end;
    return { start, ...scriptOf(doc.text.slice(start, end)) };
  });
  const scripts = parts.filter((p) => p.script);
  for (let i = MIN_SCRIPT_PARTS; i <= scripts.length - MIN_SCRIPT_PARTS; i++) {
    const before = scripts.slice(0, i);
    const after = scripts.slice(i);
    const first = before[0].script;
    const second = after[0].script;
    if (first === second || before.some((p) => p.script !== first) || after.some((p) => p.script !== second)) continue;
    if (letters(before) < MIN_SCRIPT_LETTERS || letters(after) < MIN_SCRIPT_LETTERS) continue;
    const boundary = after[0].start;
    if (!startsOver(doc, block, boundary)) continue;
    return [{ start: block.start, end: boundary }, { start: boundary, end: block.end }];
  }
  return [block];
}

/**
 * A new version starts over: it opens with a title as shallow as any before it, or repeats
 * a standard section the text before already had. A translation in progress (translated
 * headings, then English bodies) does neither.
 */
function startsOver(doc: ConductDocument, block: Span, boundary: number): boolean {
  const before = doc.headings.filter((h) => h.span.start >= block.start && h.span.start < boundary);
  const opening = doc.headings.find((h) => h.span.start === boundary);
  if (opening && before.length && opening.depth <= Math.min(...before.map((h) => h.depth))) return true;
  const ids = (from: number, to: number) => new Set(doc.sections.filter((s) => s.id && s.heading.span.start >= from && s.heading.span.start < to).map((s) => s.id));
  const earlier = ids(block.start, boundary);
  return [...ids(boundary, block.end)].some((id) => earlier.has(id));
}

function letters(parts: readonly { letters: number }[]): number {
  return parts.reduce((sum, p) => sum + p.letters, 0);
}

/** Links, e-mail addresses and code are written in Latin letters whatever the language. */
const NOT_PROSE = /`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>|https?:\/\/\S+|\S+@\S+|^\s*\[[^\]\n]+\]:.*$/gmu;

/** Writing systems that tell one language's block from another's (Han and Kana read as one). */
const SCRIPTS: readonly [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/gu],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['hangul', /\p{Script=Hangul}/gu],
  ['cyrillic', /\p{Script=Cyrillic}/gu],
  ['greek', /\p{Script=Greek}/gu],
  ['arabic', /\p{Script=Arabic}/gu],
  ['hebrew', /\p{Script=Hebrew}/gu],
  ['devanagari', /\p{Script=Devanagari}/gu],
  ['thai', /\p{Script=Thai}/gu],
];
const LETTER = /\p{L}/gu;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/gu;

/** How many times a global pattern matches, counting no further than `limit`: one linear scan, no per-character work in JavaScript. */
function countUpTo(text: string, pattern: RegExp, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text)) count++;
  return count;
}


/** The writing system of most of a part's letters, when a clear majority (four in five) share one. */
function scriptOf(text: string): { script?: string; letters: number } {
  const prose = text.replace(NOT_PROSE, ' ');
  const total = countUpTo(prose, LETTER, Infinity);
  if (total < 20) return { letters: total };
  let best: { script: string; count: number } | undefined;
  for (const [script, pattern] of SCRIPTS) {
    const count = countUpTo(prose, pattern, Infinity);
    if (!best || count > best.count) best = { script, count };
    // A clear majority found: no other script can beat it.
    if (count >= 0.8 * total) break;
  }
  return best && best.count >= 0.8 * total ? { script: best.script, letters: total } : { letters: total };
}
