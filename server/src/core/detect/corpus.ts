import type { UpstreamLibrary } from '../upstream/library';
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
  sections: readonly IndexedSection[];
}

/**
 * Shingle index over every text of an {@link UpstreamLibrary}: built once, then each
 * detection is a hash lookup per policy shingle instead of a diff per upstream text.
 */
export class DetectionIndex {
  readonly texts: readonly IndexedText[];
  private readonly vocabulary = new Map<string, number>();
  private readonly postings = new Map<number, number[]>();
  private readonly distinct = new Map<string, Distinction>();
  /** Shingles that contain a number. */
  private readonly numbered = new Set<number>();

  constructor(readonly library: UpstreamLibrary) {
    this.texts = library.texts.map((source, index) => {
      const tokens = detectionTokens(source.body, library);
      const keys = shingleKeys(tokens.map((t) => this.idOf(t.text)));
      tokens.forEach((token, t) => {
        if (!NUMBER.test(token.text)) return;
        for (let k = Math.max(0, t - SHINGLE_SIZE + 1); k <= t && k < keys.length; k++) this.numbered.add(keys[k]);
      });
      const distinctKeys = new Set(keys);
      for (const key of distinctKeys) {
        const list = this.postings.get(key);
        if (list) list.push(index);
        else this.postings.set(key, [index]);
      }
      return { source, keys: distinctKeys, sections: sectionsOf(source, tokens, keys) };
    });
  }

  /** The id of an upstream word, or undefined for a word no upstream text uses. */
  wordId(word: string): number | undefined {
    return this.vocabulary.get(word);
  }

  /** The indices (into {@link texts}) of the texts that contain a shingle. */
  textsWith(key: number): readonly number[] {
    return this.postings.get(key) ?? [];
  }

  /**
   * What text `a` has and text `b` lacks: what tells two close texts apart (2.0 from 2.1,
   * pt from pt-br). Computed on first use, since only the few pairs that a policy leaves
   * close are ever asked for.
   */
  distinctive(a: number, b: number): Distinction {
    const id = `${a}:${b}`;
    let distinction = this.distinct.get(id);
    if (!distinction) {
      const other = this.texts[b].keys;
      const only = [...this.texts[a].keys].filter((k) => !other.has(k));
      distinction = { words: new Set(only.filter((k) => !this.numbered.has(k))), numbers: new Set(only.filter((k) => this.numbered.has(k))) };
      this.distinct.set(id, distinction);
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
