import { buildDetectionIndex, type DetectionIndex, type Distinction, type IndexedText, type Tally } from './detect/corpus';
import { adoptionClaim, namedFamily, rankFamilies, type DetectedFamily, type FamilyScore } from './detect/families';
import { maskForDetection, tokenize, type DetectionToken } from './detect/normalize';
import { guessLanguage } from './detect/language';
import { SHINGLE_SIZE, shingleKeys } from './detect/shingles';
import { DEFAULT_MAX_LENGTH } from './limits';
import type { Span } from './span';
import type { UpstreamLibrary } from './upstream/library';
import type { RevisionInfo, UpstreamText } from './upstream/types';

/** An upstream text a policy was compared with. */
export interface DetectionCandidate {
  version: string;
  /** Upstream language code ("en", "pt-br", "zh-cn"). */
  language: string;
  /** For the chosen candidate, the earlier wording it is; null for today's texts. */
  revision: RevisionInfo | null;
  /** Dice coefficient of the two shingle sets: 1 for the same wording, 0 for none shared. */
  similarity: number;
  /** The share of the upstream text's shingles that the policy contains. */
  coverage: number;
}

/** How much of one `##` section of the chosen upstream text the policy contains. */
export interface SectionMatch {
  /** The heading as upstream writes it. */
  heading: string;
  /** 0..1: the share of the section's shingles found anywhere in the policy. */
  similarity: number;
}

/** Wording found in the policy that only one of two close upstream texts has. */
export interface DetectionEvidence {
  /** The policy's own words, white space folded. */
  phrase: string;
  /** The version (and language) whose wording this is. */
  version: string;
  language: string;
  span?: Span;
}

/**
 * Which layer of detection decided, strongest first: the policy is the upstream text byte
 * for byte (`exact`), or with its template fields filled (`field-aware`); it shares a run of
 * the text's wording (`shingles`), or most of one substantial section (`sections`); it is
 * laid out as a Covenant text, with its section headings and rung names, in other words
 * (`structure`: a paraphrase or a summary); it names
 * its family by title, attribution or link (`title`); or it only claims to adopt a code held
 * elsewhere (`claim`, a pointer). `none` when nothing decided (the family is unknown).
 */
export type DetectionLayer = 'exact' | 'field-aware' | 'shingles' | 'sections' | 'structure' | 'title' | 'claim' | 'configured' | 'none';

/** Which upstream text a policy is based on, and how closely it follows it. */
export interface Detection {
  /**
   * The Contributor Covenant, a family whose text is bundled (Citizen, Django, Geek
   * Feminism, Go, No Code of Conduct), one recognised by name only (CNCF, Mozilla,
   * Microsoft, Ubuntu, Python, Rust, Facebook), or unknown.
   */
  family: DetectedFamily;
  /** `pointer`: a short file that adopts a code held elsewhere, with no text of its own; `text` otherwise. */
  kind: 'text' | 'pointer';
  /** The layer that decided (see {@link DetectionLayer}). */
  layer: DetectionLayer;
  /**
   * 0..1: how sure the decision is. 1 for an exact copy; a claim (a pointer) is at most
   * {@link CLAIM_CONFIDENCE}, whatever it claims; 0 when the family is unknown.
   */
  confidence: number;
  /**
   * Other versions (and languages) the policy reads as just as well: it holds none of the
   * wording where they differ from the chosen one (a fragment of a section two versions
   * share). Empty when the choice is clear.
   */
  alternatives: { version: string; language: string }[];
  /** Undefined when the family is unknown, and for a pointer or named family that states none. */
  version?: string;
  language?: string;
  /**
   * Which wording of that version and language: an earlier one upstream published and later
   * edited (when, and at which commit), or null for today's wording and when unknown.
   */
  revision: RevisionInfo | null;
  /**
   * The upstream text chosen: today's or the earlier wording. Undefined when the family is
   * unknown. Callers that print a detection as JSON leave it out (it holds the whole text).
   */
  source?: UpstreamText;
  /** 0..1: similarity to the chosen upstream text (0 when the family is unknown and nothing is shared). */
  similarity: number;
  /** 0..1: the share of the chosen upstream text that the policy contains. */
  coverage: number;
  /**
   * Best first, at most five, only texts sharing some wording: the chosen text (today's or
   * an earlier wording), then today's texts of other versions and languages.
   */
  candidates: DetectionCandidate[];
  /** One per `##` section of the chosen upstream text, in its order; empty when unknown. */
  sections: SectionMatch[];
  /**
   * The distinguishing wording that decided between close candidates (2.0 vs 2.1, pt vs
   * pt-br): the chosen text's first, then the runner-up's, each in document order.
   */
  evidence: DetectionEvidence[];
}

