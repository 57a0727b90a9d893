import { minimatch } from 'minimatch';
import { isPolicyFileName } from './core/index';

/**
 * Decides which open documents are conduct policies: conventional file names, the user's
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
    if (isPolicyFileName(path.slice(path.lastIndexOf('/') + 1))) return true;
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
