import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { correctPolicyFileName, isPolicyFileName, projectFindings, type ProjectFile } from '../core/index';
import type { FileReport } from './report';

/** Folders never walked: installed packages and version control hold copies of other projects' policies. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A file to check, and the folder argument it was found in (absent for a file named on the command line). */
export interface CheckTarget {
  file: string;
  folder?: string;
}

/** Whether a file name is a policy's, or a misspelled policy name worth reporting. */
export function isPolicyCandidate(name: string): boolean {
  return isPolicyFileName(name) || correctPolicyFileName(name) !== undefined;
}

/**
 * The policy files under `root`, as paths relative to it with "/" between folders, sorted:
 * the names the editor checks as policies, and misspelled ones. node_modules, .git and
 * symbolic links (which could loop) are not followed; unreadable folders are skipped.
 */
export function findPolicyFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(join(folder, entry.name));
      else if (entry.isFile() && isPolicyCandidate(entry.name)) found.push(relative(root, join(folder, entry.name)).split(sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The command line's files, with each folder replaced by the policy files under it; `onEmpty` hears of folders that hold none. */
export function expandFolders(args: readonly string[], onEmpty: (folder: string) => void): CheckTarget[] {
  return args.flatMap((arg) => {
    if (arg === '-' || !isFolder(arg)) return [{ file: arg }];
    const files = findPolicyFiles(arg);
    if (!files.length) onEmpty(arg);
    return files.map((path) => ({ file: join(arg, ...path.split('/')), folder: arg }));
  });
}

/**
 * Adds to the reports of files found in a folder what only the folder shows: misspelled
 * names, and translations that drifted from the primary policy. Each finding covers the
 * file's first character, as it is about the whole file.
 */
export function addProjectFindings(targets: readonly CheckTarget[], reports: FileReport[]): void {
  const byFolder = new Map<string, number[]>();
  targets.forEach((target, i) => {
    if (target.folder !== undefined) byFolder.set(target.folder, [...(byFolder.get(target.folder) ?? []), i]);
  });
  for (const [folder, indexes] of byFolder) {
    const pathOf = (i: number) => relative(folder, targets[i].file).split(sep).join('/');
    const files: ProjectFile[] = indexes.map((i) => {
      const base = reports[i].base;
      return { path: pathOf(i), ...(base && { base: { family: base.family as NonNullable<ProjectFile['base']>['family'], kind: base.kind, version: base.version, language: base.language, revision: base.revision } }) };
    });
    const reportOf = new Map(indexes.map((i) => [pathOf(i), reports[i]]));
    for (const finding of projectFindings(files)) {
      const start = { line: 1, column: 1 };
      reportOf.get(finding.path)?.findings.unshift({ rule: finding.rule, severity: finding.severity, message: finding.message, range: { start, end: start } });
    }
  }
}
