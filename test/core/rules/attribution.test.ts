import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributionLicence } from '../../../server/src/core/rules/attribution-licence';
import { attributionPermalink } from '../../../server/src/core/rules/attribution-permalink';
import { attributionVersion } from '../../../server/src/core/rules/attribution-version';
import { outdatedBase } from '../../../server/src/core/rules/outdated-base';
import { covenantBase, runRule, UNKNOWN_BASE } from '../../support/rules';

const attribution = (claim: string, link: string) => `## Attribution\n\nAdapted from the [Contributor Covenant][homepage], version ${claim}, at ${link}.\n\n[homepage]: https://www.contributor-covenant.org\n`;

describe('attribution-version', () => {
  it('reports a claim of 2.0 on a text that follows 2.1', () => {
    const text = attribution('2.0', 'https://www.contributor-covenant.org/version/2/0/code_of_conduct.html');
    assert.deepEqual(runRule(attributionVersion, text, covenantBase('2.1')).map((f) => f.message), [
      'Unexpected claim of version 2.0: the text follows Contributor Covenant 2.1; expected the attribution to say 2.1.',
    ]);
  });

  it('accepts a matching claim, and says nothing when the base is unknown or loose', () => {
    const text = attribution('2.1', 'https://www.contributor-covenant.org/version/2/1/code_of_conduct.html');
    assert.deepEqual(runRule(attributionVersion, text, covenantBase('2.1')), []);
    assert.deepEqual(runRule(attributionVersion, text, UNKNOWN_BASE), []);
    assert.deepEqual(runRule(attributionVersion, text, covenantBase('2.0', 0.2)), []);
  });
});

describe('attribution-permalink', () => {
  it('reports a link to another version than the one claimed, and one that never existed', () => {
    const text = attribution('2.1', 'https://www.contributor-covenant.org/version/2/0/code_of_conduct.html') + '\nAlso https://www.contributor-covenant.org/version/2/7/code_of_conduct.html\n';
    assert.deepEqual(runRule(attributionPermalink, text).map((f) => f.message), [
      'Unexpected link to version 2.0: the attribution claims 2.1; expected the link to match.',
      'Unexpected link to version 2.7, which does not exist: expected one of 1.0, 1.1, 1.2, 1.3, 1.4, 2.0, 2.1, 3.0.',
    ]);
  });

  it('accepts a matching permalink, also with editor-escaped underscores', () => {
    assert.deepEqual(runRule(attributionPermalink, attribution('2.0', 'https://www.contributor-covenant.org/version/2/0/code\\_of\\_conduct.html')), []);
  });
});

describe('attribution-licence', () => {
  it('reports CC BY-SA named for a 2.1 policy and CC BY for a 3.0 one', () => {
    assert.deepEqual(runRule(attributionLicence, `${attribution('2.1', 'x')}\nLicensed CC BY-SA 4.0.\n`).map((f) => f.text), ['CC BY-SA 4.0']);
    assert.deepEqual(runRule(attributionLicence, `${attribution('3.0', 'x')}\nLicensed under CC BY 4.0.\n`).map((f) => f.text), ['CC BY 4.0']);
  });

  it('accepts the licence that matches the version', () => {
    assert.deepEqual(runRule(attributionLicence, `${attribution('3.0', 'x')}\nLicensed under CC BY-SA 4.0.\n`), []);
  });
});

describe('outdated-base', () => {
  it('notes newer versions for a 2.0 policy', () => {
    assert.deepEqual(runRule(outdatedBase, attribution('2.0', 'x'), covenantBase('2.0')).map((f) => f.message), ['Based on Contributor Covenant 2.0; newer: 2.1, 3.0.']);
  });

  it('says nothing for 3.0 or a policy of unknown origin', () => {
    assert.deepEqual(runRule(outdatedBase, 'x', covenantBase('3.0')), []);
    assert.deepEqual(runRule(outdatedBase, 'x', UNKNOWN_BASE), []);
  });
});
