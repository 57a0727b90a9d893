import { revisionShinglesKey, type RevisionShingles, type UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import { detectionTokens, type DetectionToken } from './normalize';
import { SHINGLE_SIZE, shingleKeys } from './shingles';

/** A `##` section of an upstream text, as the shingles that lie wholly inside it. */
export interface IndexedSection {
  /** The heading's visible text, as upstream writes it. */
  heading: string;
  keys: ReadonlySet<number>;
}

/**
 * What tells text a from a close text b: the shingles a has and b lacks, split by whether
 * they hold a number. Those that do are nearly all version numbers ("version 2.1" in the
 * attribution), which a policy may state wrongly; the rest is wording.
 */
export interface Distinction {
  words: ReadonlySet<number>;
  numbers: ReadonlySet<number>;
}

/** One upstream text, reduced to what detection compares. */
export interface IndexedText {
  source: UpstreamText;
  keys: ReadonlySet<number>;
  /** How many distinct shingles: `keys.size`, known without building an earlier wording's set. */
  size: number;
  sections: readonly IndexedSection[];
  /**
   * Where the text stands in the library: today's texts in catalog order, then the earlier
   * wordings in theirs. Only exact ties are decided by it, and so never by indexing order.
   */
  order: number;
}

/**
 * An earlier wording, kept as how its shingles differ from today's text of its version and
 * language (a few dozen shingles, where the whole text has a thousand or more). Its full
 * shingle set and sections are derived on first request: only the chosen text's are.
 */
export interface IndexedRevision extends IndexedText {
  /** Today's text of the same version and language. */
  current: IndexedText;
  /** Shingles this wording has and today's lacks. */
  added: ReadonlySet<number>;
  /** Shingles today's has and this wording lacks. */
  removed: ReadonlySet<number>;
  /** Its position in {@link DetectionIndex.revisions}. */
  slot: number;
}

/** Who has one shingle: today's texts (by index), and the earlier wordings that added or dropped it. */
interface Posting {
  texts: number[];
  added: IndexedRevision[] | undefined;
  removed: IndexedRevision[] | undefined;
}

/** What a policy shares with each text: distinct shingles, per today's text and per earlier wording. */
export interface Tally {
  /** By index into {@link DetectionIndex.texts}. */
  texts: Int32Array;
  /** By {@link IndexedRevision.slot}. */
  revisions: Int32Array;
}

/**
 * Shingle index over every text of an {@link UpstreamLibrary}: built once, then each
 * detection is a hash lookup per policy shingle instead of a diff per upstream text.
 *
 * Earlier wordings are indexed by their difference from today's text, in the same postings,
 * so what a policy shares with all of them costs one lookup per policy shingle plus a step
 * per earlier wording that differs there, not a pass over each.
 */
export class DetectionIndex {
  /** Today's texts, in catalog order. */
  readonly texts: readonly IndexedText[];
  /** The earlier wordings, in catalog order. */
  readonly revisions: readonly IndexedRevision[];
  private readonly vocabulary = new Map<string, number>();
  private readonly postings = new Map<number, Posting>();
  private readonly revisionsByText = new Map<IndexedText, IndexedRevision[]>();
  /** The words of each paragraph block of the earlier wordings, read once (see {@link revisionWords}). */
  private readonly blockWords = new Map<string, string[]>();
  private readonly distinct = new Map<IndexedText, Map<IndexedText, Distinction>>();
  /** Shingles that contain a number. */
  private readonly numbered = new Set<number>();

  constructor(readonly library: UpstreamLibrary) {
    this.texts = library.texts.map((source, index) => {
      const { keys, sections } = this.read(source, (word) => this.idOf(word));
      for (const key of keys) this.posting(key).texts.push(index);
      return { source, keys, size: keys.size, sections, order: index };
    });
    const revisions: IndexedRevision[] = [];
    library.revisions.forEach((source, i) => {
      const current = this.texts.find((t) => textKey(t.source) === textKey(source));
      if (current) revisions.push(this.readRevision(source, current, this.texts.length + i, revisions.length));
    });
    this.revisions = revisions;
  }

  /** A text's distinct shingles and sections; `id` gives each word its number. */
  private read(source: UpstreamText, id: (word: string) => number): { keys: Set<number>; sections: IndexedSection[] } {
    const tokens = detectionTokens(source.body, this.library);
    const keys = this.shingles(tokens.map((t) => t.text), id);
    return { keys: new Set(keys), sections: sectionsOf(source, tokens, keys) };
  }

  /** The shingle at each word position, noting those that hold a number. */
  private shingles(words: readonly string[], id: (word: string) => number): number[] {
    const keys = shingleKeys(words.map(id));
    words.forEach((word, t) => {
      if (!NUMBER.test(word)) return;
      for (let k = Math.max(0, t - SHINGLE_SIZE + 1); k <= t && k < keys.length; k++) this.numbered.add(keys[k]);
    });
    return keys;
  }

  /**
   * An earlier wording's words, read paragraph by paragraph: most of its paragraphs are word
   * for word those of today's text or of another wording (2.0 fr has 53), so each distinct
   * paragraph is masked and tokenized once. Masking and tokenizing never reach across a blank
   * line except through a bracket, parenthesis or comment left open; a text with one is read
   * whole.
   */
  private revisionWords(body: string): string[] {
    const blocks = body.split(/\n[ \t]*\n/);
    if (!blocks.every(isClosed)) return detectionTokens(body, this.library).map((t) => t.text);
    return blocks.flatMap((block) => {
      let words = this.blockWords.get(block);
      if (!words) this.blockWords.set(block, (words = detectionTokens(block, this.library).map((t) => t.text)));
      return words;
    });
  }

  private posting(key: number): Posting {
    let posting = this.postings.get(key);
    // One shape for every posting keeps the lookup loop monomorphic.
    if (!posting) this.postings.set(key, (posting = { texts: [], added: undefined, removed: undefined }));
    return posting;
  }

  private readRevision(source: UpstreamText, current: IndexedText, order: number, slot: number): IndexedRevision {
    const { added, removed, size } = this.revisionShingles(source, current);
    const reread = () => this.read(source, (word) => this.wordKey(word));
    let all: ReadonlySet<number> | undefined;
    let sections: readonly IndexedSection[] | undefined;
    const revision: IndexedRevision = {
      source,
      order,
      current,
      added,
      removed,
      slot,
      size,
      get keys() {
        return (all ??= new Set([...[...current.keys].filter((k) => !removed.has(k)), ...added]));
      },
      get sections() {
        return (sections ??= reread().sections);
      },
    };
    for (const key of added) (this.posting(key).added ??= []).push(revision);
    for (const key of removed) (this.posting(key).removed ??= []).push(revision);
    const siblings = this.revisionsByText.get(current);
    if (siblings) siblings.push(revision);
    else this.revisionsByText.set(current, [revision]);
    return revision;
  }

  /**
   * How an earlier wording's shingles differ from today's text: from the build's record when
   * the library has one (the vocabulary is built from today's texts in catalog order, so its
   * ids are the same here), else read from the wording itself.
   */
  private revisionShingles(source: UpstreamText, current: IndexedText): { added: ReadonlySet<number>; removed: ReadonlySet<number>; size: number } {
    const recorded = this.library.revisionShingles?.get(revisionShinglesKey(source));
    if (recorded) {
      for (const key of recorded.numbered) this.numbered.add(key);
      return { added: new Set(recorded.added), removed: new Set(recorded.removed), size: recorded.size };
    }
    const keys = new Set(this.shingles(this.revisionWords(source.body), (word) => this.wordKey(word)));
    return { added: difference(keys, current.keys), removed: difference(current.keys, keys), size: keys.size };
  }

  /** What the build records of each earlier wording (see RevisionShingles), from this index. */
  recordRevisionShingles(): Map<string, RevisionShingles> {
    return new Map(
      this.revisions.map((r) => [
        revisionShinglesKey(r.source),
        { added: [...r.added], removed: [...r.removed], size: r.size, numbered: [...r.added].filter((key) => this.numbered.has(key)) },
      ]),
    );
  }

  /** The id of a word today's upstream texts use, or undefined for any other word. */
  wordId(word: string): number | undefined {
    return this.vocabulary.get(word);
  }

  /**
   * The number shingles use for a word: its {@link wordId}, or for a word today's texts do
   * not use, a hash of it (negative, so it never meets a vocabulary id). A word only an
   * earlier wording and the policy use ("pledge to making") gets the same number in both.
   */
  wordKey(word: string): number {
    return this.vocabulary.get(word) ?? -1 - (hashWord(word) & 0x7fffffff);
  }

  /** The earlier wordings of one of today's texts, oldest first. */
  revisionsOf(text: IndexedText): readonly IndexedRevision[] {
    return this.revisionsByText.get(text) ?? [];
  }

  /**
   * How many of a policy's distinct shingles each text shares: one lookup per shingle. An
   * earlier wording shares what its today's text shares, plus the shingles it added and
   * minus those it dropped that the policy has.
   */
  tally(keys: ReadonlySet<number>): Tally {
    const texts = new Int32Array(this.texts.length);
    const revisions = new Int32Array(this.revisions.length);
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (!posting) continue;
      for (const i of posting.texts) texts[i]++;
      if (posting.added) for (const r of posting.added) revisions[r.slot]++;
      if (posting.removed) for (const r of posting.removed) revisions[r.slot]--;
    }
    for (const r of this.revisions) revisions[r.slot] += texts[r.current.order];
    return { texts, revisions };
  }

  /**
   * What text `a` has and text `b` lacks: what tells two close texts apart (2.0 from 2.1,
   * pt from pt-br, one wording of 1.4 from the next). Computed on first use, since only the
   * few pairs that a policy leaves close are ever asked for; between wordings of one text,
   * from their differences to today's alone.
   */
  distinctive(a: IndexedText, b: IndexedText): Distinction {
    let byB = this.distinct.get(a);
    if (!byB) this.distinct.set(a, (byB = new Map()));
    let distinction = byB.get(b);
    if (!distinction) {
      const only = [...onlyIn(a, b)];
      distinction = { words: new Set(only.filter((k) => !this.numbered.has(k))), numbers: new Set(only.filter((k) => this.numbered.has(k))) };
      byB.set(b, distinction);
    }
    return distinction;
  }

  private idOf(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(word, id);
    }
    return id;
  }
}