/** Options for {@link detectBase}; all optional. */
export interface DetectOptions {
  /** Only the first `maxLength` UTF-16 units are read: a policy's base shows in its opening pages. */
  maxLength?: number;
  /**
   * The base the user named (a setting or project config file): that Contributor Covenant
   * version, in that language or else the detected one (English when the version has no
   * text in it), today's wording. Detection still measures the policy against it, but no
   * longer chooses. Ignored when the library has no such version or language.
   */
  base?: { version: string; language?: string };
}

/**
 * Two candidates are close, and so decided by their distinguishing wording rather than by
 * overall similarity, when the runner-up scores at least this share of the leader's
 * similarity. Measured over the library, each upstream text against its nearest other
 * text: 0.63–1.0 for texts that are revisions or regional variants of each other (2.0 and
 * 2.1 in each language, 1.0/1.1, 1.2/1.3, pt/pt-br), at most 0.39 for any other pair (1.4
 * it and 2.0 it). 0.5 sits in that gap; anywhere in it, results on 3,700 random fragments
 * of upstream texts were the same.
 */
const CLOSE = 0.5;

/**
 * A policy is Contributor Covenant based when it contains at least this share of the chosen
 * upstream text (see {@link isCovenant} for the data).
 */
const MIN_COVERAGE = 0.05;

/**
 * …or at least this share of one substantial section (of {@link MIN_SECTION_SHINGLES}
 * shingles or more, about 45 words): a policy that kept one section and wrote the rest
 * itself is still derived from the Covenant, even where that section is a small part of a
 * long text (3.0's Scope is under 5% of it).
 */
const MIN_SECTION = 0.5;
const MIN_SECTION_SHINGLES = 40;

const MAX_CANDIDATES = 5;
const MAX_EVIDENCE = 12;

/**
 * Words of context kept on each side of a distinguishing phrase, so that a changed version
 * number reads "version 2.1, available at" rather than "2.1, available".
 */
const CONTEXT = 2;
const MAX_PHRASE_WORDS = 16;

/**
 * Detects which Contributor Covenant text (version and language) a policy is based on.
 * Pure and synchronous; never throws. The first call for a library builds its shingle index
 * ({@link buildDetectionIndex}); later calls are a hash lookup per policy shingle.
 */
export function detectBase(text: string, library: UpstreamLibrary, options: DetectOptions = {}): Detection {
  return analyseBase(text, library, options).detection;
}

/** A detection, and a way to ask which of the base's sections a span of the policy reads as. */
export interface BaseAnalysis {
  detection: Detection;
  /**
   * The heading of the section of the detected base text whose shingles make up most of the
   * span's, or undefined. This is how a renamed section ("Reporting and Enforcement") is
   * still known for what it is.
   */
  sectionOf: (span: Span) => string | undefined;
}

/** {@link detectBase} plus section matching, reading (masking, tokenising) the policy once for both. */
export function analyseBase(text: string, library: UpstreamLibrary, options: DetectOptions = {}): BaseAnalysis {
  const index = buildDetectionIndex(library);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const input = typeof text === 'string' ? text.slice(0, Math.max(0, maxLength)) : '';
  const policy = readPolicy(input, index);
  const { detection, chosen } = (options.base && pinned(policy, index, options.base)) || decide(policy, index);
  return { detection, sectionOf: sectionMatcher(policy, chosen) };
}

