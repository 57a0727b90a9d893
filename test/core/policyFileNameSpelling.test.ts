import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctPolicyFileName } from '../../server/src/core/index';

describe('misspelled policy file names', () => {
  it('corrects slips in CODE_OF_CONDUCT: a doubled, wrong, missing or swapped letter, spaces, no separators', () => {
    const cases: [string, string][] = [
      ['CCODE_OF_CONDUCT.md', 'CODE_OF_CONDUCT.md'],
      ['CODE_OF_CUNDUCT.md', 'CODE_OF_CONDUCT.md'],
      ['CODE_OF_CONDUT.md', 'CODE_OF_CONDUCT.md'],
      ['CODE_OF_CONDCUT.md', 'CODE_OF_CONDUCT.md'],
      ['Code of Conduct.md', 'CODE_OF_CONDUCT.md'],
      ['codeofconduct.md', 'code_of_conduct.md'],
      ['code-of-condut.md', 'code-of-conduct.md'],
      ['CODE_OF_CONDUTC', 'CODE_OF_CONDUCT'],
    ];
    for (const [name, expected] of cases) assert.deepEqual(correctPolicyFileName(name), { name: expected, problem: 'stem' }, name);
  });

  it('keeps a language tag while correcting the stem', () => {
    assert.deepEqual(correctPolicyFileName('CODE_OF_CUNDUCT.de.md'), { name: 'CODE_OF_CONDUCT.de.md', problem: 'stem' });
  });

  it('drops a second text extension, keeping .md over .txt', () => {
    assert.deepEqual(correctPolicyFileName('CODE_OF_CONDUCT.md.txt'), { name: 'CODE_OF_CONDUCT.md', problem: 'extension' });
    assert.deepEqual(correctPolicyFileName('CODE_OF_CONDUCT.txt.md'), { name: 'CODE_OF_CONDUCT.md', problem: 'extension' });
    assert.deepEqual(correctPolicyFileName('CODE_OF_CONDUCT.fr.md.md'), { name: 'CODE_OF_CONDUCT.fr.md', problem: 'extension' });
    assert.deepEqual(correctPolicyFileName('CCODE_OF_CONDUCT.md.txt'), { name: 'CODE_OF_CONDUCT.md', problem: 'stem' });
  });

  it('leaves conventional names, translations and unrelated files alone', () => {
    for (const name of ['CODE_OF_CONDUCT.md', 'CODE_OF_CONDUCT', 'code-of-conduct.markdown', 'CONDUCT.txt', 'CODE_OF_CONDUCT.de.md', 'CODE_OF_CONDUCT-es.md', 'CODE_OF_CONDUCT.md.bak', 'CCODE_OF_CONDUCT.rst', 'CONTRIBUTING.md', 'README.md', 'CONDUCTOR.md', 'code_of_conduct_guide_v2.md', '.md', '']) {
      assert.equal(correctPolicyFileName(name), undefined, name);
    }
  });
});
