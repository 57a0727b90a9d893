import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Environment } from './core/index';

/**
 * What the core may ask about files next to a policy. Only file: documents get answers:
 * for an unsaved or virtual document nobody knows what lies beside it, so the rules that
 * need files stay silent rather than guess. Paths never leave the policy's folder tree
 * upwards by more than the one level the rules look in.
 */
export function environmentFor(uri: string): Environment {
  if (!uri.startsWith('file:')) return {};
  let folder: string;
  try {
    folder = dirname(fileURLToPath(uri));
  } catch {
    return {};
  }
  let projectNames: string[] | undefined;
  return {
    // Read on first use only: one rule asks, and only for a policy with a single private
    // address, so most analyses (one per keystroke) touch no file for it.
    get projectNames() {
      return (projectNames ??= projectNamesNear(folder));
    },
    fileExists: (relative) => {
      if (isAbsolute(relative) || normalize(relative).startsWith('../..')) return undefined;
      try {
        return existsSync(join(folder, relative));
      } catch {
        return undefined;
      }
    },
  };
}

/** How many folders up a repository root is looked for: a policy sits at the root, in docs/ or .github/, rarely deeper. */
const ROOT_SEARCH_DEPTH = 4;

/**
 * The names the project goes by: the folder of the repository that holds the policy (the
 * nearest one upwards with a .git), and the name in its package.json. Nothing when no
 * repository is found: a guess from an unrelated folder name would be worse than none.
 */
export function projectNamesNear(folder: string): string[] {
  let current = folder;
  for (let depth = 0; depth <= ROOT_SEARCH_DEPTH; depth++) {
    try {
      if (existsSync(join(current, '.git'))) {
        const names = [basename(current)];
        const packageName = readPackageName(join(current, 'package.json'));
        if (packageName) names.push(packageName);
        return names;
      }
    } catch {
      return [];
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return [];
}

function readPackageName(path: string): string | undefined {
  try {
    if (!existsSync(path)) return undefined;
    const name = (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name;
    // "@scope/name": the name is what a mailbox would carry.
    return typeof name === 'string' ? name.replace(/^@[^/]+\//, '') : undefined;
  } catch {
    return undefined;
  }
}
