import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vandalism } from '../../../server/src/core/rules/vandalism';
import { listed, run, seen } from '../../support/rules';
import { seed, upstreamLibrary } from '../../support/upstream';

describe('vandalism', () => {
  it('reports profanity on the word itself', () => {
    const text = '# Rules\n\nBe kind to everyone, for fuck\'s sake.\n\nThis bullshit policy applies everywhere.\n';
    const findings = run(vandalism, text);
    assert.deepEqual(seen(text, findings), [{ line: 3, text: 'fuck' }, { line: 5, text: 'bullshit' }], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected profanity "fuck", expected the policy's own wording/);
  });

  it('reports sentences that tell people not to report', () => {
    const text = '# Reporting\n\nWrite to the organisers. Don\'t bother reporting, though.\n\n- Reports will be ignored.\n\n**Nobody reads these.**\n';
    const findings = run(vandalism, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [
      [3, 'Don\'t bother reporting, though.'],
      [5, 'Reports will be ignored.'],
      [7, 'Nobody reads these.'],
    ], listed(text, findings));
    assert.match(findings[0].message, /expected the policy to invite reports/);
  });

  it('leaves alone rules about bad-faith reports, words that contain a bad word, and code', () => {
    const text = '# Reporting\n\nReports made in bad faith will be ignored. Reports will be read by two people.\n\nWe meet in Scunthorpe and cook shiitake. Run `git commit -m "wtf"`.\n\nWe ignore nothing: all reports are read.\n';
    const findings = run(vandalism, text);
    assert.deepEqual(findings, [], listed(text, findings));
  });

  it('reports nothing on the verbatim upstream texts or the seeds', () => {
    const found: string[] = [];
    for (const t of upstreamLibrary().texts) for (const f of run(vandalism, t.body)) found.push(`${t.entry.version} ${t.entry.language}: ${f.message}`);
    for (const n of ['000', '001', '002', '003', '004']) for (const f of run(vandalism, seed(n))) found.push(`seed ${n}: ${f.message}`);
    assert.deepEqual(found, []);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '.', '!!!', 'wtf', '- ', '1. ']) run(vandalism, text);
  });
});
