import type { Detection } from '../detect';
import type { UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import type { ComparedAgainst } from './describe';

/** Which upstream text to compare with: a version, optionally a language and an earlier wording's commit. */
export interface UpstreamTarget {
  version: string;
  language?: string;
  /** The commit (or a prefix of at least 7 hex digits) that first published an earlier wording. */
  commit?: string;
}

const SPEC = /^(\d+\.\d+)(?:\/([A-Za-z-]+))?(?:@([0-9a-f]{7,40}))?$/;

/** Reads "2.1", "2.1/de" or "1.4/en@1a2b3c4" into a target, or undefined when the spec is malformed. */
export function parseTarget(spec: string): UpstreamTarget | undefined {
  const match = SPEC.exec(spec.trim());
  return match ? { version: match[1], ...(match[2] && { language: match[2].toLowerCase() }), ...(match[3] && { commit: match[3] }) } : undefined;
}

/**
 * The upstream text a target names. The language defaults to the detected one when that
 * version exists in it, else English. Returns a message naming what exists when nothing
 * matches, so a typo gets a useful answer.
 */
export function resolveTarget(library: UpstreamLibrary, target: UpstreamTarget, detected?: Detection): UpstreamText | string {
  const languages = library.texts.filter((t) => t.entry.version === target.version).map((t) => t.entry.language);
  if (!languages.length) {
    const versions = [...new Set(library.texts.map((t) => t.entry.version))];
    return `There is no Contributor Covenant ${target.version}; versions: ${versions.join(', ')}.`;
  }
  const language = target.language ?? (detected?.language && languages.includes(detected.language) ? detected.language : 'en');
  const current = library.find(target.version, language);
  if (!current) return `Contributor Covenant ${target.version} has no "${language}" text; languages: ${languages.join(', ')}.`;
  if (!target.commit) return current;
  const revisions = library.revisionsOf(current).filter((r) => r.revision?.commit.startsWith(target.commit!));
  if (revisions.length === 1) return revisions[0];
  const known = library.revisionsOf(current).map((r) => `${r.revision!.commit.slice(0, 10)} (${r.revision!.firstDate}…${r.revision!.lastDate})`);
  if (revisions.length > 1) return `The commit prefix "${target.commit}" names several earlier wordings; give more digits.`;
  return `Contributor Covenant ${target.version} (${language}) has no earlier wording published at ${target.commit}${known.length ? `; earlier wordings: ${known.join(', ')}` : ''}.`;
}

/** The label facts of an upstream text, for reports. */
export function upstreamAgainst(text: UpstreamText): ComparedAgainst {
  return { family: 'contributor-covenant', version: text.entry.version, language: text.entry.language, revision: text.revision ?? null };
}

/** The upstream text a detection names (its revision when it found an earlier wording), if bundled. */
export function detectedText(library: UpstreamLibrary, detection: Detection | undefined): UpstreamText | undefined {
  if (!detection?.version || !detection.language) return undefined;
  return detection.source ?? library.find(detection.version, detection.language, detection.revision?.commit) ?? library.find(detection.version, detection.language);
}
