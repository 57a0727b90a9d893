import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
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
  return {
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
