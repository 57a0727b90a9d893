import type { Severity } from './rules/types';
import { correctPolicyFileName, type FileNameCorrection } from './policyFileNameSpelling';
import { findTranslationDrift, type PolicyEdition } from './translationDrift';

/** Ids of the findings about a project's files rather than one text; documented in the README like rules. */
export const MISSPELLED_FILE_NAME = 'misspelled-file-name';
export const TRANSLATION_DRIFT = 'translation-drift';

/** One policy file of a project, with what detection read in it (absent when it could not be read). */
export interface ProjectFile {
  /** Relative to the project folder, with "/" between folders. */
  path: string;
  base?: Omit<PolicyEdition, 'path'>;
}

/** A finding about a file's name or its place among the project's policies; it belongs to the whole file. */
export interface ProjectFinding {
  path: string;
  rule: typeof MISSPELLED_FILE_NAME | typeof TRANSLATION_DRIFT;
  severity: Exclude<Severity, 'off'>;
  message: string;
  /** For a misspelled name: the name to rename the file to, in its folder. */
  rename?: string;
}

/** What a misspelled name finding says. */
export function misspelledNameMessage(name: string, correction: FileNameCorrection): string {
  const why = correction.problem === 'extension' ? 'it has two extensions' : 'the name is misspelled';
  return `GitHub does not recognise "${name}" as a code of conduct (${why}): expected "${correction.name}".`;
}

/**
 * The name finding for one file, unless the conventional name is already taken in its
 * folder (`exists` says so): then the file is a deliberate copy, not a slip.
 */
export function misspelledNameFinding(path: string, exists: (path: string) => boolean | undefined): ProjectFinding | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const correction = correctPolicyFileName(name);
  if (!correction) return undefined;
  const target = `${path.slice(0, slash + 1)}${correction.name}`;
  // On a case-insensitive file system "x.MD" and "x.md" are the same file.
  if (target.toLowerCase() !== path.toLowerCase() && exists(target)) return undefined;
  return { path, rule: MISSPELLED_FILE_NAME, severity: 'warning', message: misspelledNameMessage(name, correction), rename: correction.name };
}

/**
 * The findings a workspace scan or a folder check adds to each file's own: misspelled
 * names, and translations that drifted from the primary policy. `files` are all the
 * policies of one project (one workspace folder, or the folder checked).
 */
export function projectFindings(files: readonly ProjectFile[]): ProjectFinding[] {
  const paths = new Set(files.map((f) => f.path));
  const findings: ProjectFinding[] = [];
  for (const file of files) {
    const finding = misspelledNameFinding(file.path, (p) => paths.has(p));
    if (finding) findings.push(finding);
  }
  const editions = files.flatMap((f) => (f.base ? [{ ...f.base, path: f.path }] : []));
  for (const drift of findTranslationDrift(editions)) {
    findings.push({ path: drift.path, rule: TRANSLATION_DRIFT, severity: drift.kind === 'revision' ? 'information' : 'warning', message: drift.message });
  }
  return findings;
}
