// npm run bench: how the analysis and the comparison compare with parsing the same Markdown
// with remark-parse alone (and with markdownlint), in this process, on the seed policies,
// every bundled upstream text and two generated 1 MiB policies; then the product as shipped:
// detection as the catalog grows, the bundled language server over stdio (bench/lsp.ts), the
// bundled CLI over 1,000 files and the minified bundles (bench/product.ts). Ratios, not
// absolute times, are what to watch: they hold across machines. Targets are absolute, so
// each is printed beside its figure. Build first (npm run build): the LSP and CLI figures
// use dist/.
//   npm run bench -- --quick   fewer rounds, for a quick look; npm test runs it to prove the harness works
//   npm run bench -- --write   also rewrites bench/RESULTS.md (keeping its "## Notes")
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildDetectionIndex, checkText, detectBase, parseConductDocument } from '../server/src/core/index';
import { compareTexts, comparedText, compareWithUpstream, type Comparison } from '../server/src/core/compare/index';
import { parseMarkdown } from '../server/src/core/markdown';
import { seed, SEEDS_DIR, upstreamText, upstreamLibrary } from '../test/support/upstream';
import { lint as markdownlint } from 'markdownlint/sync';
import { largePolicy } from './largePolicy';
import { measureLsp } from './lsp';
import { bundleSizes, cliThroughput, detectionCurve } from './product';
import { productRows, machine, writeResults, type Results, type Row } from './results';

const machineLine = machine();
const quick = process.argv.includes('--quick');
const rounds = { corpus: quick ? 1 : 7, seed: quick ? 9 : 31, large: quick ? 1 : 3 };
const SEED_TARGET_MS = 10;
const LARGE_TARGET_MS = 1000;

const library = upstreamLibrary();
const started = performance.now();
buildDetectionIndex(library);
const indexMs = performance.now() - started;

const seeds = readdirSync(SEEDS_DIR).map((f) => /^(\d+)_/.exec(f)?.[1]).filter((n): n is string => !!n).sort();
const corpus = [...seeds.map(seed), ...library.texts.map((t) => t.body)];
const bytes = corpus.reduce((n, t) => n + t.length, 0);

