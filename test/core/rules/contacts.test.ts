import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeholderContact } from '../../../server/src/core/rules/placeholder-contact';
import { privateReportingChannel } from '../../../server/src/core/rules/private-reporting-channel';
import { singlePointOfContact } from '../../../server/src/core/rules/single-point-of-contact';
import { covenantBase, runRule } from '../../support/rules';

describe('placeholder-contact', () => {
  it('reports template domains and leaves real ones alone', () => {
    const text = '## Contacts\n\n- Security: security@yourorg.com\n- Conduct: conduct@example.com\n- Help: help@pebble.dev\n- Web: https://your-project.org/report\n';
    assert.deepEqual(runRule(placeholderContact, text).map((f) => [f.line, f.text]), [
      [3, 'security@yourorg.com'],
      [4, 'conduct@example.com'],
      [6, 'https://your-project.org/report'],
    ]);
  });
});

describe('private-reporting-channel', () => {
  it('reports a policy whose only channels are a public issue and a forge profile, over the whole passage', () => {
    const text = '## Enforcement\n\nProblems can be reported to the moderators by:\n* opening an issue in this repository\n* reaching them through GitHub\n\nWe look at everything.\n';
    const findings = runRule(privateReportingChannel, text);
    assert.deepEqual(findings.map((f) => [f.line, f.endLine]), [[3, 5]]);
    assert.match(findings[0].message, /only a public issue and a public profile/);
  });

  it('accepts an email address, a mailto link or a contact form', () => {
    for (const channel of ['write to conduct@pebble.dev', 'use [this address](mailto:conduct@pebble.dev)', 'use the contact form on our website']) {
      assert.deepEqual(runRule(privateReportingChannel, `## Enforcement\n\nReport problems: ${channel}.\n`), [], channel);
    }
  });

  it('ignores links in the Attribution section when looking for channels', () => {
    const text = '## Enforcement\n\nReport by opening an issue.\n\n## Attribution\n\nSee https://www.contributor-covenant.org/faq or mail us at help@contributor-covenant.org.\n';
    assert.equal(runRule(privateReportingChannel, text).length, 1);
  });

  it('stays quiet when a contact placeholder is still there (that rule already reports it)', () => {
    assert.deepEqual(runRule(privateReportingChannel, '## Enforcement\n\nReport to [INSERT CONTACT METHOD] or open an issue.\n'), []);
  });

  it('notes at information level that 1.0–1.2 only offered public reporting', () => {
    const findings = runRule(privateReportingChannel, 'Instances may be reported by opening an issue.\n', covenantBase('1.1'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'information');
  });
});

describe('single-point-of-contact', () => {
  it('reports reports and appeals that all go to one personal mailbox', () => {
    const text = '## Reporting\n\nEmail: sam.lee@gmail.com\n\n## Appeals Process\n\nAppeal to sam.lee@gmail.com within 30 days.\n';
    const findings = runRule(singlePointOfContact, text);
    assert.deepEqual(findings.map((f) => [f.line, f.text]), [[3, 'sam.lee@gmail.com']]);
    assert.match(findings[0].message, /^Reports and appeals all go to one personal address/);
  });

  it('accepts a team address, or a second contact', () => {
    assert.deepEqual(runRule(singlePointOfContact, 'Email conduct@pebble.dev.\n'), []);
    assert.deepEqual(runRule(singlePointOfContact, 'Email sam@gmail.com or ana@outlook.com.\n'), []);
  });
});
