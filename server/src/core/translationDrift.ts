import { FAMILY_NAMES, type DetectedFamily } from './detect/families';
import type { RevisionInfo } from './upstream/types';

/** One policy file of a project, as detection read it. */
export interface PolicyEdition {
  /** The file's path relative to the project folder, with "/" between folders. */
  path: string;
  family: DetectedFamily;
  kind: 'text' | 'pointer';
  version?: string;
  /** The detected language; the file name's or folder's language tag is used when absent. */
  language?: string;
  /** The earlier upstream wording the file follows, or null for today's (and when unknown). */
  revision: RevisionInfo | null;
}

/** A translation that no longer follows the same text as the primary policy. */
export interface TranslationDrift {
  /** The translation's path. */
  path: string;
  /** The primary policy's path. */
  primary: string;
  /** What differs: the code itself, its version, or the wording of that version (earlier or today's). */
  kind: 'family' | 'version' | 'revision';
  /** What differs, and what the translation should follow. */
  message: string;
}

// "CODE_OF_CONDUCT.de.md", "code-of-conduct-pt-br.md": a language tag after the stem.
const NAME_LANGUAGE = /^(?:code[-_]of[-_]conduct|conduct)[._-]([a-z]{2}(?:[-_][a-z]{2,4})?)\.(?:md|markdown|txt)$/i;
// "docs/fr/CODE_OF_CONDUCT.md", "i18n/pt-br/…": a folder named like a language tag.
const FOLDER_LANGUAGE = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i;

/** The language tag a path names, lower case with "-", or undefined. */
export function pathLanguage(path: string): string | undefined {
  const segments = path.split('/');
  const name = segments[segments.length - 1];
  const tag = NAME_LANGUAGE.exec(name)?.[1] ?? segments.slice(0, -1).reverse().find((s) => FOLDER_LANGUAGE.test(s));
  return tag?.toLowerCase().replace('_', '-');
}

function languageOf(edition: PolicyEdition): string | undefined {
  return edition.language ?? pathLanguage(edition.path);
}

function comparable(edition: PolicyEdition): boolean {
  return edition.kind === 'text' && edition.family !== 'unknown' && edition.version !== undefined;
}

/**
 * The primary policy among a project's editions: the English one without a language tag in
 * its name or folders, nearest the project root (the root before docs/ or .github/). Failing
 * that, the English one nearest the root. Undefined when no edition is English, or none was
 * recognised.
 */
export function primaryEdition(editions: readonly PolicyEdition[]): PolicyEdition | undefined {
  const english = editions.filter((e) => comparable(e) && (languageOf(e) ?? 'en') === 'en');
  const depth = (e: PolicyEdition) => e.path.split('/').length;
  const untagged = (e: PolicyEdition) => (pathLanguage(e.path) === undefined ? 0 : 1);
  return [...english].sort((a, b) => untagged(a) - untagged(b) || depth(a) - depth(b) || a.path.localeCompare(b.path))[0];
}

function codeLabel(edition: PolicyEdition): string {
  const family = edition.family === 'unknown' ? 'an unknown code' : FAMILY_NAMES[edition.family];
  return `${family} ${edition.version}`;
}

function wording(revision: RevisionInfo | null): string {
  return revision ? `an earlier wording (as published ${revision.firstDate.slice(0, 7)} to ${revision.lastDate.slice(0, 7)})` : "today's wording";
}

/**
 * Translations that drifted from the primary policy: each edition in another language whose
 * code, version or wording (an earlier one against today's) differs from the primary's.
 * Editions in the primary's own language, pointers and unrecognised files are not compared.
 */
export function findTranslationDrift(editions: readonly PolicyEdition[]): TranslationDrift[] {
  const primary = primaryEdition(editions);
  if (!primary) return [];
  const primaryLanguage = languageOf(primary) ?? 'en';
  const drifts: TranslationDrift[] = [];
  for (const edition of editions) {
    const language = languageOf(edition);
    if (edition === primary || !comparable(edition) || language === undefined || language === primaryLanguage) continue;
    const found = (kind: TranslationDrift['kind'], message: string) => drifts.push({ path: edition.path, primary: primary.path, kind, message });
    if (edition.family !== primary.family || edition.version !== primary.version) {
      found(
        edition.family !== primary.family ? 'family' : 'version',
        `This translation (${language}) follows ${codeLabel(edition)}, but the primary policy ${primary.path} follows ${codeLabel(primary)}: bring the translation to ${codeLabel(primary)}.`,
      );
    } else if ((edition.revision === null) !== (primary.revision === null)) {
      found(
        'revision',
        `This translation (${language}) follows ${wording(edition.revision)} of ${codeLabel(edition)}, but the primary policy ${primary.path} follows ${wording(primary.revision)}: bring them to the same wording.`,
      );
    }
  }
  return drifts;
}
