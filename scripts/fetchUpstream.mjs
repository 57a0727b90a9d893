#!/usr/bin/env node
// Materialises the pinned upstream Contributor Covenant texts (and catalog.families, the
// texts of other families) into upstream-texts/ (git-ignored,
// shipped in the VSIX). Sources, first hit wins, per file:
//   1. $CONDUCT_UPSTREAM_MIRROR/<owner>/<repo>/<commit>/<path>
//   2. ../shared/upstream/<owner>/<repo>/<commit>/<path> (beside the project)
//   3. https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>
// Every file is checked against the sha256 in upstream/catalog.json; any mismatch or missing
// file fails the build with a message naming the file and every source tried.
// Today's texts keep the mirror layout, so upstream-texts/ can itself serve as a mirror for
// them. The earlier wordings (catalog.revisions) are fetched into the git-ignored
// .upstream-cache/ (same layout, never shipped) and bundled as one compact
// upstream-texts/revisions.json: each a delta against today's text of its version and
// language, rebuilt and sha256-checked here and again by the loader.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const catalog = JSON.parse(readFileSync(join(root, 'upstream/catalog.json'), 'utf8'));
const outDir = join(root, 'upstream-texts');
const cacheDir = join(root, '.upstream-cache');
const quiet = process.argv.includes('--quiet');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const todays = catalog.entries.map((entry) => ({ ...entry, repo: catalog.repo, commit: catalog.commit }));
const revisions = catalog.revisions ?? [];
// Texts of other families, each from its own repository and commit; bundled like today's texts.
const families = catalog.families ?? [];
const relPath = (file) => `${file.repo}/${file.commit}/${file.path}`;
const describe = (file) => file.family ? `${file.family} ${file.version} (${file.language})` : `Contributor Covenant ${file.version} (${file.language})${file.firstDate ? ` as of ${file.firstDate}` : ''}`;

/** Local folders laid out as <owner>/<repo>/<commit>/<path>, in the order they are tried. */
const mirrors = [
  process.env.CONDUCT_UPSTREAM_MIRROR && { label: 'CONDUCT_UPSTREAM_MIRROR', dir: resolve(process.env.CONDUCT_UPSTREAM_MIRROR) },
  { label: '../shared/upstream', dir: resolve(root, '../shared/upstream') },
].filter(Boolean);

async function fetchOne(file) {
  const tried = [];
  for (const { label, dir } of mirrors) {
    const path = join(dir, relPath(file));
    if (!existsSync(path)) { tried.push(`${label}: no file ${path}`); continue; }
    const bytes = readFileSync(path);
    if (sha256(bytes) === file.sha256) return { bytes, source: label };
    tried.push(`${label}: sha256 mismatch for ${path} (got ${sha256(bytes)})`);
  }
  const url = `https://raw.githubusercontent.com/${relPath(file)}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (sha256(bytes) === file.sha256) return { bytes, source: 'https' };
    tried.push(`${url}: sha256 mismatch (got ${sha256(bytes)})`);
  } catch (error) {
    tried.push(`${url}: ${error.cause?.code ?? error.message}`);
  }
  throw new Error(`cannot get ${describe(file)}, ${relPath(file)}, expected sha256 ${file.sha256}:\n  - ${tried.join('\n  - ')}`);
}

const counts = {};
const failures = [];

/** Each file's verified bytes, from `intoDir` when already there, else fetched into it. */
async function materialise(files, intoDir) {
  const bytesOf = new Map();
  for (const file of files) {
    const target = join(intoDir, relPath(file));
    if (existsSync(target)) {
      const bytes = readFileSync(target);
      if (sha256(bytes) === file.sha256) { bytesOf.set(file, bytes); counts.cached = (counts.cached ?? 0) + 1; continue; }
    }
    try {
      const { bytes, source } = await fetchOne(file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      bytesOf.set(file, bytes);
      counts[source] = (counts[source] ?? 0) + 1;
    } catch (error) {
      failures.push(error.message);
    }
  }
  return bytesOf;
}

function failIfAny(total) {
  if (!failures.length) return;
  console.error(`fetchUpstream: ${failures.length} of ${total} upstream texts failed:\n${failures.join('\n')}`);
  process.exit(1);
}

const todayBytes = await materialise(todays, outDir);
failIfAny(todays.length);
await materialise(families, outDir);
failIfAny(families.length);
// The bundle records what it was built from: while the catalog's facts are unchanged, it is
// kept as is (the loader rebuilds and sha256-checks every revision anyway), and the build
// neither fetches the raw revisions nor loads the delta code.
const bundleFile = join(outDir, 'revisions.json');
const stamp = sha256(JSON.stringify({ entries: catalog.entries, revisions }));
const bundleStamp = () => {
  try {
    return JSON.parse(readFileSync(bundleFile, 'utf8')).stamp;
  } catch {
    return undefined;
  }
};
let rawBytes = 0;
let bundleBytes = 0;
if (revisions.length && bundleStamp() === stamp) {
  counts['revisions.json'] = revisions.length;
  bundleBytes = readFileSync(bundleFile).length;
} else if (revisions.length) {
  // The loader's own delta code and checks, so the build and the extension cannot disagree.
  const { encodeRevision } = await tsImport('../server/src/core/index.ts', import.meta.url);
  const { rebuildRevision, revisionKey } = await tsImport('../server/src/upstream/loader.ts', import.meta.url);
  const revisionBytes = await materialise(revisions, cacheDir);
  failIfAny(revisions.length);
  const baseOf = new Map(todays.map((t) => [`${t.version} ${t.language}`, todayBytes.get(t).toString('utf8')]));
  const deltas = {};
  for (const revision of revisions) {
    const base = baseOf.get(`${revision.version} ${revision.language}`);
    if (base === undefined) { failures.push(`${describe(revision)}: the catalog has no text of today for ${revision.version} (${revision.language}) to rebuild it from`); continue; }
    const bytes = revisionBytes.get(revision);
    rawBytes += bytes.length;
    const delta = encodeRevision(base, bytes.toString('utf8'));
    try {
      rebuildRevision(base, delta, revision);
    } catch (error) {
      failures.push(`${describe(revision)}: ${error.message} (is the file valid UTF-8?)`);
      continue;
    }
    deltas[revisionKey(revision)] = delta;
  }
  failIfAny(revisions.length);
  const bundle = JSON.stringify({
    $comment: 'Earlier upstream wordings as deltas against today\'s text of the same version and language (server/src/core/upstream/revisionDelta.ts). Generated by scripts/fetchUpstream.mjs from the facts in catalog.json; stamp: what it was built from.',
    stamp,
    revisions: deltas,
  });
  writeFileSync(bundleFile, bundle);
  bundleBytes = Buffer.byteLength(bundle);
}
writeFileSync(join(outDir, 'catalog.json'), JSON.stringify(catalog));
if (!quiet) {
  const sizes = rawBytes ? ` (${rawBytes.toLocaleString('en')} bytes raw as ${bundleBytes.toLocaleString('en')} bytes of deltas)` : bundleBytes ? ` (${bundleBytes.toLocaleString('en')} bytes of deltas)` : '';
  console.log(`fetchUpstream: ${todays.length} texts and ${families.length} texts of other families verified and ${revisions.length} earlier wordings bundled in upstream-texts/${sizes}; ${Object.entries(counts).map(([k, v]) => `${v} from ${k}`).join(', ')}`);
}
