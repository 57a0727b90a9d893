import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { misspelledNameFinding, projectFindings, type ProjectFile } from '../../server/src/core/index';

const base = (version: string, language: string): ProjectFile['base'] => ({ family: 'contributor-covenant', kind: 'text', version, language, revision: null });

describe('project findings', () => {
  it('names the file a misspelled policy should be renamed to', () => {
    const finding = misspelledNameFinding('.github/CCODE_OF_CONDUCT.md', () => false);
    assert.deepEqual(finding && { rule: finding.rule, severity: finding.severity, rename: finding.rename }, { rule: 'misspelled-file-name', severity: 'warning', rename: 'CODE_OF_CONDUCT.md' });
    assert.match(finding!.message, /^GitHub does not recognise "CCODE_OF_CONDUCT\.md" as a code of conduct \(the name is misspelled\): expected "CODE_OF_CONDUCT\.md"\.$/);
  });

  it('leaves a misspelled copy alone when the conventional name exists in the same folder', () => {
    const asked: string[] = [];
    assert.equal(misspelledNameFinding('docs/CODE_OF_CONDUCT.md.txt', (p) => (asked.push(p), true)), undefined);
    assert.deepEqual(asked, ['docs/CODE_OF_CONDUCT.md']);
  });

  it('reports misspelled names and drifted translations of one project, each on its file', () => {
    const findings = projectFindings([
      { path: 'CODE_OF_CONDUCT.md', base: base('2.1', 'en') },
      { path: 'CODE_OF_CONDUCT.de.md', base: base('2.0', 'de') },
      { path: 'docs/CODE_OF_CONDUCT.md.txt' },
      { path: 'CODE_OF_CUNDUCT.md', base: base('2.1', 'en') },
    ]);
    assert.deepEqual(findings.map((f) => [f.path, f.rule]).sort(), [
      ['CODE_OF_CONDUCT.de.md', 'translation-drift'],
      ['docs/CODE_OF_CONDUCT.md.txt', 'misspelled-file-name'],
    ]);
  });
});
