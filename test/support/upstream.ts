// Shared test fixtures: the pinned upstream texts (materialised from ../shared by
// `npm run upstream`) and the seed policies, read in place from ../shared/seeds.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { UpstreamLibrary, UpstreamText } from '../../server/src/core/index';
import { loadUpstreamLibrary } from '../../server/src/upstream/loader';

export const PROJECT_ROOT = resolve(__dirname, '../..');
export const UPSTREAM_DIR = join(PROJECT_ROOT, 'upstream-texts');
export const SEEDS_DIR = resolve(PROJECT_ROOT, '../shared/seeds');

let library: UpstreamLibrary | undefined;

/** The library over all bundled upstream texts, built once per test process. */
export function upstreamLibrary(): UpstreamLibrary {
  library ??= loadUpstreamLibrary(UPSTREAM_DIR);
  return library;
}

/** One upstream text by version and language; throws if it is not bundled. */
export function upstreamText(version: string, language = 'en'): UpstreamText {
  const text = upstreamLibrary().find(version, language);
  if (!text) throw new Error(`no upstream text ${version} ${language}`);
  return text;
}

/** A seed policy's text, by its number ("000" … "004"). */
export function seed(number: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${number}_`));
  if (!file) throw new Error(`no seed ${number} in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}
