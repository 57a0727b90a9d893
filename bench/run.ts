// npm run bench: how the analysis compares with parsing the same Markdown with remark-parse
// alone, in this process, on the seed policies and every bundled upstream text. Ratios, not
// absolute times, are what to watch: they hold across machines.
import { performance } from 'node:perf_hooks';
import { buildDetectionIndex, checkText, detectBase, parseConductDocument } from '../server/src/core/index';
import { parseMarkdown } from '../server/src/core/markdown';
import { seed, upstreamLibrary } from '../test/support/upstream';

const library = upstreamLibrary();
const started = performance.now();
buildDetectionIndex(library);
const indexMs = performance.now() - started;

const corpus = [...['000', '001', '002', '003', '004'].map(seed), ...library.texts.map((t) => t.body)];
const bytes = corpus.reduce((n, t) => n + t.length, 0);

/** Median milliseconds of `rounds` passes over the corpus, after one warm-up pass. */
function measure(work: (text: string) => unknown, rounds = 7): number {
  for (const text of corpus) work(text);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const text of corpus) work(text);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

const baseline = measure((t) => parseMarkdown(t));
const rows: [string, number][] = [
  ['remark-parse alone (baseline)', baseline],
  ['detectBase', measure((t) => detectBase(t, library))],
  ['parseConductDocument', measure((t) => parseConductDocument(t, library))],
  ['checkText (detect + parse + all rules)', measure((t) => checkText(t, library))],
];
console.log(`corpus: ${corpus.length} texts, ${(bytes / 1024).toFixed(0)} KiB; detection index built once in ${indexMs.toFixed(0)} ms`);
for (const [name, ms] of rows) console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / baseline).toFixed(2).padStart(6)}× baseline`);
