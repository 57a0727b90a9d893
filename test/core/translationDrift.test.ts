import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTranslationDrift, pathLanguage, primaryEdition, type PolicyEdition } from '../../server/src/core/index';

const covenant = (path: string, version: string, language?: string, revision: PolicyEdition['revision'] = null): PolicyEdition => ({ path, family: 'contributor-covenant', kind: 'text', version, language, revision });
const EARLIER = { commit: 'abcdef1', firstDate: '2020-03-01', lastDate: '2021-06-30' };

describe('translation drift', () => {
  it('reads a language tag from the file name or a folder', () => {
    assert.equal(pathLanguage('CODE_OF_CONDUCT.de.md'), 'de');
    assert.equal(pathLanguage('code-of-conduct-pt_br.md'), 'pt-br');
    assert.equal(pathLanguage('docs/translations/fr/CODE_OF_CONDUCT.md'), 'fr');
    assert.equal(pathLanguage('CODE_OF_CONDUCT.md'), undefined);
    assert.equal(pathLanguage('.github/CODE_OF_CONDUCT.md'), undefined);
  });

  it('takes the untagged English policy nearest the root as the primary one', () => {
    const editions = [covenant('docs/CODE_OF_CONDUCT.md', '2.1', 'en'), covenant('CODE_OF_CONDUCT.en.md', '2.1', 'en'), covenant('CODE_OF_CONDUCT.md', '2.1', 'en'), covenant('CODE_OF_CONDUCT.de.md', '2.1', 'de')];
    assert.equal(primaryEdition(editions)?.path, 'CODE_OF_CONDUCT.md');
    assert.equal(primaryEdition([covenant('CODE_OF_CONDUCT.de.md', '2.1', 'de')]), undefined);
  });

  it('reports a translation on another version than the primary policy', () => {
    const drifts = findTranslationDrift([covenant('CODE_OF_CONDUCT.md', '2.1', 'en'), covenant('CODE_OF_CONDUCT.de.md', '2.0', 'de'), covenant('docs/fr/CODE_OF_CONDUCT.md', '2.1', 'fr')]);
    assert.equal(drifts.length, 1);
    assert.equal(drifts[0].path, 'CODE_OF_CONDUCT.de.md');
    assert.equal(drifts[0].primary, 'CODE_OF_CONDUCT.md');
    assert.equal(drifts[0].kind, 'version');
    assert.match(drifts[0].message, /\(de\) follows Contributor Covenant 2\.0, but the primary policy CODE_OF_CONDUCT\.md follows Contributor Covenant 2\.1/);
  });

  it('reports a translation that follows an earlier wording of the same version', () => {
    const drifts = findTranslationDrift([covenant('CODE_OF_CONDUCT.md', '2.1', 'en'), covenant('docs/es/CODE_OF_CONDUCT.md', '2.1', 'es', EARLIER)]);
    assert.deepEqual(drifts.map((d) => [d.path, d.kind]), [['docs/es/CODE_OF_CONDUCT.md', 'revision']]);
    assert.match(drifts[0].message, /an earlier wording \(as published 2020-03 to 2021-06\)/);
  });

  it('reports a translation of another code altogether', () => {
    const drifts = findTranslationDrift([covenant('CODE_OF_CONDUCT.md', '2.1', 'en'), { path: 'CODE_OF_CONDUCT.it.md', family: 'citizen', kind: 'text', version: '2.3', language: 'it', revision: null }]);
    assert.deepEqual(drifts.map((d) => d.kind), ['family']);
  });

  it('takes the language from the path when detection gives none', () => {
    const drifts = findTranslationDrift([covenant('CODE_OF_CONDUCT.md', '2.1', 'en'), covenant('CODE_OF_CONDUCT.ja.md', '1.4')]);
    assert.deepEqual(drifts.map((d) => d.path), ['CODE_OF_CONDUCT.ja.md']);
  });

  it('is silent for translations in step, copies in the primary language, pointers and unrecognised files', () => {
    const editions: PolicyEdition[] = [
      covenant('CODE_OF_CONDUCT.md', '2.1', 'en'),
      covenant('CODE_OF_CONDUCT.de.md', '2.1', 'de'),
      covenant('.github/CODE_OF_CONDUCT.md', '1.4', 'en'),
      { path: 'CODE_OF_CONDUCT.fr.md', family: 'contributor-covenant', kind: 'pointer', version: '1.4', language: 'fr', revision: null },
      { path: 'CODE_OF_CONDUCT.es.md', family: 'unknown', kind: 'text', revision: null },
    ];
    assert.deepEqual(findTranslationDrift(editions), []);
    assert.deepEqual(findTranslationDrift([covenant('CODE_OF_CONDUCT.md', '2.1', 'de'), covenant('CODE_OF_CONDUCT.fr.md', '2.0', 'fr')]), []);
  });
});
