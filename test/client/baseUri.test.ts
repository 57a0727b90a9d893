import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basePath, decodeBaseQuery, encodeBaseQuery, isTarget, subjectKey, type BaseSide } from '../../client/src/compare/baseUri';

describe('comparison left-side addresses', () => {
  it('round-trips a policy with an upstream target, another policy, or the detected base', () => {
    const sides: BaseSide[] = [
      { policy: 'file:///w/CODE_OF_CONDUCT.md', target: { version: '1.4', language: 'pt-br', commit: '1a2b3c4d' }, layout: 'policy' },
      { policy: 'vscode-vfs://github/o/r/CODE OF CONDUCT.md?x=1&y=2', other: 'file:///other/policy.md#top', layout: 'raw' },
      { policy: 'untitled:Untitled-1', layout: 'policy' },
    ];
    for (const side of sides) assert.deepEqual(decodeBaseQuery(encodeBaseQuery(side)), side);
  });

  it('reads nothing from a query it did not write', () => {
    assert.equal(decodeBaseQuery(''), undefined);
    assert.equal(decodeBaseQuery('policy=file%3A%2F%2F%2Fa.md&layout=sideways'), undefined);
    assert.equal(decodeBaseQuery('layout=raw'), undefined);
  });

  it('names the left side after what it shows, with the policy\'s extension', () => {
    assert.equal(basePath('Contributor Covenant 2.1 (en)', '/w/CODE_OF_CONDUCT.md'), '/Contributor Covenant 2.1 (en).md');
    assert.equal(basePath('Contributor Covenant 2.1 (en)', '/w/CONDUCT.txt'), '/Contributor Covenant 2.1 (en).txt');
    assert.equal(basePath('docs/other: policy.md', '/w/CODE_OF_CONDUCT.md'), '/docs other policy.md');
    assert.equal(basePath('Contributor Covenant 2.1 (en)', '/w/CODE_OF_CONDUCT'), '/Contributor Covenant 2.1 (en)');
  });

  it('tells targets from other arguments, and one subject from another regardless of layout', () => {
    assert.ok(isTarget({ version: '2.1', language: 'en' }));
    assert.ok(!isTarget({ groupId: 1 }));
    assert.ok(!isTarget({ version: 2.1 }));
    const policy = 'file:///w/CODE_OF_CONDUCT.md';
    assert.equal(subjectKey({ policy, target: { version: '2.1' } }), subjectKey({ policy, target: { version: '2.1' } }));
    assert.notEqual(subjectKey({ policy, target: { version: '2.1' } }), subjectKey({ policy, target: { version: '2.0' } }));
  });
});