/** Whether a paragraph block leaves no bracket (ASCII or full-width), parenthesis or HTML comment open for a later one to close. */
function isClosed(block: string): boolean {
  let depth = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if (c === 0x5b || c === 0x28 || c === 0xff3b || c === 0x3010) depth++;
    else if ((c === 0x5d || c === 0x29 || c === 0xff3d || c === 0x3011) && depth > 0) depth--;
  }
  return depth === 0 && block.lastIndexOf('<!--') <= block.lastIndexOf('-->');
}

/** The shingles of `a` that `b` lacks. */
function onlyIn(a: IndexedText, b: IndexedText): Set<number> {
  const ra = 'current' in a ? (a as IndexedRevision) : undefined;
  const rb = 'current' in b ? (b as IndexedRevision) : undefined;
  if (ra && ra.current === b) return new Set(ra.added);
  if (rb && rb.current === a) return new Set(rb.removed);
  // Two wordings of one text: a = today - removedA + addedA, and likewise b.
  if (ra && rb && ra.current === rb.current) return new Set([...difference(ra.added, rb.added), ...difference(rb.removed, ra.removed)]);
  return difference(a.keys, b.keys);
}

function textKey(text: UpstreamText): string {
  return `${text.entry.version} ${text.entry.language}`;
}

function difference(a: ReadonlySet<number>, b: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const key of a) if (!b.has(key)) out.add(key);
  return out;
}

