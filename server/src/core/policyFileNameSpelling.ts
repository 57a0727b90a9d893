import { isPolicyFileName } from './policyFileName';

const CANONICAL = 'code_of_conduct';
const TEXT_EXTENSIONS = new Set(['md', 'markdown', 'txt']);
/** Edits (insertions, deletions, substitutions, swaps of neighbours) a stem may be away from "code_of_conduct" and still be read as a slip of the keyboard. */
const MAX_EDITS = 2;

/** A policy file name GitHub will not recognise, and the name it would. */
export interface FileNameCorrection {
  /** The name to rename the file to, in the same folder. */
  name: string;
  /** `stem`: "CODE_OF_CONDUCT" is misspelled; `extension`: a text extension was added twice (".md.txt"). */
  problem: 'stem' | 'extension';
}

/**
 * The conventional name a misspelled policy file name was meant to be: "CCODE_OF_CONDUCT.md",
 * "CODE_OF_CUNDUCT.md", "Code of Conduct.md" and "CODE_OF_CONDUCT.md.txt" are names GitHub
 * does not show as the project's code of conduct. Undefined for a conventional name (a
 * language suffix such as ".de" is kept as written) and for names that are not near one.
 */
export function correctPolicyFileName(name: string): FileNameCorrection | undefined {
  const parts = name.split('.');
  const [stem, ...suffixes] = parts;
  if (!stem || suffixes.some((s) => s === '')) return undefined;
  const extensions = trailingTextExtensions(suffixes);
  // Everything between the stem and the text extensions, e.g. a language (".de").
  const middle = suffixes.slice(0, suffixes.length - extensions.length);
  if (suffixes.length && !extensions.length) return undefined;
  const extension = extensions.length > 1 ? (extensions.find((e) => e.toLowerCase() !== 'txt') ?? extensions[0]) : extensions[0];
  const stemIsConventional = isPolicyFileName(`${stem}.md`);
  if (!stemIsConventional && !nearCanonical(stem)) return undefined;
  if (stemIsConventional && extensions.length < 2) return undefined;
  const fixedStem = stemIsConventional ? stem : canonicalStemLike(stem);
  return {
    name: [fixedStem, ...middle, ...(extension ? [extension] : [])].join('.'),
    problem: stemIsConventional ? 'extension' : 'stem',
  };
}

/** The text extensions that end `suffixes`, in order ([".md", ".txt"] for "x.de.md.txt"). */
function trailingTextExtensions(suffixes: readonly string[]): string[] {
  let start = suffixes.length;
  while (start > 0 && TEXT_EXTENSIONS.has(suffixes[start - 1].toLowerCase())) start--;
  return suffixes.slice(start);
}

function nearCanonical(stem: string): boolean {
  const folded = stem.toLowerCase().replace(/[\s_-]+/g, '_');
  return folded !== '' && editDistance(folded, CANONICAL, MAX_EDITS) <= MAX_EDITS;
}

/** "CODE_OF_CONDUCT" for upper or mixed case, "code_of_conduct" (or "code-of-conduct" when the stem used dashes) for lower case. */
function canonicalStemLike(stem: string): string {
  if (stem !== stem.toLowerCase()) return CANONICAL.toUpperCase();
  return stem.includes('-') && !stem.includes('_') ? CANONICAL.replace(/_/g, '-') : CANONICAL;
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters),
 * giving up early: any result above `limit` is reported as limit + 1.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
