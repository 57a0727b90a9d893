import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyRevision, parseUpstreamText, UpstreamLibrary, type Catalog, type CatalogFamilyEntry, type CatalogRevision, type FamilyText, type RevisionDelta, type UpstreamText } from '../core/index';

/** The file beside catalog.json that holds every earlier wording as a delta against today's text. */
export const REVISIONS_FILE = 'revisions.json';

/** `upstream-texts/revisions.json`: one delta per revision, keyed by {@link revisionKey}. */
export interface RevisionBundle {
  revisions: Record<string, RevisionDelta>;
}

/**
 * A revision's key in revisions.json: version, language and mirror path. The path alone is
 * not unique: upstream's history credits some files to two languages (a translation that
 * began as a copy of the English file), and each gets its own delta against its own base.
 */
export function revisionKey(revision: CatalogRevision): string {
  return `${revision.version} ${revision.language} ${mirrorPath(revision.repo, revision.commit, revision.path)}`;
}

/** Where a catalogued file lives in the mirror layout: `<owner>/<repo>/<commit>/<path>`. */
export function mirrorPath(repo: string, commit: string, path: string): string {
  return `${repo}/${commit}/${path}`;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads the upstream texts materialised by scripts/fetchUpstream.mjs (mirror layout plus
 * catalog.json) and checks each against its pinned sha256, so a tampered or truncated
 * install is reported instead of silently analysed against. Today's texts only; see
 * {@link loadUpstreamLibrary} for the earlier wordings too.
 */
export function loadUpstreamTexts(dir: string): UpstreamText[] {
  return readTexts(dir, readCatalog(dir)).map(({ text }) => text);
}

function readCatalog(dir: string): Catalog {
  try {
    return JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
  } catch (error) {
    throw new Error(`The bundled Contributor Covenant texts are missing from ${dir} (${(error as Error).message}). Run "npm run build" to fetch them.`);
  }
}

function readTexts(dir: string, catalog: Catalog): { text: UpstreamText; raw: string }[] {
  return catalog.entries.map((entry) => {
    const file = join(dir, mirrorPath(catalog.repo, catalog.commit, entry.path));
    const bytes = readFileSync(file);
    const sha = sha256(bytes);
    if (sha !== entry.sha256) throw new Error(`${file} does not match its pinned sha256 (expected ${entry.sha256}, got ${sha}). Run "npm run build" again.`);
    const raw = bytes.toString('utf8');
    return { text: parseUpstreamText(entry, raw), raw };
  });
}

/**
 * Rebuilds each earlier wording listed in the catalog from today's text of its version and
 * language and its delta in revisions.json, and checks the rebuilt bytes against the
 * revision's own pinned sha256.
 */
function loadUpstreamRevisions(dir: string, catalog: Catalog, todays: readonly { text: UpstreamText; raw: string }[]): UpstreamText[] {
  if (!catalog.revisions?.length) return [];
  const file = join(dir, REVISIONS_FILE);
  let bundle: RevisionBundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8')) as RevisionBundle;
  } catch (error) {
    throw new Error(`The earlier Contributor Covenant wordings are missing from ${file} (${existsSync(file) ? (error as Error).message : 'no such file'}). Run "npm run build" to fetch them.`);
  }
  const rawOf = new Map(todays.map(({ text, raw }) => [`${text.entry.version} ${text.entry.language}`, raw]));
  return catalog.revisions.map((revision) => {
    const base = rawOf.get(`${revision.version} ${revision.language}`);
    const delta = bundle.revisions?.[revisionKey(revision)];
    if (base === undefined || !delta) throw new Error(`${file} has no delta for ${describe(revision)}. Run "npm run build" again.`);
    const rebuilt = rebuildRevision(base, delta, revision);
    return parseUpstreamText(revision, rebuilt, { commit: revision.commit, firstDate: revision.firstDate, lastDate: revision.lastDate });
  });
}

/**
 * One earlier wording from today's raw text and its delta, checked against its pinned
 * sha256: a delta that was edited, truncated or built against another base is refused with
 * a message that names the revision.
 */
export function rebuildRevision(base: string, delta: RevisionDelta, revision: CatalogRevision): string {
  const text = applyRevision(base, delta);
  const sha = sha256(Buffer.from(text, 'utf8'));
  if (sha !== revision.sha256) {
    throw new Error(`The delta for ${describe(revision)} does not rebuild its pinned text (sha256 expected ${revision.sha256}, got ${sha}). Run "npm run build" again.`);
  }
  return text;
}

function describe(revision: CatalogRevision): string {
  return `Contributor Covenant ${revision.version} (${revision.language}) as of ${revision.firstDate}, ${mirrorPath(revision.repo, revision.commit, revision.path)}`;
}

/**
 * Where the build put the texts for a bundle in dist/<name>/ (the server, the CLI):
 * <extension>/upstream-texts, unless CONDUCT_UPSTREAM_TEXTS names another folder.
 */
export function bundledUpstreamDir(bundleDir: string): string {
  return process.env.CONDUCT_UPSTREAM_TEXTS ?? resolve(bundleDir, '..', '..', 'upstream-texts');
}

/**
 * The texts of other families (catalog.families), each checked against its pinned sha256;
 * their front matter (`version = "…"`) is dropped like the Covenant texts'.
 */
export function loadFamilyTexts(dir: string, catalog: Catalog = readCatalog(dir)): FamilyText[] {
  return (catalog.families ?? []).map((entry: CatalogFamilyEntry) => {
    const file = join(dir, mirrorPath(entry.repo, entry.commit, entry.path));
    if (!existsSync(file)) throw new Error(`The bundled ${entry.family} ${entry.version} text is missing from ${file}. Run "npm run build" to fetch it.`);
    const bytes = readFileSync(file);
    const sha = sha256(bytes);
    if (sha !== entry.sha256) throw new Error(`${file} does not match its pinned sha256 (expected ${entry.sha256}, got ${sha}). Run "npm run build" again.`);
    return { entry, body: parseUpstreamText(entry, bytes.toString('utf8')).body };
  });
}

/** Loads today's texts, their earlier wordings and the other families' texts, and derives the library from them. */
export function loadUpstreamLibrary(dir: string): UpstreamLibrary {
  const catalog = readCatalog(dir);
  const todays = readTexts(dir, catalog);
  return new UpstreamLibrary(
    todays.map(({ text }) => text),
    loadUpstreamRevisions(dir, catalog, todays),
    loadFamilyTexts(dir, catalog),
  );
}