/** FNV-1a over UTF-16 units: words outside the vocabulary are few, so 31 bits keep them apart. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * An ATX heading line: upstream texts write no setext headings and no headings inside
 * code, so a line scan finds them at a fraction of a Markdown parse's cost (which would
 * dominate the build).
 */
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;

/** A heading's visible text: link text kept, emphasis and code marks dropped. */
function headingText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?/g, '$1').replace(/[*_`]+/g, '').trim();
}

/**
 * The `##` sections of an upstream text, each as the shingles that lie wholly inside it, so
 * that a section the policy kept verbatim scores 1 whatever the policy puts around it. A
 * section shorter than a shingle keeps the shingles that start in it. 1.0–1.3 have no `##`
 * headings: there the whole text is one section, named by its title.
 */
function sectionsOf(source: UpstreamText, tokens: readonly DetectionToken[], keys: readonly number[]): IndexedSection[] {
  const headings = [...source.body.matchAll(HEADING)].map((m) => ({ depth: m[1].length, heading: headingText(m[2]), start: m.index }));
  const level2 = headings.filter((h) => h.depth === 2);
  const bounds = level2.length ? level2 : [{ heading: headings[0]?.heading ?? '', start: 0 }];
  const firstToken = (offset: number) => {
    const i = tokens.findIndex((t) => t.start >= offset);
    return i < 0 ? tokens.length : i;
  };
  return bounds.map(({ heading, start }, i) => {
    const from = firstToken(start);
    const to = i + 1 < bounds.length ? firstToken(bounds[i + 1].start) : tokens.length;
    const last = to - from >= SHINGLE_SIZE ? to - SHINGLE_SIZE : Math.min(to - 1, keys.length - 1);
    return { heading, keys: new Set(keys.slice(from, last + 1)) };
  });
}

const NUMBER = /^\p{N}+$/u;

const indexes = new WeakMap<UpstreamLibrary, DetectionIndex>();

/**
 * The detection index for a library, built on first use and cached for as long as the
 * library lives. Call it at start-up (or in a benchmark) to pay the build cost up front.
 */
export function buildDetectionIndex(library: UpstreamLibrary): DetectionIndex {
  let index = indexes.get(library);
  if (!index) {
    index = new DetectionIndex(library);
    indexes.set(library, index);
  }
  return index;
}
