import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAllEdits, fixesOf, minimalFix, type RuleFix } from '../../server/src/core/index';

const fix = (start: number, end: number, text: string): RuleFix => ({ span: { start, end }, text });

describe('minimalFix', () => {
  it('leaves the characters both texts share at either end out of the edit', () => {
    assert.deepEqual(minimalFix('see version/2/0/page', { start: 4, end: 20 }, 'version/2/1/page', 'T'), { span: { start: 14, end: 15 }, text: '1', title: 'T' });
  });

  it('gives nothing when the replacement is the text already there', () => {
    assert.equal(minimalFix('abc', { start: 0, end: 3 }, 'abc'), undefined);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a\u{1F600}b';
    const edit = minimalFix(text, { start: 0, end: text.length }, 'a\u{1F601}b')!;
    assert.deepEqual(edit, { span: { start: 1, end: 3 }, text: '\u{1F601}' });
  });

  it('turns repeated text into an insertion or a deletion of the difference', () => {
    assert.deepEqual(minimalFix('aa', { start: 0, end: 2 }, 'aaa'), { span: { start: 2, end: 2 }, text: 'a' });
    assert.deepEqual(minimalFix('aaa', { start: 0, end: 3 }, 'a'), { span: { start: 1, end: 3 }, text: '' });
  });
});

describe('fixesOf', () => {
  it('lists the certain fix first, then the alternatives', () => {
    assert.deepEqual(fixesOf({ fix: fix(0, 1, 'a'), fixes: [fix(0, 1, 'b')] }).map((f) => f.text), ['a', 'b']);
    assert.deepEqual(fixesOf({ fixes: [fix(0, 1, 'b')] }).map((f) => f.text), ['b']);
    assert.deepEqual(fixesOf({}), []);
  });
});

describe('fixAllEdits', () => {
  const text = '0123456789';

  it('takes every certain fix in document order and never an alternative', () => {
    const edits = fixAllEdits(text, [{ fix: fix(6, 7, 'x') }, { fix: fix(1, 2, 'y'), fixes: [fix(3, 4, 'z')] }, { fixes: [fix(8, 9, 'w')] }, {}]);
    assert.deepEqual(edits, [fix(1, 2, 'y'), fix(6, 7, 'x')]);
  });

  it('drops a fix that overlaps one already taken, keeping the earlier start and then the order given', () => {
    assert.deepEqual(fixAllEdits(text, [{ fix: fix(2, 5, 'a') }, { fix: fix(4, 6, 'b') }, { fix: fix(6, 7, 'c') }]), [fix(2, 5, 'a'), fix(6, 7, 'c')]);
    assert.deepEqual(fixAllEdits(text, [{ fix: fix(3, 5, 'wide') }, { fix: fix(3, 3, 'at its start') }]), [fix(3, 3, 'at its start')]);
    assert.deepEqual(fixAllEdits(text, [{ fix: fix(3, 6, 'wide') }, { fix: fix(4, 4, 'inside') }]), [fix(3, 6, 'wide')]);
  });

  it('keeps several insertions at one place in the order given, dropping a repeated text', () => {
    const edits = fixAllEdits(text, [{ fix: fix(3, 3, 'first') }, { fix: fix(3, 3, 'second') }, { fix: fix(3, 3, 'first') }, { fix: fix(3, 4, 'after') }]);
    assert.deepEqual(edits, [fix(3, 3, 'first'), fix(3, 3, 'second')]);
  });

  it('keeps edits that only touch: one ends where the next starts', () => {
    assert.deepEqual(fixAllEdits(text, [{ fix: fix(5, 7, 'b') }, { fix: fix(2, 5, 'a') }]), [fix(2, 5, 'a'), fix(5, 7, 'b')]);
  });

  it('skips fixes that change nothing or fall outside the text', () => {
    assert.deepEqual(fixAllEdits(text, [{ fix: fix(0, 1, '0') }, { fix: fix(9, 12, 'x') }, { fix: fix(5, 4, 'x') }]), []);
  });

  it('gives the same edits whatever order the findings come in', () => {
    const findings = [{ fix: fix(2, 5, 'a') }, { fix: fix(4, 6, 'b') }, { fix: fix(0, 1, 'c') }, { fix: fix(8, 8, 'd') }];
    assert.deepEqual(fixAllEdits(text, [findings[3], findings[1], findings[2], findings[0]]), fixAllEdits(text, findings));
    assert.deepEqual(fixAllEdits(text, findings), [fix(0, 1, 'c'), fix(2, 5, 'a'), fix(8, 8, 'd')]);
  });
});
