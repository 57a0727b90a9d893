// Figures about the product as shipped rather than the core in this process: detection cost
// as the catalog grows, the bundled CLI over a tree of 1,000 policies, and the size of the
// minified bundles the VSIX carries.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { detectBase, UpstreamLibrary } from '../server/src/core/index';
import { PROJECT_ROOT } from '../test/support/upstream';

/** Detection's cost per policy for a catalog of the first `size` texts (and their earlier wordings), the index built beforehand. */
export interface CurvePoint {
  texts: number;
  revisions: number;
  /** Median milliseconds to detect every policy of the corpus once. */
  ms: number;
}

export function detectionCurve(library: UpstreamLibrary, corpus: readonly string[], median: (work: () => unknown, count: number) => number, rounds: number): CurvePoint[] {
  const sizes = [10, 25, 50, library.texts.length];
  return sizes.map((size) => {
    const texts = library.texts.slice(0, size);
    const kept = new Set(texts.map((t) => `${t.entry.version}\0${t.entry.language}`));
    const revisions = library.revisions.filter((r) => kept.has(`${r.entry.version}\0${r.entry.language}`));
    const subset = size === library.texts.length ? library : new UpstreamLibrary(texts, revisions, library.families);
    detectBase('', subset);
    return { texts: size, revisions: revisions.length, ms: median(() => corpus.forEach((t) => detectBase(t, subset)), rounds) };
  });
}

export interface CliFigures {
  files: number;
  seconds: number;
  filesPerSecond: number;
  cores: number;
  exitCode: number | null;
}

/**
 * The bundled CLI's `check` over a folder tree of `count` policies: each a corpus text with a
 * line of its own added, so no two files are the same. Timed from spawn to exit.
 */
export function cliThroughput(corpus: readonly string[], count: number): CliFigures | string {
  const cli = join(PROJECT_ROOT, 'dist', 'cli', 'cli.js');
  const root = mkdtempSync(join(tmpdir(), 'conduct-bench-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const folder = join(root, `project-${Math.floor(i / 10)}`, i % 2 ? 'docs' : '.');
      mkdirSync(folder, { recursive: true });
      const file = join(folder, i % 3 ? 'CODE_OF_CONDUCT.md' : `CODE_OF_CONDUCT.${i}.md`);
      writeFileSync(file, `${corpus[i % corpus.length]}\n\nLantern note ${i}: the stewards answer within a week.\n`);
      files.push(file);
    }
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...files], { maxBuffer: 1 << 30, encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (run.error) return `the CLI did not run: ${run.error.message}`;
    if (run.status !== 0 && run.status !== 1) return `the CLI failed (exit ${run.status}): ${run.stderr.slice(0, 300)}`;
    return { files: count, seconds, filesPerSecond: count / seconds, cores: cpus().length, exitCode: run.status };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Bytes of the client and the server as `npm run package` bundles them (minified, no source maps). */
export async function bundleSizes(): Promise<{ client: number; server: number }> {
  const build = async (entry: string, external: string[] = []) => {
    const result = await esbuild.build({ entryPoints: [join(PROJECT_ROOT, entry)], bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, write: false, external, legalComments: 'none', logLevel: 'silent' });
    return result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0);
  };
  return { client: await build('client/src/extension.ts', ['vscode']), server: await build('server/src/main.ts') };
}
