import type { UpstreamLibrary } from '../upstream/library';
import type { BundledFamily, FamilyText } from '../upstream/types';
import type { DetectionIndex } from './corpus';
import { detectionTokens } from './normalize';
import { shingleKeys } from './shingles';

/**
 * Families recognised by what a policy says about itself (a title, an attribution, a link),
 * with no bundled text: the facts are names and addresses only.
 */
export type NamedFamily = 'cncf' | 'mozilla' | 'microsoft' | 'ubuntu' | 'python' | 'rust' | 'facebook';

/** What a policy follows: the Contributor Covenant, another family, or nothing known. */
export type DetectedFamily = 'contributor-covenant' | BundledFamily | NamedFamily | 'unknown';

/** Each family's name as people write it, for messages and the CLI. */
export const FAMILY_NAMES: Readonly<Record<Exclude<DetectedFamily, 'unknown'>, string>> = {
  'contributor-covenant': 'Contributor Covenant',
  citizen: 'Citizen Code of Conduct',
  django: 'Django Code of Conduct',
  'geek-feminism': 'Geek Feminism anti-harassment policy',
  go: 'Go Community Code of Conduct',
  'no-code-of-conduct': 'No Code of Conduct',
  cncf: 'CNCF Code of Conduct',
  mozilla: 'Mozilla Community Participation Guidelines',
  microsoft: 'Microsoft Open Source Code of Conduct',
  ubuntu: 'Ubuntu Code of Conduct',
  python: 'Python Software Foundation Code of Conduct',
  rust: 'Rust Code of Conduct',
  facebook: 'Facebook (Meta) Open Source Code of Conduct',
};

/**
 * How each named family introduces itself: its title or the address of its text. A policy
 * names a family when it holds one of these; the CNCF's is checked before the Covenant's
 * wording decides, because the CNCF text is derived from Covenant 2.0.
 */
const SIGNATURES: readonly { family: NamedFamily; pattern: RegExp }[] = [
  { family: 'cncf', pattern: /\bCNCF (?:Community )?Code of Conduct\b|github\.com\/cncf\/foundation\/blob\/[^\s)]*code-of-conduct|\bCloud Native Computing Foundation\b[^\n]{0,80}\bCode of Conduct\b/i },
  { family: 'microsoft', pattern: /\bMicrosoft Open Source Code of Conduct\b|opensource\.microsoft\.com\/codeofconduct/i },
  { family: 'facebook', pattern: /\b(?:Facebook|Meta) has adopted a Code of Conduct\b|code\.fb\.com\/codeofconduct|opensource\.fb\.com\/code-of-conduct/i },
  { family: 'mozilla', pattern: /\bMozilla(?:'s|’s)? Community Participation Guidelines\b|mozilla\.org\/[^\s)]*about\/governance\/policies\/participation/i },
  { family: 'ubuntu', pattern: /\bUbuntu Code of Conduct\b|ubuntu\.com\/community\/(?:ethos\/)?code-of-conduct/i },
  { family: 'python', pattern: /\bPython Software Foundation (?:Community )?Code of Conduct\b|\bPSF Code of Conduct\b|(?:www\.)?python\.org\/psf\/conduct/i },
  { family: 'rust', pattern: /\bRust Code of Conduct\b|(?:www\.)?rust-lang\.org\/(?:[a-z-]+\/)?policies\/code-of-conduct/i },
];

/** The named family a policy's title, attribution or links point at, in the order above. */
export function namedFamily(text: string): NamedFamily | undefined {
  return SIGNATURES.find(({ pattern }) => pattern.test(text))?.family;
}

/** One bundled family text, reduced to its shingles in the Covenant index's key space. */
export interface IndexedFamilyText {
  source: FamilyText;
  keys: ReadonlySet<number>;
}

const indexes = new WeakMap<UpstreamLibrary, IndexedFamilyText[]>();

/**
 * The shingles of each bundled family text, numbered as {@link DetectionIndex.wordKey}
 * numbers a policy's words, so the two compare directly. Built once per library.
 */
export function familyIndex(index: DetectionIndex): readonly IndexedFamilyText[] {
  let texts = indexes.get(index.library);
  if (!texts) {
    texts = index.library.families.map((source) => ({
      source,
      keys: new Set(shingleKeys(detectionTokens(source.body, index.library).map((t) => index.wordKey(t.text)))),
    }));
    indexes.set(index.library, texts);
  }
  return texts;
}

/** A family text compared with a policy. */
export interface FamilyScore {
  text: IndexedFamilyText;
  similarity: number;
  coverage: number;
  shared: number;
}

/** Every bundled family text that shares wording with the policy, best first. */
export function rankFamilies(policyKeys: ReadonlySet<number>, index: DetectionIndex): FamilyScore[] {
  return familyIndex(index)
    .map((text) => {
      let shared = 0;
      for (const key of text.keys) if (policyKeys.has(key)) shared++;
      const total = policyKeys.size + text.keys.size;
      return { text, shared, similarity: total ? (2 * shared) / total : 0, coverage: text.keys.size ? shared / text.keys.size : 0 };
    })
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.similarity - a.similarity || b.coverage - a.coverage);
}

/** A claim that the policy adopts a code held elsewhere. */
export interface AdoptionClaim {
  family: 'contributor-covenant' | NamedFamily;
  /** The version the claim states ("2.1"), when it states one. */
  version?: string;
}

/** "adopts the Contributor Covenant, version 2.1", "follows the [Contributor Covenant v2.1](…)". */
const COVENANT_CLAIM = /\b(?:adopt(?:s|ed|ing)?|adhere(?:s|d)? to|follow(?:s|ed|ing)?|use(?:s|d)?|governed by|abide(?:s)? by|subscribes? to|under)\b[^\n]{0,120}?(?:contributor[ -]covenant|contributor-covenant\.org)/i;
const COVENANT_VERSION = /contributor[ -]covenant[^\n]{0,40}?\b(?:v(?:ersion)?\.?\s*)(\d\.\d)\b|contributor-covenant\.org\/(?:[a-z-]{2,5}\/)?version\/(\d)\/(\d)/i;

/** Words that say a code is adopted rather than written out. */
const ADOPTS = /\b(?:adopt(?:s|ed|ing)?|adhere(?:s|d)? to|follow(?:s|ed|ing)?|abides? by|governed by|subscribes? to|covered by)\b/i;

/**
 * The adoption claim a policy makes, if any: the caller decides whether the policy is short
 * enough to be a pointer. Microsoft's and Facebook's codes are adopted only by pointer.
 */
export function adoptionClaim(text: string): AdoptionClaim | undefined {
  const named = namedFamily(text);
  if (named === 'microsoft' || named === 'facebook' || (named && ADOPTS.test(text))) return { family: named };
  if (!COVENANT_CLAIM.test(text)) return undefined;
  const version = COVENANT_VERSION.exec(text);
  return { family: 'contributor-covenant', ...(version && { version: version[1] ?? `${version[2]}.${version[3]}` }) };
}
