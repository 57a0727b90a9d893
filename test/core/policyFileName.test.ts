import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPolicyFileName } from '../../server/src/core/index';

describe('policy file names', () => {
  it('accepts the conventional names with .md, .markdown, .txt or no extension', () => {
    for (const name of ['CODE_OF_CONDUCT.md', 'CODE_OF_CONDUCT', 'CONDUCT.txt', 'code-of-conduct.markdown', 'code_of_conduct.md', 'CODE_OF_CONDUCT.fr.md', 'CODE_OF_CONDUCT-es.md', 'Code_Of_Conduct.MD']) {
      assert.equal(isPolicyFileName(name), true, name);
    }
  });

  it('rejects other extensions and names that only start alike', () => {
    for (const name of ['CODE_OF_CONDUCT.rst', 'CONDUCT.json', 'CONDUCTOR.md', 'code-of-conduct.html', 'README.md', 'my_code_of_conduct.md']) {
      assert.equal(isPolicyFileName(name), false, name);
    }
  });
});
