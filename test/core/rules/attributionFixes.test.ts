import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributionLicence } from '../../../server/src/core/rules/attribution-licence';
import { attributionPermalink } from '../../../server/src/core/rules/attribution-permalink';
import { attributionVersion } from '../../../server/src/core/rules/attribution-version';
import type { PolicyBase, Rule, RuleFix } from '../../../server/src/core/index';
import { applyFixes, context, covenantBase, UNKNOWN_BASE } from '../../support/rules';

// Our own attribution paragraph; only its version, links and licence matter to these rules.
const attribution = (claim: string, link: string, tail = '') =>
  `# House rules\n\n## Attribution\n\nAdapted from the [Contributor Covenant][homepage], version ${claim}, at ${link}.${tail}\n\n[homepage]: https://www.contributor-covenant.org\n`;
const permalink = (path: string) => `https://www.contributor-covenant.org/version/${path}`;

/** The rule's fixes, each as the text it replaces, its replacement and its title. */
function fixesOf(rule: Rule, text: string, base: PolicyBase): { from: string; to: string; title?: string }[] {
  return rule.check(context(text, {}, base)).flatMap((f) => (f.fix ? [f.fix] : [])).map((fix: RuleFix) => ({ from: text.slice(fix.span.start, fix.span.end), to: fix.text, title: fix.title }));
}

function fixed(rule: Rule, text: string, base: PolicyBase): string {
  return applyFixes(text, rule.check(context(text, {}, base)));
}

describe('attribution-version fix', () => {
  it('rewrites only the claimed version number to the one the body follows', () => {
    const text = attribution('2.0', permalink('2/1/code_of_conduct.html'));
    assert.deepEqual(fixesOf(attributionVersion, text, covenantBase('2.1')), [{ from: '0', to: '1', title: 'Change the version to 2.1' }]);
    assert.equal(fixed(attributionVersion, text, covenantBase('2.1')), attribution('2.1', permalink('2/1/code_of_conduct.html')));
  });

  it('rewrites a three-part version and a v-prefixed one in place', () => {
    const text = 'Based on Contributor Covenant v1.4.1 and on the Contributor Covenant version 2.0.\n';
    assert.equal(fixed(attributionVersion, text, covenantBase('3.0')), 'Based on Contributor Covenant v3.0 and on the Contributor Covenant version 3.0.\n');
  });
});

describe('attribution-permalink fix', () => {
  it('points a link at the claimed version when the body is not known, changing one digit', () => {
    const text = attribution('2.1', permalink('2/0/code_of_conduct.html'));
    assert.deepEqual(fixesOf(attributionPermalink, text, UNKNOWN_BASE), [{ from: '0', to: '1', title: 'Point the link at version 2.1' }]);
  });

  it('points a link at the version the body follows, with that version\'s page name', () => {
    const text = attribution('3.0', permalink('1/4/code-of-conduct.html'));
    assert.equal(fixed(attributionPermalink, text, covenantBase('3.0')), attribution('3.0', permalink('3/0/')));
    const older = attribution('1.4', permalink('2/1/code_of_conduct.html'));
    assert.equal(fixed(attributionPermalink, older, covenantBase('1.4')), attribution('1.4', permalink('1/4/code-of-conduct.html')));
  });

  it('repairs a link to a version that never existed and keeps a language prefix and a fragment', () => {
    const text = attribution('2.1', 'https://www.contributor-covenant.org/de/version/2/7/code_of_conduct.html#enforcement');
    assert.equal(fixed(attributionPermalink, text, covenantBase('2.1')), attribution('2.1', 'https://www.contributor-covenant.org/de/version/2/1/code_of_conduct.html#enforcement'));
  });

  it('keeps a page name it does not know, changing only the version', () => {
    const text = attribution('2.1', permalink('2/0/faq.html'));
    assert.equal(fixed(attributionPermalink, text, UNKNOWN_BASE), attribution('2.1', permalink('2/1/faq.html')));
  });

  it('offers no certain fix when no version can be told (a nonexistent link, two claims, no known body), but each claimed version as a choice', () => {
    const text = `${attribution('2.1', permalink('2/7/code_of_conduct.html'))}\nSee also Contributor Covenant 2.0.\n`;
    const findings = attributionPermalink.check(context(text, {}, UNKNOWN_BASE));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fix, undefined);
    assert.deepEqual(findings[0].fixes?.map((f) => [text.slice(f.span.start, f.span.end), f.text, f.title]), [
      ['7', '0', 'Point the link at version 2.0'],
      ['7', '1', 'Point the link at version 2.1'],
    ]);
  });
});

describe('attribution-licence fix', () => {
  it('renames the licence in the form it was written', () => {
    const base = covenantBase('2.1');
    assert.equal(fixed(attributionLicence, attribution('2.1', 'x', ' Shared under CC BY-SA 4.0.'), base), attribution('2.1', 'x', ' Shared under CC BY 4.0.'));
    assert.equal(fixed(attributionLicence, attribution('2.1', 'x', ' Shared as CC-BY-SA.'), base), attribution('2.1', 'x', ' Shared as CC-BY.'));
    assert.equal(fixed(attributionLicence, attribution('2.1', 'x', ' Shared under Attribution-ShareAlike 4.0.'), base), attribution('2.1', 'x', ' Shared under Attribution 4.0.'));
    const three = covenantBase('3.0');
    assert.equal(fixed(attributionLicence, attribution('3.0', 'x', ' Shared under CC BY 4.0.'), three), attribution('3.0', 'x', ' Shared under CC BY-SA 4.0.'));
    assert.equal(fixed(attributionLicence, attribution('3.0', 'x', ' Shared under Creative Commons Attribution 4.0.'), three), attribution('3.0', 'x', ' Shared under Creative Commons Attribution-ShareAlike 4.0.'));
  });

  it('rewrites the licence deed a licence name links to, so the link and its text agree', () => {
    const text = attribution('3.0', 'x', ' Shared under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).');
    const fixes = fixesOf(attributionLicence, text, covenantBase('3.0'));
    assert.equal(fixes.length, 1);
    assert.equal(fixed(attributionLicence, text, covenantBase('3.0')), attribution('3.0', 'x', ' Shared under [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/).'));
  });

  it('offers no certain fix when the claimed version and the body disagree on the licence, only the claim\'s licence as a choice', () => {
    // The claim says 3.0 (CC BY-SA) but the body follows 2.1 (CC BY): which one is wrong is not certain.
    const text = attribution('3.0', 'x', ' Shared under CC BY 4.0.');
    const findings = attributionLicence.check(context(text, {}, covenantBase('2.1')));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fix, undefined);
    assert.deepEqual(findings[0].fixes?.map((f) => [f.text, f.title]), [['-SA', 'Change the licence to CC BY-SA 4.0, the licence of the claimed 3.0']]);
  });

  it('offers no choice beside a certain fix', () => {
    const findings = attributionLicence.check(context(attribution('2.1', 'x', ' Shared under CC BY-SA 4.0.'), {}, covenantBase('2.1')));
    assert.ok(findings[0].fix);
    assert.equal(findings[0].fixes, undefined);
  });
});