/** Median milliseconds of `count` timed calls of `work`, after `warmUp` untimed ones. */
function median(work: () => unknown, count: number, warmUp = 1): number {
  for (let w = 0; w < warmUp; w++) work();
  const times: number[] = [];
  for (let r = 0; r < count; r++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(count / 2);
  return count % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
}

const overCorpus = (work: (text: string) => unknown) => median(() => corpus.forEach(work), rounds.corpus);
const baseline = overCorpus((t) => parseMarkdown(t));
const corpusRows: Row[] = [
  { name: 'remark-parse alone (baseline)', ms: baseline, baseline },
  { name: 'detectBase', ms: overCorpus((t) => detectBase(t, library)), baseline },
  { name: 'parseConductDocument', ms: overCorpus((t) => parseConductDocument(t, library)), baseline },
  { name: 'checkText (detect + parse + all rules)', ms: overCorpus((t) => checkText(t, library)), baseline },
  // markdownlint with its default rules: what a Markdown linter costs on the same texts.
  { name: 'markdownlint, default rules (comparison)', ms: overCorpus((t) => markdownlint({ strings: { policy: t } })), baseline },
];

const target = (ms: number, limit: number) => `≤ ${limit >= 1000 ? `${limit / 1000} s` : `${limit} ms`}: ${ms <= limit ? 'met' : 'MISSED'}`;

// Each seed against the base it is detected as: the comparison an editor makes on opening it.
const seedRows: Row[] = seeds.map((n) => {
  const text = seed(n);
  const { doc, base } = checkText(text, library);
  const upstream = base?.version && base.language ? library.find(base.version, base.language) : undefined;
  if (!doc || !upstream) return { name: `seed ${n}`, note: 'not Covenant-based: nothing to compare with' };
  const ms = median(() => compareWithUpstream(doc, upstream, library), rounds.seed, 2);
  return { name: `seed ${n} vs ${base!.version} (${base!.language})`, ms, baseline: median(() => parseMarkdown(text), rounds.seed, 2), target: target(ms, SEED_TARGET_MS) };
});

// Two 1 MiB policies shuffled from 2.1's paragraphs: one against 2.1 itself, then one against the other.
const v21 = upstreamText('2.1');
// A quick run proves the harness on 128 KiB instead: 1 MiB alone takes longer than its budget.
const largeSize = quick ? 128 << 10 : 1 << 20;
const large = [largePolicy(v21.body, 1, largeSize), largePolicy(v21.body, 2, largeSize)];
const parseOnce = (text: string) => {
  const t0 = performance.now();
  const doc = parseConductDocument(text, library, { baseSections: library.sectionsOf(v21) });
  return { doc, ms: performance.now() - t0 };
};
const [first, second] = large.map(parseOnce);
// A quick run skips this baseline: parsing 1 MiB again would take most of its time.
const largeBaseline = quick ? undefined : median(() => parseMarkdown(large[0]), rounds.large);
const [firstRead, secondRead] = [first.doc, second.doc].map((doc) => comparedText(doc, library));
const fallbackOf = (comparison: Comparison) => comparison.fallback?.level ?? 'none (word level throughout)';
/** The median time of a large comparison, and the fallback its last run took (which depends on the time budget). */
function largeRow(name: string, compare: () => Comparison): Row {
  let last: Comparison | undefined;
  const ms = median(() => (last = compare()), rounds.large, quick ? 0 : 1);
  return { name, ms, baseline: largeBaseline, target: target(ms, LARGE_TARGET_MS), fallback: fallbackOf(last!), note: `${last!.sections.length.toLocaleString('en')} sections` };
}
const largeRows: Row[] = [
  largeRow(`${quick ? '128 KiB' : '1 MiB'} policy vs upstream 2.1 (\`compareWithUpstream\`)`, () => compareWithUpstream(first.doc, v21, library)),
  largeRow(`${quick ? '128 KiB vs 128 KiB' : '1 MiB vs 1 MiB'}, differently shuffled (\`compareTexts\`)`, () => compareTexts(firstRead, secondRead)),
];

async function main(): Promise<void> {
  const curve = detectionCurve(library, corpus, median, rounds.corpus);
  const lsp = await measureLsp(quick);
  const cli = cliThroughput(corpus, quick ? 50 : 1000);
  const bundles = await bundleSizes();
  const results: Results = {
    quick,
    rounds,
    corpus: { texts: corpus.length, kib: bytes / 1024, indexMs, rows: corpusRows },
    seeds: seedRows,
    large: { kib: large[0].length / 1024, parseMs: [first.ms, second.ms], baselineMs: largeBaseline, rows: largeRows },
    curve,
    lsp,
    cli,
    bundles,
  };
  printResults(results);
  if (process.argv.includes('--write')) console.log(`\nwrote ${writeResults(results, machineLine)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

function printResults(r: Results): void {
  const line = (row: Row) => {
    const ms = row.ms === undefined ? '' : `${row.ms.toFixed(1).padStart(8)} ms`;
    const ratio = row.ms !== undefined && row.baseline ? `  ${(row.ms / row.baseline).toFixed(2).padStart(6)}× baseline` : '';
    const extra = [row.target, row.fallback && `fallback.level: ${row.fallback}`, row.note].filter(Boolean).join('  ');
    return `${row.name.replaceAll('`', '').padEnd(44)} ${ms}${ratio}${extra ? `  ${extra}` : ''}`;
  };
  console.log(`corpus: ${r.corpus.texts} texts, ${r.corpus.kib.toFixed(0)} KiB; detection index built once in ${r.corpus.indexMs.toFixed(0)} ms${r.quick ? ' (quick: fewer rounds)' : ''}`);
  r.corpus.rows.forEach((row) => console.log(line(row)));
  console.log('\nword-level comparison of each seed with its detected base (baseline: remark-parse of the same seed)');
  r.seeds.forEach((row) => console.log(line(row)));
  const largeBaseline = r.large.baselineMs === undefined ? 'not measured in a quick run' : `${r.large.baselineMs.toFixed(0)} ms`;
  console.log(`\n${(r.large.kib / 1024).toFixed(3)} MiB generated policies (read once in ${r.large.parseMs.map((ms) => ms.toFixed(0)).join(' and ')} ms; baseline: remark-parse of the first, ${largeBaseline})`);
  r.large.rows.forEach((row) => console.log(line(row)));
  console.log('\ndetection over the corpus as the catalog grows (index built beforehand)');
  r.curve.forEach((p) => console.log(`  ${String(p.texts).padStart(3)} texts + ${String(p.revisions).padStart(3)} earlier wordings: ${p.ms.toFixed(1)} ms, ${(p.ms / r.corpus.texts).toFixed(2)} ms per policy`));
  console.log('');
  for (const row of productRows(r)) console.log(`${row.name.padEnd(56)} ${row.figure.padStart(12)}  ${row.target}`);
}
