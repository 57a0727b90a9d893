// Writes bench/RESULTS.md from one run of bench/run.ts. Everything above "## Notes" is
// generated; the notes, written by hand, are kept from the previous file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, type } from 'node:os';
import { join } from 'node:path';

export interface Row {
  name: string;
  /** Median milliseconds; undefined when there was nothing to measure. */
  ms?: number;
  /** The remark-parse median the row is divided by. */
  baseline?: number;
  /** "≤ 10 ms: met". */
  target?: string;
  /** The coarsest level a large comparison fell back to. */
  fallback?: string;
  note?: string;
}

export interface Results {
  quick: boolean;
  rounds: { corpus: number; seed: number; large: number };
  corpus: { texts: number; kib: number; indexMs: number; rows: Row[] };
  seeds: Row[];
  large: { kib: number; parseMs: number[]; baselineMs?: number; rows: Row[] };
}

/** The machine as the results should name it, with its load when the run started (the figures depend on both). */
export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${type()} ${release()}, load average ${loadavg()[0].toFixed(2)} at the start`;
}

const RESULTS = join(__dirname, 'RESULTS.md');
const NOTES = '\n## Notes';

const ms = (n: number | undefined) => (n === undefined ? '–' : n >= 100 ? `${Math.round(n).toLocaleString('en')} ms` : `${n.toFixed(1)} ms`);
const ratio = (row: Row) => (row.ms !== undefined && row.baseline ? `${(row.ms / row.baseline).toFixed(2)}×` : '–');

/** Writes the results (and the previous file's notes) to bench/RESULTS.md; returns its path. */
export function writeResults(r: Results, machineLine: string): string {
  const notes = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8').split(NOTES).slice(1).join(NOTES) : '';
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench -- --write${r.quick ? ' --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Machine: ${machineLine} and ${loadavg()[0].toFixed(2)} at the end; Node ${process.version}.`,
    '',
    `Every figure is a median, measured in one process after warm-up: ${r.rounds.corpus} rounds over the corpus, ${r.rounds.seed} per seed, ${r.rounds.large} per 1 MiB comparison. "× remark-parse" divides by remark-parse on the same input, measured in the same run; the ratios carry across machines, the milliseconds and so the targets do not.`,
    '',
    `## Analysis of the corpus (${r.corpus.texts} texts: the seeds and every bundled upstream text, ${r.corpus.kib.toFixed(0)} KiB)`,
    '',
    `The detection index is built once, in ${ms(r.corpus.indexMs)}.`,
    '',
    '| Step | Median | × remark-parse |',
    '| --- | ---: | ---: |',
    ...r.corpus.rows.map((row) => `| ${row.name} | ${ms(row.ms)} | ${ratio(row)} |`),
    '',
    '## Word-level comparison of each seed with its detected base',
    '',
    '`checkText` once, then `compareWithUpstream(doc, base, library)` timed; the baseline is remark-parse of the same seed.',
    '',
    '| Seed vs base | Median | × remark-parse | Target |',
    '| --- | ---: | ---: | --- |',
    ...r.seeds.map((row) => `| ${row.name} | ${ms(row.ms)} | ${ratio(row)} | ${row.target ?? row.note ?? ''} |`),
    '',
    `## ${r.large.kib / 1024} MiB policies`,
    '',
    `Generated at run time from upstream 2.1's paragraphs, headings included, repeated, shuffled and sprinkled with random words (bench/largePolicy.ts, seeds 1 and 2). The first row includes tokenizing the policy for comparison; the second compares two texts already read (\`comparedText\`). Reading them (remark-parse and the model) took ${r.large.parseMs.map((n) => ms(n)).join(' and ')} and is not counted; the baseline is remark-parse of the first, ${r.large.baselineMs === undefined ? 'not measured in a quick run' : ms(r.large.baselineMs)}. \`fallback.level\` is the coarsest level a section fell back to when the word diff went over its bounds.`,
    '',
    '| Comparison | Sections | Median | × remark-parse | Fallback | Target |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...r.large.rows.map((row) => `| ${row.name} | ${row.note ?? ''} | ${ms(row.ms)} | ${ratio(row)} | ${row.fallback ?? ''} | ${row.target ?? ''} |`),
  ];
  writeFileSync(RESULTS, `${lines.join('\n')}\n${notes ? `${NOTES}${notes}` : ''}`);
  return RESULTS;
}
