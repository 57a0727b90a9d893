#!/usr/bin/env node
// Materialises the pinned upstream Contributor Covenant texts (and catalog.families, the
// texts of other families) into upstream-texts/ (git-ignored,
// shipped in the VSIX). Sources, first hit wins, per file:
//   1. $CONDUCT_UPSTREAM_MIRROR/<owner>/<repo>/<commit>/<path>
//   2. ../shared/upstream/<owner>/<repo>/<commit>/<path> (beside the project)
//   3. https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>
//      (no redirect to another host, at most 2 MiB, a 30 s timeout for the whole answer)
// Every file is checked against the sha256 in upstream/catalog.json; any mismatch or missing
// file fails the build with a message naming the file and every source tried.
// Today's texts keep the mirror layout, so upstream-texts/ can itself serve as a mirror for
// them. The earlier wordings (catalog.revisions) are fetched into the git-ignored
// .upstream-cache/ (same layout, never shipped) and bundled as one compact
// upstream-texts/revisions.json: each a delta against today's text of its version and
// language, rebuilt and sha256-checked here and again by the loader.
// A file already in upstream-texts/ (or .upstream-cache/) that matches its sha256 is kept as is,
// so a verified earlier build needs no network; nothing is written until its sha256 matches.
// Environment, for tests and unusual setups (the defaults are the normal build):
//   CONDUCT_UPSTREAM_ROOT        folder holding upstream/catalog.json, upstream-texts/ and
//                                .upstream-cache/, beside which ../shared/upstream is looked for
//   CONDUCT_UPSTREAM_BASE_URL    replaces https://raw.githubusercontent.com in step 3
//   CONDUCT_UPSTREAM_TIMEOUT_MS  replaces step 3's 30,000 ms timeout
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(process.env.CONDUCT_UPSTREAM_ROOT || resolve(dirname(fileURLToPath(import.meta.url)), '..'));
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

const baseUrl = (process.env.CONDUCT_UPSTREAM_BASE_URL || 'https://raw.githubusercontent.com').replace(/\/+$/, '');
const timeoutMs = Number(process.env.CONDUCT_UPSTREAM_TIMEOUT_MS) > 0 ? Number(process.env.CONDUCT_UPSTREAM_TIMEOUT_MS) : 30_000;
// The largest pinned text is a few tens of kilobytes; a far larger answer is an error page or
// an attack, and is refused while streaming rather than held in memory.
const MAX_BODY_BYTES = 2 * 1024 * 1024;
// Same-host redirects (a renamed branch, a canonical path) are followed this many times.
const MAX_REDIRECTS = 3;

class Fault extends Error {}

/** The body at `url`: redirects only within its host, refused past MAX_BODY_BYTES, one timeout for the whole exchange. */
async function download(url) {
  const signal = AbortSignal.timeout(timeoutMs);
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const response = await fetch(current, { signal, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new Fault(`redirect refused: HTTP ${response.status} without a Location`);
      const next = new URL(location, current);
      if (next.origin !== origin) throw new Fault(`redirect refused: HTTP ${response.status} to another host (${next.origin}); only ${origin} is trusted`);
      if (hop >= MAX_REDIRECTS) throw new Fault(`redirect refused: more than ${MAX_REDIRECTS} redirects`);
      current = next.href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Fault(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    return readCapped(response);
  }
}

/** The response body, read chunk by chunk and abandoned as soon as it passes MAX_BODY_BYTES. */
async function readCapped(response) {
  const limit = `the ${MAX_BODY_BYTES / 1024 / 1024} MiB limit`;
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) {
    await response.body?.cancel();
    throw new Fault(`too large: the body is ${declared.toLocaleString('en')} bytes, over ${limit}`);
  }
  const chunks = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Fault(`too large: the body passed ${limit}, stopped reading at ${total.toLocaleString('en')} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** One line naming the fault: offline, timeout, truncated, or the HTTP status, size or redirect. */
function describeFault(error) {
  if (error instanceof Fault) return error.message;
  if (error?.name === 'TimeoutError') return `timeout: no complete answer within ${timeoutMs.toLocaleString('en')} ms`;
  const cause = error?.cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(code)) return `offline: cannot connect (${code})`;
  if (code === 'UND_ERR_SOCKET' || error?.message === 'terminated') return `truncated: the connection closed before the whole body arrived (${cause?.message ?? error.message})`;
  return code ?? cause?.message ?? error?.message ?? String(error);
}

async function fetchOne(file) {
  const tried = [];
  for (const { label, dir } of mirrors) {
    const path = join(dir, relPath(file));
    if (!existsSync(path)) { tried.push(`${label}: no file ${path}`); continue; }
    const bytes = readFileSync(path);
    if (sha256(bytes) === file.sha256) return { bytes, source: label };
    tried.push(`${label}: sha256 mismatch for ${path} (got ${sha256(bytes)})`);
  }
  const url = `${baseUrl}/${relPath(file)}`;
  try {
    const bytes = await download(url);
    if (sha256(bytes) === file.sha256) return { bytes, source: 'https' };
    tried.push(`${url}: sha256 mismatch (got ${sha256(bytes)})`);
  } catch (error) {
    tried.push(`${url}: ${describeFault(error)}`);
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
// What the library derives from each text (placeholders, rungs, sections), parsed once here
// rather than at every start of the server or the CLI.
{
  const { writeDerivedFile } = await tsImport('../server/src/upstream/loader.ts', import.meta.url);
  writeDerivedFile(outDir);
}
if (!quiet) {
  const sizes = rawBytes ? ` (${rawBytes.toLocaleString('en')} bytes raw as ${bundleBytes.toLocaleString('en')} bytes of deltas)` : bundleBytes ? ` (${bundleBytes.toLocaleString('en')} bytes of deltas)` : '';
  console.log(`fetchUpstream: ${todays.length} texts and ${families.length} texts of other families verified and ${revisions.length} earlier wordings bundled in upstream-texts/${sizes}; ${Object.entries(counts).map(([k, v]) => `${v} from ${k}`).join(', ')}`);
}
