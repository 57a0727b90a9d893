// npm run eval: checks every policy of the shared corpus (../shared/corpus, read in place,
// never copied) against the labels in eval/labels.json and prints detection accuracy,
// per-rule precision and recall, every disagreement and a closing summary line. Exits 0
// whatever the figures: the floors are a test (test/eval), not this report.
//   npm run eval -- --quiet   figures only, no disagreement list
import { upstreamLibrary } from '../test/support/upstream';
import { CORPUS_DIR, evaluateCorpus } from './evaluate';
import type { CorpusScore } from './score';
const quiet = process.argv.includes('--quiet');

const pct = (part: number, whole: number) => `${part}/${whole} (${whole ? ((100 * part) / whole).toFixed(1) : '100.0'}%)`;
const fixed = (n: number) => n.toFixed(2);

function print(score: CorpusScore): void {
  const d = score.detection;
  console.log('Detection (top-1)');
  console.log(`  family    ${pct(d.family, d.total)}`);
  console.log(`  version   ${pct(d.version, d.total)}`);
  console.log(`  language  ${pct(d.language, d.total)}`);
  console.log(`  all three ${pct(d.all, d.total)}`);
  console.log(`  revision  ${pct(d.revision, d.revisionJudged)} of the files whose label judges it`);
  console.log('');
  console.log('Findings (error and warning; a label matches the same rule on the same line, or within its stated range)');
  console.log(`  ${'rule'.padEnd(28)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  precision  recall`);
  for (const r of [...score.rules, score.overall]) {
    console.log(`  ${r.rule.padEnd(28)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${fixed(r.precision).padStart(9)}  ${fixed(r.recall).padStart(6)}`);
  }
  if (!quiet) {
    console.log('');
    console.log('Disagreements');
    for (const f of score.files) {
      const det = f.detection;
      const lines: string[] = [];
      if (!det.all || det.revision === false) lines.push(`  ${f.file}: detection ${f.expected} expected, ${f.observed} found`);
      for (const m of f.missed) lines.push(`  ${f.file}:${m.line}${m.to ? `-${m.to}` : ''} ${m.rule} expected, not reported`);
      for (const u of f.unexpected) lines.push(`  ${f.file}:${u.line} ${u.rule} unexpected (${u.severity}): ${u.message}`);
      for (const l of lines) console.log(l);
    }
  }
  console.log('');
  const o = score.overall;
  console.log(`eval: ${score.files.length} files, detection ${pct(d.all, d.total)}, precision ${fixed(o.precision)}, recall ${fixed(o.recall)} (${o.tp} matched, ${o.fp} unexpected, ${o.fn} missed)`);
}

const score = evaluateCorpus(upstreamLibrary());
if (!score) console.log(`eval: no corpus at ${CORPUS_DIR}; nothing to score`);
else print(score);
