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

  // Each of these once sent a rule's pattern into a rescan from every position (seconds to a
  // minute at 100,000 characters). They run here at a fifth of that size: a regression shows
  // as a suite that suddenly takes far longer, never as a timed assertion.
  it('checks long runs of template, residue and look-alike syntax to the end, with every finding inside the text', () => {
    const cases = ['['.repeat(4000) + ']'.repeat(4000), 'A_'.repeat(20_000), "\\'".repeat(20_000), '{.a'.repeat(10_000), '*'.repeat(20_000), '. '.repeat(20_000), '##x\n'.repeat(10_000), 'x AT '.repeat(10_000), 'a(at)'.repeat(10_000), 'at EMAIL '.repeat(10_000), '[your '.repeat(10_000)];
    for (const text of cases) {
      const { findings } = checkText(text, upstreamLibrary());
      for (const f of findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${text.slice(0, 12)}: ${f.rule}`);
      assert.ok(findings.length <= 200, `${text.slice(0, 12)}: ${findings.length} findings flood the editor`);
    }
  });

  it('accepts ordinary policies, including nested lists and quotes of a sane depth', () => {
    assert.equal(unreadableReason('# Rules\n\n- a\n  - b\n    - c\n\n> > quoted\n\nSee [the FAQ](https://example.org).\n'), undefined);
  });
});
