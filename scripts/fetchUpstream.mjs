#!/usr/bin/env node
// Materialises the pinned upstream Contributor Covenant texts into upstream-texts/ (git-ignored,
// shipped in the VSIX). Sources, first hit wins, per file:
//   1. $CONDUCT_UPSTREAM_MIRROR/<owner>/<repo>/<commit>/<path>
//   2. ../shared/upstream/<owner>/<repo>/<commit>/<path> (beside the project)
//   3. https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>
// Every file is checked against the sha256 in upstream/catalog.json; any mismatch or missing
// file fails the build with a message naming the file and every source tried.
// The output keeps the mirror layout, so upstream-texts/ can itself serve as a mirror.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const catalog = JSON.parse(readFileSync(join(root, 'upstream/catalog.json'), 'utf8'));
const outDir = join(root, 'upstream-texts');
const quiet = process.argv.includes('--quiet');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const relPath = (entry) => `${catalog.repo}/${catalog.commit}/${entry.path}`;

/** Local folders laid out as <owner>/<repo>/<commit>/<path>, in the order they are tried. */
const mirrors = [
  process.env.CONDUCT_UPSTREAM_MIRROR && { label: 'CONDUCT_UPSTREAM_MIRROR', dir: resolve(process.env.CONDUCT_UPSTREAM_MIRROR) },
  { label: '../shared/upstream', dir: resolve(root, '../shared/upstream') },
].filter(Boolean);

async function fetchOne(entry) {
  const tried = [];
  for (const { label, dir } of mirrors) {
    const file = join(dir, relPath(entry));
    if (!existsSync(file)) { tried.push(`${label}: no file ${file}`); continue; }
    const bytes = readFileSync(file);
    if (sha256(bytes) === entry.sha256) return { bytes, source: label };
    tried.push(`${label}: sha256 mismatch for ${file} (got ${sha256(bytes)})`);
  }
  const url = `https://raw.githubusercontent.com/${relPath(entry)}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (sha256(bytes) === entry.sha256) return { bytes, source: 'https' };
    tried.push(`${url}: sha256 mismatch (got ${sha256(bytes)})`);
  } catch (error) {
    tried.push(`${url}: ${error.cause?.code ?? error.message}`);
  }
  throw new Error(`cannot get Contributor Covenant ${entry.version} (${entry.language}), expected sha256 ${entry.sha256}:\n  - ${tried.join('\n  - ')}`);
}

const counts = {};
const failures = [];
for (const entry of catalog.entries) {
  const target = join(outDir, relPath(entry));
  if (existsSync(target) && sha256(readFileSync(target)) === entry.sha256) { counts.cached = (counts.cached ?? 0) + 1; continue; }
  try {
    const { bytes, source } = await fetchOne(entry);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    counts[source] = (counts[source] ?? 0) + 1;
  } catch (error) {
    failures.push(error.message);
  }
}
if (failures.length) {
  console.error(`fetchUpstream: ${failures.length} of ${catalog.entries.length} upstream texts failed:\n${failures.join('\n')}`);
  process.exit(1);
}
writeFileSync(join(outDir, 'catalog.json'), JSON.stringify(catalog));
if (!quiet) console.log(`fetchUpstream: ${catalog.entries.length} texts verified in upstream-texts/ (${Object.entries(counts).map(([k, v]) => `${v} from ${k}`).join(', ')})`);
