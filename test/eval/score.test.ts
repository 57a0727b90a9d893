import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLabels, observedBase } from '../../eval/corpus';
import { accepted, scoreCorpus, scoreDetection, scoreFile, type FileLabel, type FileResult, type ObservedFinding } from '../../eval/score';

const cc21 = { family: 'contributor-covenant', version: '2.1', language: 'en', revision: 'today' };
const finding = (rule: string, line: number, severity = 'warning'): ObservedFinding => ({ rule, line, severity, message: `${rule} here` });
const label = (findings: FileLabel['findings'], base: FileLabel['base'] = cc21): FileLabel => ({ file: 'a.md', base, findings, note: '' });
const result = (findings: ObservedFinding[], base: FileResult['base'] = cc21): FileResult => ({ file: 'a.md', base, findings });

describe('eval scoring: detection', () => {
  it('is right only when family, version and language all match', () => {
    assert.deepEqual(scoreDetection(cc21, cc21), { family: true, version: true, language: true, all: true, revision: true });
    const wrong = scoreDetection(cc21, { ...cc21, version: '2.0' });
    assert.equal(wrong.version, false);
    assert.equal(wrong.all, false);
    assert.equal(wrong.family, true);
  });

  it('accepts "|" alternatives, "none" for no value, in any case', () => {
    assert.ok(accepted('2.2|2.3', '2.3'));
    assert.ok(!accepted('2.2|2.3', '2.1'));
    assert.ok(accepted('none', null));
    assert.ok(accepted(null, null));
    assert.ok(!accepted(null, '1.0'));
    assert.ok(accepted('zh-cn', 'zh-CN'));
  });

  it('judges the revision by date prefix, "today", or not at all when the label leaves it out', () => {
    const earlier = { ...cc21, version: '2.0', revision: '2021-02-21' };
    assert.equal(scoreDetection({ ...earlier, revision: '2021-02' }, earlier).revision, true);
    assert.equal(scoreDetection({ ...earlier, revision: 'today' }, earlier).revision, false);
    assert.equal(scoreDetection({ family: 'contributor-covenant', version: '2.0', language: 'en' }, earlier).revision, undefined);
  });
});

describe('eval scoring: findings', () => {
  it('matches the same rule on the same line only, each finding once', () => {
    const score = scoreFile(label([{ rule: 'r', line: 3 }, { rule: 'r', line: 3 }, { rule: 's', line: 9 }]), result([finding('r', 3), finding('r', 4), finding('s', 9)]));
    assert.equal(score.matched.length, 2);
    assert.deepEqual(score.missed, [{ rule: 'r', line: 3 }]);
    assert.deepEqual(score.unexpected.map((f) => f.line), [4]);
  });

  it('accepts a line within a label\'s explicit range, narrow labels first', () => {
    const score = scoreFile(label([{ rule: 'r', line: 1, to: 10 }, { rule: 'r', line: 5 }]), result([finding('r', 5), finding('r', 7)]));
    assert.equal(score.missed.length, 0);
    assert.equal(score.unexpected.length, 0);
  });

  it('scores only loud findings: information is neither a match nor unexpected', () => {
    const score = scoreFile(label([{ rule: 'r', line: 2 }]), result([finding('r', 2, 'information'), finding('q', 8, 'information')]));
    assert.deepEqual(score.missed, [{ rule: 'r', line: 2 }]);
    assert.deepEqual(score.unexpected, []);
  });

  it('sums per rule and overall; an empty denominator counts as 1', () => {
    const labels = [label([{ rule: 'r', line: 1 }, { rule: 's', line: 2 }])];
    const score = scoreCorpus(labels, [result([finding('r', 1), finding('r', 5)])]);
    const r = score.rules.find((x) => x.rule === 'r');
    const s = score.rules.find((x) => x.rule === 's');
    assert.deepEqual([r?.tp, r?.fp, r?.fn, r?.precision, r?.recall], [1, 1, 0, 0.5, 1]);
    assert.deepEqual([s?.tp, s?.fp, s?.fn, s?.precision, s?.recall], [0, 0, 1, 1, 0]);
    assert.deepEqual([score.overall.tp, score.overall.fp, score.overall.fn], [1, 1, 1]);
    assert.deepEqual([score.detection.all, score.detection.total], [1, 1]);
  });

  it('throws when a labelled file has no result', () => {
    assert.throws(() => scoreCorpus([label([])], []), /no result for labelled file a\.md/);
  });
});

describe('eval labels and observed bases', () => {
  it('rejects a malformed label with its place', () => {
    assert.throws(() => loadLabels('{"files":[{"file":"x.md","base":{"family":"f"},"findings":[{"rule":"r","line":0}],"note":""}]}'), /labels\.files\[0\] \(x\.md\): bad finding/);
    assert.throws(() => loadLabels('[]'), /expected \{ "files"/);
  });

  it('reads an unknown or missing detection as unknown with no version or language', () => {
    assert.deepEqual(observedBase(undefined), { family: 'unknown', version: null, language: null, revision: null });
  });
});
