import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CORPUS_DIR, evaluateCorpus } from '../../eval/evaluate';
import { upstreamLibrary } from '../support/upstream';

// The floors issue 7 sets for the engine on real policies (npm run eval prints the detail).
const FLOORS = { detection: 0.95, precision: 0.95, recall: 0.9 };

describe('the evaluation on the shared corpus of real policies', () => {
  const score = evaluateCorpus(upstreamLibrary());

  it(`detects family, version and language top-1 on at least ${FLOORS.detection * 100}% of the corpus, and finds with precision ≥ ${FLOORS.precision} and recall ≥ ${FLOORS.recall}`, (t) => {
    if (!score) {
      // Without ../shared the corpus cannot be read; CI always has it, so there this fails.
      assert.ok(!process.env.CI, `no corpus at ${CORPUS_DIR}`);
      t.skip(`skipped: no corpus at ${CORPUS_DIR}`);
      return;
    }
    const detection = score.detection.all / score.detection.total;
    const disagreements = score.files.flatMap((f) => [
      ...(f.detection.all ? [] : [`${f.file}: detection ${f.expected} expected, ${f.observed} found`]),
      ...f.missed.map((m) => `${f.file}:${m.line} ${m.rule} missed`),
      ...f.unexpected.map((u) => `${f.file}:${u.line} ${u.rule} unexpected`),
    ]);
    const why = `disagreements:\n${disagreements.join('\n')}`;
    assert.ok(score.files.length >= 30, `expected the whole labelled corpus, scored ${score.files.length} files`);
    assert.ok(detection >= FLOORS.detection, `detection ${detection.toFixed(3)} < ${FLOORS.detection}; ${why}`);
    assert.ok(score.overall.precision >= FLOORS.precision, `precision ${score.overall.precision.toFixed(3)} < ${FLOORS.precision}; ${why}`);
    assert.ok(score.overall.recall >= FLOORS.recall, `recall ${score.overall.recall.toFixed(3)} < ${FLOORS.recall}; ${why}`);
  });
});
