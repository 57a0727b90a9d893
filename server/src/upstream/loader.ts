import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseUpstreamText, UpstreamLibrary, type Catalog, type UpstreamText } from '../core/index';

/**
 * Reads the upstream texts materialised by scripts/fetchUpstream.mjs (mirror layout plus
 * catalog.json) and checks each against its pinned sha256, so a tampered or truncated
 * install is reported instead of silently analysed against.
 */
export function loadUpstreamTexts(dir: string): UpstreamText[] {
  let catalog: Catalog;
  try {
    catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
  } catch (error) {
    throw new Error(`The bundled Contributor Covenant texts are missing from ${dir} (${(error as Error).message}). Run "npm run build" to fetch them.`);
  }
  return catalog.entries.map((entry) => {
    const file = join(dir, catalog.repo, catalog.commit, entry.path);
    const bytes = readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== entry.sha256) throw new Error(`${file} does not match its pinned sha256 (expected ${entry.sha256}, got ${sha}). Run "npm run build" again.`);
    return parseUpstreamText(entry, bytes.toString('utf8'));
  });
}

/**
 * Where the build put the texts for a bundle in dist/<name>/ (the server, the CLI):
 * <extension>/upstream-texts, unless CONDUCT_UPSTREAM_TEXTS names another folder.
 */
export function bundledUpstreamDir(bundleDir: string): string {
  return process.env.CONDUCT_UPSTREAM_TEXTS ?? resolve(bundleDir, '..', '..', 'upstream-texts');
}

/** Loads the texts and derives the library from them. */
export function loadUpstreamLibrary(dir: string): UpstreamLibrary {
  return new UpstreamLibrary(loadUpstreamTexts(dir));
}