/** A pointer's confidence: it is a claim, which detection cannot check against any text. */
const CLAIM_CONFIDENCE = 0.5;
/**
 * A policy whose wording matched nothing is still read as a Covenant text when it has at
 * least {@link MIN_STRUCTURE_SECTIONS} of its standard section headings and
 * {@link MIN_STRUCTURE_RUNGS} of its rung names (or rung field labels), in any bundled
 * language: a paraphrase or a summary laid out as the Covenant is. Its version is that of
 * the nearest text by wording that has a ladder (none when no such text shares any), with
 * those as close as alternatives.
 */
const MIN_STRUCTURE_SECTIONS = 4;
const MIN_STRUCTURE_RUNGS = 2;
const STRUCTURE_CONFIDENCE = 0.55;

/** A first heading that names a Contributor Covenant version: "# Code de conduite 3.0 _Contributor Covenant_". */
function covenantTitle(text: string): { version: string } | undefined {
  const title = /^[ \t]{0,3}#[ \t]+(.+)$/m.exec(text)?.[1] ?? '';
  if (!/contributor[ _*-]*covenant/i.test(title)) return undefined;
  const version = /\b([1-3]\.\d)\b/.exec(title);
  return version ? { version: version[1] } : undefined;
}

/** The distinct standard sections and rungs (or rung fields) a policy's headings and bold labels name. */
function structureOf(text: string, library: UpstreamLibrary): { sections: number; rungs: number } {
  const sections = new Set<string>();
  const rungs = new Set<string>();
  for (const match of text.matchAll(/^[ \t]{0,3}(?:#{1,6}[ \t]+(.+?)[ \t#]*|\*\*(.+?):?\*\*:?.*|[-*][ \t]+\*\*(.+?):?\*\*:?.*)$/gm)) {
    const label = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (!label || label.length > 80) continue;
    const section = library.sectionNamed(label);
    if (section) sections.add(section);
    const rung = library.rungNamed(label) ?? library.fieldNamed(label);
    if (rung) rungs.add(rung);
  }
  return { sections: sections.size, rungs: rungs.size };
}

/** A family named by its title, attribution or link only. */
const TITLE_CONFIDENCE = 0.6;
/** A pointer is short: past this many words, a file has a text of its own. */
const POINTER_WORDS = 220;
/** …and keeps less than this share of the text it claims (a pointer may quote a sentence or two). */
const POINTER_COVERAGE = 0.3;
/**
 * A bundled family text is the base when the policy holds at least this share of it, and at
 * least {@link MIN_FAMILY_SHINGLES} of its shingles (No Code of Conduct is 40 words).
 * Covenant texts share at most 11% of any family text (1.1 and Geek Feminism's shorter
 * text list the same characteristics), Go's aside: it is adapted from 1.4, and similarity
 * decides between the two.
 */
const MIN_FAMILY_COVERAGE = 0.2;
const MIN_FAMILY_SHINGLES = 12;

function decide(policy: Policy, index: DetectionIndex): { detection: Detection; chosen?: IndexedText } {
  const covenant = decideCovenant(policy, index);
  const { detection } = covenant;
  const families = rankFamilies(policy.keys, index);
  const family = families[0];
  const familyFits = family && family.coverage >= MIN_FAMILY_COVERAGE && family.shared >= MIN_FAMILY_SHINGLES;
  // A family text wins over the Covenant only by being closer (Go is adapted from 1.4).
  if (familyFits && (detection.family === 'unknown' || family.similarity > detection.similarity)) {
    return { detection: familyDetection(family, families, policy, detection) };
  }
  const claim = adoptionClaim(policy.text);
  const words = policy.tokens.length;
  if (claim && words <= POINTER_WORDS && (detection.family === 'unknown' || detection.coverage < POINTER_COVERAGE)) {
    return {
      detection: {
        ...detection,
        family: claim.family,
        kind: 'pointer',
        layer: 'claim',
        confidence: CLAIM_CONFIDENCE,
        alternatives: [],
        version: claim.version,
        language: undefined,
        revision: null,
        source: undefined,
        sections: [],
        evidence: [],
      },
    };
  }
  const structure = detection.family === 'unknown' ? structureOf(policy.text, index.library) : undefined;
  if (structure && structure.sections >= MIN_STRUCTURE_SECTIONS && structure.rungs >= MIN_STRUCTURE_RUNGS && !namedFamily(policy.text)) {
    // A paraphrase in the Covenant's structure: the nearest text by wording that has a ladder gives the version, as a guess.
    const laddered = detection.candidates.filter((c) => {
      const text = index.library.find(c.version, c.language);
      return !c.revision && text !== undefined && index.library.rungsOf(text).length > 0;
    });
    const nearest = laddered[0];
    const close = laddered.filter((c) => c !== nearest && c.similarity >= 0.9 * nearest.similarity);
    return {
      detection: {
        ...detection,
        family: 'contributor-covenant',
        layer: 'structure',
        confidence: STRUCTURE_CONFIDENCE,
        alternatives: close.map((c) => ({ version: c.version, language: c.language })),
        version: nearest?.version,
        language: nearest?.language,
      },
    };
  }
  // A text of its own whose title or attribution claims a Covenant version (a machine translation, a rewrite).
  const titleClaim = detection.family === 'unknown' && claim?.family === 'contributor-covenant' && claim.version ? claim : covenantTitle(policy.text);
  if (detection.family === 'unknown' && titleClaim?.version) {
    return { detection: { ...detection, family: 'contributor-covenant', layer: 'title', confidence: CLAIM_CONFIDENCE, alternatives: [], version: titleClaim.version, language: guessLanguage(policy.text, index.library)?.language } };
  }
  const named = namedFamily(policy.text);
  if (named && (detection.family === 'unknown' || named === 'cncf')) {
    // CNCF's text is derived from Covenant 2.0: named as itself, the Covenant's match kept as the nearest candidate.
    return { detection: { ...detection, family: named, layer: 'title', confidence: TITLE_CONFIDENCE, alternatives: [], version: undefined, language: detection.language, revision: null, source: undefined, sections: [], evidence: [] } };
  }
  return covenant;
}

/** A policy based on a bundled text of another family. */
function familyDetection(best: FamilyScore, ranked: readonly FamilyScore[], policy: Policy, covenant: Detection): Detection {
  const { entry } = best.text.source;
  // Versions of the same family the policy reads as just as well: it holds none of the wording where they differ.
  const alternatives = ranked
    .filter((s) => s !== best && s.text.source.entry.family === entry.family && s.similarity >= CLOSE * best.similarity)
    .filter((s) => !hits(difference(best.text.keys, s.text.keys), policy.keys) && !hits(difference(s.text.keys, best.text.keys), policy.keys))
    .map((s) => ({ version: s.text.source.entry.version, language: s.text.source.entry.language }));
  const exact = policy.text.replace(/\r\n?/g, '\n').trim() === best.text.source.body.trim();
  const layer: DetectionLayer = exact ? 'exact' : best.similarity >= FIELD_AWARE ? 'field-aware' : 'shingles';
  return {
    ...covenant,
    family: entry.family,
    kind: 'text',
    layer,
    confidence: exact ? 1 : shingleConfidence(best.similarity, alternatives.length > 0),
    alternatives,
    version: entry.version,
    language: entry.language,
    revision: null,
    source: undefined,
    similarity: best.similarity,
    coverage: best.coverage,
    sections: [],
    evidence: [],
  };
}

/** A policy whose shingles are (nearly) all the upstream text's: its template fields filled, nothing else changed. */
const FIELD_AWARE = 0.97;

/**
 * Confidence from wording shared: from 0.6 for a policy that keeps little of its base to
 * 0.98 for all of it; a choice between versions it cannot tell apart is at most 0.7.
 */
function shingleConfidence(similarity: number, ambiguous: boolean): number {
  const confidence = Math.min(0.98, 0.6 + 0.4 * similarity);
  return Math.round((ambiguous ? Math.min(0.7, confidence) : confidence) * 100) / 100;
}

function difference(a: ReadonlySet<number>, b: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const key of a) if (!b.has(key)) out.add(key);
  return out;
}

function hits(keys: ReadonlySet<number>, policy: ReadonlySet<number>): boolean {
  for (const key of keys) if (policy.has(key)) return true;
  return false;
}

/**
 * The detection for a base the user named: the policy is measured against that text as
 * usual, but it is the base whatever the scores say (a heavily customised policy the
 * detector would call unknown, or a translation it would give another language). Undefined
 * when the library has no such text, so detection decides after all.
 */
function pinned(policy: Policy, index: DetectionIndex, base: NonNullable<DetectOptions['base']>): { detection: Detection; chosen?: IndexedText } | undefined {
  const ofVersion = index.texts.filter((t) => t.source.entry.version === base.version);
  if (!ofVersion.length) return undefined;
  const language = base.language ?? decide(policy, index).detection.language;
  const text = ofVersion.find((t) => t.source.entry.language === language) ?? (base.language ? undefined : ofVersion.find((t) => t.source.entry.language === 'en'));
  if (!text) return undefined;
  const { detection, chosen } = decideCovenant(policy, index, text);
  return { detection: { ...detection, family: 'contributor-covenant', layer: 'configured', confidence: 1, alternatives: [] }, chosen };
}

function decideCovenant(policy: Policy, index: DetectionIndex, pin?: IndexedText): { detection: Detection; chosen?: IndexedText } {
  const ranked = rank(policy, index);
  const decided = pin ? { chosen: ranked.find((s) => s.text === pin) ?? { text: pin, similarity: 0, coverage: 0, current: 0 }, runnerUp: undefined } : decideClose(ranked, policy, index);
  const { chosen, runnerUp } = decided;

  // The chosen wording, then today's texts of the other versions and languages: earlier
  // wordings would crowd them out (2.0 fr has 53), and some are English drafts filed as
  // translations, which tell a reader nothing.
  const candidates = chosen ? [chosen, ...ranked.filter((s) => !s.text.source.revision && textKey(s.text.source) !== textKey(chosen.text.source))].slice(0, MAX_CANDIDATES) : [];
  const asCandidate = (s: Score): DetectionCandidate => ({
    version: s.text.source.entry.version,
    language: s.text.source.entry.language,
    revision: s.text.source.revision ?? null,
    similarity: s.similarity,
    coverage: s.coverage,
  });
  const unknown: Detection = {
    family: 'unknown',
    kind: 'text',
    layer: 'none',
    confidence: 0,
    alternatives: [],
    revision: null,
    similarity: chosen?.similarity ?? 0,
    coverage: chosen?.coverage ?? 0,
    candidates: candidates.map(asCandidate),
    sections: [],
    evidence: [],
  };
  if (!chosen) return { detection: unknown };

  const sections = chosen.text.sections.map((section) => {
    let found = 0;
    for (const key of section.keys) if (policy.keys.has(key)) found++;
    return { heading: section.heading, similarity: section.keys.size ? found / section.keys.size : 0, size: section.keys.size };
  });
  if (!pin && !isCovenant(chosen.coverage, sections)) return { detection: unknown };

  const { source } = chosen.text;
  const alternatives = pin ? [] : indistinguishable(chosen, ranked, policy, index);
  const exact = policy.text.replace(/\r\n?/g, '\n').trim() === source.body.trim();
  const layer: DetectionLayer = exact ? 'exact' : chosen.similarity >= FIELD_AWARE ? 'field-aware' : chosen.coverage >= MIN_COVERAGE ? 'shingles' : 'sections';
  const detection: Detection = {
    ...unknown,
    family: 'contributor-covenant',
    layer,
    confidence: exact ? 1 : layer === 'sections' ? Math.min(0.7, shingleConfidence(chosen.similarity, alternatives.length > 0)) : shingleConfidence(chosen.similarity, alternatives.length > 0),
    alternatives,
    version: source.entry.version,
    language: source.entry.language,
    revision: source.revision ?? null,
    source,
    sections: sections.map(({ heading, similarity }) => ({ heading, similarity })),
    evidence: runnerUp ? evidenceFor(chosen.text, runnerUp.text, policy, index) : [],
  };
  return { detection, chosen: chosen.text };
}

/**
 * Today's texts of other versions or languages that the policy cannot be told from the
 * chosen one by: close in similarity, and the policy holds none of the wording where either
 * differs from the other (a fragment of a section that 2.0 and 2.1 word alike).
 */
function indistinguishable(chosen: Score, ranked: readonly Score[], policy: Policy, index: DetectionIndex): { version: string; language: string }[] {
  const out: { version: string; language: string }[] = [];
  const seen = new Set([textKey(chosen.text.source)]);
  for (const rival of ranked) {
    if (rival.text.source.revision || seen.has(textKey(rival.text.source)) || rival.similarity < 0.9 * chosen.similarity) continue;
    seen.add(textKey(rival.text.source));
    const own = index.distinctive(chosen.text, rival.text);
    const theirs = index.distinctive(rival.text, chosen.text);
    if (hits(own.words, policy.keys) || hits(own.numbers, policy.keys) || hits(theirs.words, policy.keys) || hits(theirs.numbers, policy.keys)) continue;
    out.push({ version: rival.text.source.entry.version, language: rival.text.source.entry.language });
  }
  return out;
}

/**
 * Calibration. Texts that are not Covenant based (200 package READMEs; Microsoft's,
 * Node.js's and Facebook's codes of conduct; the tests' house rules, which cite the
 * Covenant) share at most 0.5% of any upstream text and 1% of any section: stock phrases
 * and citations, never a run of sentences. Covenant-based policies: the nine found on a
 * developer machine contain 86–100% of their upstream text, the seeds 23% (000, which kept
 * 93% of the 2.1 pledge and rewrote the rest) to 100%. {@link MIN_COVERAGE} is ten times
 * the highest unrelated score and still finds a policy that kept one section in twenty.
 */
function isCovenant(coverage: number, sections: readonly { similarity: number; size: number }[]): boolean {
  return coverage >= MIN_COVERAGE || sections.some((s) => s.size >= MIN_SECTION_SHINGLES && s.similarity >= MIN_SECTION);
}

interface Policy {
  text: string;
  /** The policy with everything but wording blanked out, offsets unchanged. */
  masked: string;
  tokens: DetectionToken[];
  /** The shingle key at each token position (window start). */
  positions: number[];
  keys: Set<number>;
  /** Shared distinct shingles per indexed text and earlier wording. */
  shared: Tally;
}

function readPolicy(text: string, index: DetectionIndex): Policy {
  const masked = maskForDetection(text, index.library);
  const tokens = tokenize(masked, (word) => index.wordId(word) !== undefined);
  // Words no upstream text uses get numbers of their own: their shingles can match nothing,
  // but they still count in the policy's size, which is what keeps a long custom policy
  // from scoring like the template.
  const positions = shingleKeys(tokens.map((t) => index.wordKey(t.text)));
  const keys = new Set(positions);
  return { text, masked, tokens, positions, keys, shared: index.tally(keys) };
}

interface Score {
  text: IndexedText;
  similarity: number;
  coverage: number;
  /** The similarity of today's text of the same version and language: what breaks a tie between identical wordings. */
  current: number;
}

/**
 * Every text that shares wording with the policy, best first: today's texts and every
 * earlier wording, each a candidate for its own version and language. An earlier wording
 * shares what today's text shares, give or take the shingles where they differ, so it is
 * scored from those alone. Ties go to today's text, then to the wording whose today's text
 * scores higher (upstream's history credits some English files to a translation too).
 */
function rank(policy: Policy, index: DetectionIndex): Score[] {
  const size = policy.keys.size;
  const scoreOf = (text: IndexedText, shared: number, current?: number): Score => {
    const total = size + text.size;
    const similarity = total ? (2 * shared) / total : 0;
    return { text, similarity, coverage: text.size ? shared / text.size : 0, current: current ?? similarity };
  };
  const today = index.texts.map((text, i) => scoreOf(text, policy.shared.texts[i]));
  const revisions = index.revisions.map((r) => scoreOf(r, policy.shared.revisions[r.slot], today[r.current.order].similarity));
  return [...today, ...revisions]
    .filter((s) => s.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity || b.coverage - a.coverage || b.current - a.current || a.text.order - b.text.order);
}

/**
 * Overall similarity cannot separate texts that differ by a few words: a fragment of 1.2
 * scores higher against the shorter 1.0 it shares most of its wording with. Among close
 * candidates, the winner is the one whose own wording (shingles the other lacks) the policy
 * contains the larger share of. Wording is weighed before numbers, because a policy copies
 * its text but may misstate its version: a 2.1 text whose attribution says "version 2.0" is
 * 2.1. With nothing distinctive either way, overall similarity stands, except against an
 * earlier wording: it is named only on wording of its own that the policy has, so without
 * any, today's text stands (of two earlier wordings of one text, the later). Some earlier
 * wordings of translations are English drafts, and a customised English policy must not
 * come out as their language.
 */
function decideClose(ranked: readonly Score[], policy: Policy, index: DetectionIndex): { chosen?: Score; runnerUp?: Score } {
  let chosen = ranked[0];
  if (!chosen) return {};
  const close = ranked.slice(1).filter((s) => s.similarity >= CLOSE * ranked[0].similarity);
  for (const rival of close) if (prefers(rival, chosen, policy, index)) chosen = rival;
  const winner = chosen;
  const tied = ranked.filter((s) => s.similarity === winner.similarity && s.coverage === winner.coverage);
  if (tied.length > 1) chosen = byLayout(tied, policy.text);
  // The runner-up is today's text of another version or language: what the evidence tells apart.
  return { chosen, runnerUp: [ranked[0], ...close].find((s) => !s.text.source.revision && textKey(s.text.source) !== textKey(chosen.text.source)) };
}

/** Whether the policy reads more like `rival` than like `chosen` (see {@link decideClose}). */
function prefers(rival: Score, chosen: Score, policy: Policy, index: DetectionIndex): boolean {
  const own = index.distinctive(chosen.text, rival.text);
  const theirs = index.distinctive(rival.text, chosen.text);
  const words = share(theirs.words, policy.keys) - share(own.words, policy.keys);
  if (words) return words > 0;
  const numbers = share(theirs.numbers, policy.keys) - share(own.numbers, policy.keys);
  if (numbers) return numbers > 0;
  const ownSize = own.words.size + own.numbers.size;
  const theirSize = theirs.words.size + theirs.numbers.size;
  // The same wording (an English draft filed as a translation): the order of ranking decides.
  if (!ownSize && !theirSize) return rival.current > chosen.current || (rival.current === chosen.current && rival.text.order < chosen.text.order);
  if (!ownSize || !theirSize) return false;
  // The policy has none of the wording where the two differ, or as much of each.
  if (textKey(rival.text.source) === textKey(chosen.text.source)) return later(rival.text.source, chosen.text.source);
  return !rival.text.source.revision && !!chosen.text.source.revision;
}

/** Whether `a` is a later wording than `b` of the same text: today's is the latest. */
function later(a: UpstreamText, b: UpstreamText): boolean {
  if (!a.revision || !b.revision) return !a.revision && !!b.revision;
  return a.revision.lastDate > b.revision.lastDate;
}

function textKey(text: UpstreamText): string {
  return `${text.entry.version} ${text.entry.language}`;
}

/**
 * The last resort for texts with the same wording (upstream's 2.0 sw is word for word its
 * 2.1 sw, attribution included): the one whose lines the policy shares most. Only exact
 * ties get here, so layout never outweighs a single word. Of today's wording and an earlier
 * one, today's stands unless the policy has the earlier one's lines exactly.
 */
function byLayout(tied: readonly Score[], text: string): Score {
  const policyLines = lines(text);
  const scored = tied.map((candidate) => {
    const upstream = lines(candidate.text.source.body);
    let shared = 0;
    for (const line of upstream) if (policyLines.has(line)) shared++;
    return { candidate, score: shared / (upstream.size + policyLines.size - shared || 1) };
  });
  const best = (list: typeof scored) => list.reduce<(typeof scored)[number] | undefined>((a, b) => (!a || b.score > a.score ? b : a), undefined);
  const overall = best(scored)!;
  const today = best(scored.filter((s) => !s.candidate.text.source.revision));
  return (overall.candidate.text.source.revision && overall.score < 1 && today ? today : overall).candidate;
}

function lines(text: string): Set<string> {
  return new Set(text.split(/\r\n?|\n/).map((l) => l.trimEnd()).filter(Boolean));
}

function count(keys: ReadonlySet<number>, policy: ReadonlySet<number>): number {
  let found = 0;
  for (const key of keys) if (policy.has(key)) found++;
  return found;
}

function share(keys: ReadonlySet<number>, policy: ReadonlySet<number>): number {
  return keys.size ? count(keys, policy) / keys.size : 0;
}

/**
 * The policy's wording that tells the chosen text from the runner-up, and the runner-up's
 * from the chosen: the chosen text's first, each in document order. Only the runner-up:
 * against a text that differs throughout (1.4 for a 2.1 policy), everything is distinctive
 * and nothing is evidence.
 */
function evidenceFor(chosen: IndexedText, runnerUp: IndexedText, policy: Policy, index: DetectionIndex): DetectionEvidence[] {
  const group = (own: IndexedText, { words, numbers }: Distinction) => {
    const { version, language } = own.source.entry;
    return runs(new Set([...words, ...numbers]), policy).map((span) => ({ phrase: phraseAt(policy, span), version, language, span }));
  };
  return [...group(chosen, index.distinctive(chosen, runnerUp)), ...group(runnerUp, index.distinctive(runnerUp, chosen))].slice(0, MAX_EVIDENCE);
}

/**
 * Token ranges of the policy where consecutive shingles are all distinctive. A run of
 * windows i..j of size k covers tokens i..j+k-1, but what differs is only where the windows
 * overlap or meet: tokens min(j, i+k-1)..max(j, i+k-1) (the inserted words, or the seam a
 * deletion left), with {@link CONTEXT} words on each side, and at most
 * {@link MAX_PHRASE_WORDS} words in all: a phrase is a pointer, not a diff.
 */
function runs(distinct: ReadonlySet<number>, policy: Policy): Span[] {
  const spans: Span[] = [];
  const { positions, tokens } = policy;
  const k = Math.min(SHINGLE_SIZE, tokens.length);
  for (let i = 0; i < positions.length; i++) {
    if (!distinct.has(positions[i])) continue;
    let j = i;
    while (j + 1 < positions.length && distinct.has(positions[j + 1])) j++;
    const from = Math.max(0, Math.min(j, i + k - 1) - CONTEXT);
    const to = Math.min(tokens.length - 1, Math.max(j, i + k - 1) + CONTEXT, from + MAX_PHRASE_WORDS - 1);
    spans.push({ start: from, end: to });
    i = j;
  }
  return spans.map(({ start, end }) => ({ start: tokens[start].start, end: tokens[end].end }));
}

/**
 * The policy's words over a span as a reader would quote them: Markdown syntax, link
 * targets and template fields left out (they are blank in the masked text), white space
 * folded.
 */
function phraseAt(policy: Policy, span: Span): string {
  return policy.masked
    .slice(span.start, span.end)
    .replace(/\u0001+/g, '')
    .replace(/[*_#`~|]+/g, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/ (?=[,.;:!?])/g, '')
    .trim();
}

/** A span needs this many shingles (about a sentence) before its wording can name a section. */
const MIN_SPAN_SHINGLES = 8;
/** …and most of them must come from that one upstream section. */
const MIN_SPAN_SHARE = 0.5;

function sectionMatcher(policy: Policy, indexed: IndexedText | undefined): BaseAnalysis['sectionOf'] {
  if (!indexed) return () => undefined;
  return (span) => {
    const keys = new Set<number>();
    policy.tokens.forEach((token, i) => {
      if (token.start >= span.start && token.start < span.end && i < policy.positions.length) keys.add(policy.positions[i]);
    });
    if (keys.size < MIN_SPAN_SHINGLES) return undefined;
    let best: { heading: string; shared: number } | undefined;
    for (const section of indexed.sections) {
      let shared = 0;
      for (const key of keys) if (section.keys.has(key)) shared++;
      if (!best || shared > best.shared) best = { heading: section.heading, shared };
    }
    return best && best.shared / keys.size >= MIN_SPAN_SHARE ? best.heading : undefined;
  };
}
