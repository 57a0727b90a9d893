import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, unreadableReason } from '../../server/src/core/index';
import { upstreamLibrary } from '../support/upstream';

describe('input the core refuses to analyse', () => {
  it('explains binary input, oversized input, pathological nesting and bracket floods in one finding', () => {
    assert.match(unreadableReason('abc\u0000def') ?? '', /looks binary/);
    assert.match(unreadableReason('x'.repeat(11), 10) ?? '', /has 11 characters; policies are checked up to 10/);
    assert.match(unreadableReason(`${'- '.repeat(500)}item`) ?? '', /nests lists or quotes 500 levels deep/);
    assert.match(unreadableReason('[a]'.repeat(6000)) ?? '', /6,000 "\[" brackets/);
    const { doc, findings } = checkText('[a]'.repeat(6000), upstreamLibrary());
    assert.equal(doc, undefined);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['unreadable-input', 'warning']]);
  });

  it('accepts ordinary policies, including nested lists and quotes of a sane depth', () => {
    assert.equal(unreadableReason('# Rules\n\n- a\n  - b\n    - c\n\n> > quoted\n\nSee [the FAQ](https://example.org).\n'), undefined);
  });
});
