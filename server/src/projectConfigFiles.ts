import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProjectConfig, PROJECT_CONFIG_FILE, RULES, type ConfigProblem, type ProjectConfig } from './core/index';

/** A project config file as found for a policy: its path, and what it holds. */
export interface FoundConfig {
  path: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/**
 * The nearest `.conductrc.json` upward from `folder`, read and validated. The search stops
 * after `stopAt` (the workspace folder in the editor) or at the file-system root (the CLI).
 * Undefined when there is none or it cannot be read.
 */
export function findProjectConfig(folder: string, stopAt?: string): FoundConfig | undefined {
  let current = folder;
  for (;;) {
    const path = join(current, PROJECT_CONFIG_FILE);
    const found = readConfigFile(path);
    if (found) return found;
    const parent = dirname(current);
    if (parent === current || (stopAt !== undefined && samePath(current, stopAt))) return undefined;
    current = parent;
  }
}

/** Reads one config file; undefined when it does not exist or is not a file. */
export function readConfigFile(path: string): FoundConfig | undefined {
  let text: string;
  try {
    if (!statSync(path).isFile()) return undefined;
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const { config, problems } = parseProjectConfig(text, new Set(RULES.map((r) => r.id)));
  return { path, config, problems };
}

/** One problem as a line for a log or a terminal: "path:line:column: message". */
export function formatConfigProblem(path: string, problem: ConfigProblem): string {
  return `${path}:${problem.line}:${problem.column}: ${problem.message}`;
}

/**
 * Project config files for the editor's documents, cached per folder until a file changes.
 * The search for a policy in a workspace folder stops at that folder; a policy outside every
 * workspace folder looks in its own folder only. A config file whose real path leaves the
 * workspace folder (a symbolic link to somewhere else) is refused: in an untrusted
 * workspace it would let the repository pull in a file from elsewhere on the machine.
 */
export class ProjectConfigCache {
  private readonly byFolder = new Map<string, FoundConfig | undefined>();
  private readonly reported = new Set<string>();
  private folders: string[] = [];

  /** `log` gets each problem once until the next {@link clear}: once per edit of the file, not once per keystroke in a policy. */
  constructor(private readonly log: (message: string) => void) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.flatMap((uri) => {
      const path = filePath(uri);
      return path === undefined ? [] : [path];
    });
    this.clear();
  }

  /** The config file that applies to the document at `uri`, if any (only file: documents have one). */
  get(uri: string): FoundConfig | undefined {
    const path = filePath(uri);
    if (path === undefined) return undefined;
    const folder = dirname(path);
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const root = this.folders.filter((f) => isInside(folder, f)).sort((a, b) => b.length - a.length)[0];
    let found = findProjectConfig(folder, root ?? folder);
    if (found && root !== undefined && !isInside(realPath(found.path), realPath(root))) {
      this.report(`${found.path}: ignored, because it leads outside the workspace folder ${root}.`);
      found = undefined;
    }
    if (found) for (const problem of found.problems) this.report(formatConfigProblem(found.path, problem));
    this.byFolder.set(folder, found);
    return found;
  }

  /** Forgets every file read, so the next analysis reads them again (after a file change). */
  clear(): void {
    this.byFolder.clear();
    this.reported.clear();
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log(message);
  }
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function samePath(a: string, b: string): boolean {
  return relative(a, b) === '';
}
