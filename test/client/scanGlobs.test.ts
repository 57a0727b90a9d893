import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { CANDIDATE_GLOBS, excludeGlob, expandBraces, isCandidateName } from '../../client/src/scanGlobs';

describe('workspace scan globs', () => {
  it('lists every conventional and misspelled policy name as a candidate, in any case', () => {
    for (const name of ['CODE_OF_CONDUCT.md', 'code-of-conduct.markdown', 'CONDUCT.txt', 'CCODE_OF_CONDUCT.md', 'CODE_OF_CUNDUCT.md', 'Code of Conduct.md', 'docs/fr/CODE_OF_CONDUCT.md']) {
      assert.ok(CANDIDATE_GLOBS.some((glob) => minimatch(name, glob, { dot: true })), name);
    }
    assert.ok(!CANDIDATE_GLOBS.some((glob) => minimatch('README.md', glob)));
  });

  it('sends only names with no extension or a text one, whatever else the globs found', () => {
    for (const name of ['CODE_OF_CONDUCT.md', 'CODE_OF_CONDUCT', 'CONDUCT.TXT', 'code-of-conduct.markdown', 'CODE_OF_CONDUCT.md.txt']) assert.ok(isCandidateName(name), name);
    for (const name of ['encode.ts', 'barcode.png', 'codecov.yml', 'CODE_OF_CONDUCT.rst']) assert.ok(!isCandidateName(name), name);
  });

  it('expands brace groups, nested ones too', () => {
    assert.deepEqual(expandBraces('**/*.{md,txt}'), ['**/*.md', '**/*.txt']);
    assert.deepEqual(expandBraces('{a,b/{c,d}}/x'), ['a/x', 'b/c/x', 'b/d/x']);
    assert.deepEqual(expandBraces('**/node_modules'), ['**/node_modules']);
  });

  it('joins the patterns files.exclude and search.exclude turn on, leaving out those turned off or conditional', () => {
    const glob = excludeGlob({ '**/.git': true, '**/build': false, '**/*.js': { when: '$(basename).ts' } }, { '**/node_modules': true, '**/vendor/{a,b}': true });
    assert.equal(glob, '{**/.git,**/node_modules,**/vendor/a,**/vendor/b}');
    assert.ok(minimatch('vendor/b', glob!) && minimatch('x/node_modules', glob!) && !minimatch('build', glob!));
    assert.equal(excludeGlob(undefined, {}), null);
  });
});
