import type { UpstreamLibrary } from '../upstream/library';
import { detectionTokens } from './normalize';

/**
 * The language a text is written in, told by the bundled texts' own vocabulary: no extra
 * dependency, and exactly the languages a policy can be compared in. Used when detection
 * decided by a claim, a title or structure, so no text of that language was matched: a
 * French translation of 3.0 (upstream has none) is still French.
 */
export interface LanguageGuess {
  language: string;
  /** Share of the text's known words that the winner explains better than the runner-up, 0..1. */
  margin: number;
}

/** Words per language kept in its profile: its most frequent, which are its function words. */
const PROFILE_WORDS = 400;
/** Fewer known words than this and the guess is not made. */
const MIN_KNOWN_WORDS = 12;
/** Words read from a long text: the first pages say its language as well as the whole. */
const MAX_WORDS = 4000;
/** The winner must lead the runner-up by this much average log-likelihood per word. */
const MIN_LEAD = 0.15;

interface Profiles {
  languages: string[];
  /** word → log-probability per language (same order as `languages`). */
  logProbability: Map<string, Float64Array>;
}

const cache = new WeakMap<UpstreamLibrary, Profiles>();

function profilesOf(library: UpstreamLibrary): Profiles {
  const cached = cache.get(library);
  if (cached) return cached;
  const counts = new Map<string, Map<string, number>>();
  for (const text of library.texts) {
    const language = text.entry.language.toLowerCase();
    const tally = counts.get(language) ?? new Map<string, number>();
    counts.set(language, tally);
    for (const token of detectionTokens(text.body, library)) {
      if (/^\p{N}+$/u.test(token.text)) continue;
      tally.set(token.text, (tally.get(token.text) ?? 0) + 1);
    }
  }
  const languages = [...counts.keys()].sort();
  const vocabulary = new Set<string>();
  for (const tally of counts.values()) {
    for (const [word] of [...tally.entries()].sort((a, b) => b[1] - a[1]).slice(0, PROFILE_WORDS)) vocabulary.add(word);
  }
  const logProbability = new Map<string, Float64Array>();
  const totals = languages.map((l) => [...counts.get(l)!.values()].reduce((a, b) => a + b, 0));
  for (const word of vocabulary) {
    // Add-one smoothing over the shared vocabulary: a word a language never uses costs, not kills.
    logProbability.set(word, Float64Array.from(languages, (l, i) => Math.log(((counts.get(l)!.get(word) ?? 0) + 1) / (totals[i] + vocabulary.size))));
  }
  const profiles = { languages, logProbability };
  cache.set(library, profiles);
  return profiles;
}

/** The bundled language `text` is written in, or undefined when too little of it is known or two languages are too close. */
export function guessLanguage(text: string, library: UpstreamLibrary): LanguageGuess | undefined {
  const { languages, logProbability } = profilesOf(library);
  const scores = new Float64Array(languages.length);
  let known = 0;
  for (const token of detectionTokens(text, library).slice(0, MAX_WORDS)) {
    const row = logProbability.get(token.text);
    if (!row) continue;
    known++;
    for (let i = 0; i < row.length; i++) scores[i] += row[i];
  }
  if (known < MIN_KNOWN_WORDS) return undefined;
  const order = [...scores.keys()].sort((a, b) => scores[b] - scores[a]);
  const [best, second] = order;
  const lead = second === undefined ? Infinity : (scores[best] - scores[second]) / known;
  // pt and pt-br, zh-cn and zh-tw read alike: a near tie between variants of one language names the plain one's family.
  if (lead < MIN_LEAD && languages[best].split('-')[0] !== languages[second].split('-')[0]) return undefined;
  return { language: languages[best], margin: Math.min(1, lead) };
}
