import { minimatch } from 'minimatch';
import { correctPolicyFileName, isPolicyFileName } from './core/index';

/**
 * Decides which documents are conduct policies: conventional file names and misspelled ones, the user's
 * `conduct.files` globs (relative to a workspace folder), and documents the user marked
 * with "Check This File as a Conduct Policy".
 */
export class PolicySelector {
  private readonly marked = new Set<string>();
  private folders: string[] = [];

  constructor(marked: readonly string[] = []) {
    for (const uri of marked) this.marked.add(uri);
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map((u) => u.replace(/\/+$/, ''));
  }

  mark(uri: string): void {
    this.marked.add(uri);
  }

  isPolicy(uri: string, globs: readonly string[]): boolean {
    if (this.marked.has(uri)) return true;
    const path = uriPath(uri);
    const name = path.slice(path.lastIndexOf('/') + 1);
    // A misspelled name ("CCODE_OF_CONDUCT.md") is still meant as the policy: check it, and say the name is wrong.
    if (isPolicyFileName(name) || correctPolicyFileName(name)) return true;
    if (!globs.length) return false;
    for (const folder of this.folders) {
      if (!uri.startsWith(`${folder}/`)) continue;
      const relative = decodeURIComponent(uri.slice(folder.length + 1).split(/[?#]/)[0]);
      if (globs.some((glob) => minimatch(relative, glob, { dot: true }))) return true;
    }
    return false;
  }
}

/** The decoded path of a URI, or the URI itself when it does not parse. */
function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
