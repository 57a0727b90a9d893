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

  it('recognises a bold address, an address in a sentence and obfuscated addresses as private channels', () => {
    for (const channel of ['**conduct@pebble.dev**', 'conduct at pebble dot dev', 'conduct(at)pebble.dev', 'conduct AT pebble DOT dev', 'conduct [at] pebble [dot] dev']) {
      assert.deepEqual(runRule(privateReportingChannel, `## Reporting\n\nEmail the maintainers at ${channel}, or open an issue.\n`), [], channel);
    }
  });

  it('does not read "at" in ordinary prose as an obfuscated address', () => {
    assert.equal(runRule(privateReportingChannel, '## Reporting\n\nMeet the team at pebble.dev meetups, or open an issue.\n').length, 1);
  });

  it('says a platform named without a handle or link reaches nobody in private', () => {
    const findings = runRule(privateReportingChannel, '## Reporting\n\nIf something happens, contact us on Discord.\n');
    assert.deepEqual(findings.map((f) => f.line), [3]);
    assert.match(findings[0].message, /only a chat channel named without a handle or link \("on Discord"\)/);
  });

  it('notes at information level a policy whose only private channel is a telephone number', () => {
    const findings = runRule(privateReportingChannel, '## Reporting\n\nTo report, call +44 20 7946 0000.\n');
    assert.deepEqual(findings.map((f) => [f.line, f.text, f.severity]), [[3, '+44 20 7946 0000', 'information']]);
    assert.match(findings[0].message, /only be made by telephone .* expected an email address or a form as well/);
    assert.deepEqual(runRule(privateReportingChannel, '## Reporting\n\nCall +44 20 7946 0000 or email conduct@pebble.dev.\n'), []);
  });

  it('reports an empty Contact section on its heading', () => {
    const text = '# Pebble rules\n\nBe kind.\n\n## Contact\n\n## Enforcement\n\nWe act on every report.\n';
    const findings = runRule(privateReportingChannel, text);
    assert.deepEqual(findings.map((f) => [f.line, f.text]), [[5, '## Contact']]);
    assert.match(findings[0].message, /^Empty "Contact" section: expected the email address or form where reports go/);
  });

  it('notes a Contact section that names no channel when the policy gives one elsewhere', () => {
    const text = '# Pebble rules\n\nReports go to conduct@pebble.dev.\n\n## Contact info\n\nSee the read-me for details.\n';
    const findings = runRule(privateReportingChannel, text);
    assert.deepEqual(findings.map((f) => [f.line, f.severity]), [[5, 'information']]);
    assert.match(findings[0].message, /"Contact info" section names no channel \("See the read-me for details\."\)/);
  });

  it('anchors on the reporting section, never on the Attribution or licence text or a word in it', () => {
    const text = [
      '# Pebble rules',
      '',
      'Be kind to everyone.',
      '',
      '## Enforcement',
      '',
      'The stewards decide what happens next.',
      '',
      '## License',
      '',
      'You may copy this text; report errors through GitHub.',
      '',
    ].join('\n');
    assert.deepEqual(runRule(privateReportingChannel, text).map((f) => [f.line, f.text]), [[5, '## Enforcement']]);
    const withSentence = text.replace('The stewards decide what happens next.', 'Problems can be reported by opening an issue.');
    assert.deepEqual(runRule(privateReportingChannel, withSentence).map((f) => [f.line, f.text]), [[7, 'Problems can be reported by opening an issue.']]);
  });

  it('anchors on a translated enforcement section, found by its canonical id, and the paragraph that reports', () => {
    const base = covenantBase('2.1');
    const text = '# Pebble\n\nSoyez aimable.\n\n## Application\n\nLes règles valent partout.\n\nSignalez-le dans [Issues](https://github.com/pebble/pebble/issues).\n';
    const findings = runRule(privateReportingChannel, text, base);
    assert.deepEqual(findings.map((f) => [f.line, f.text]), [[9, 'Signalez-le dans [Issues](https://github.com/pebble/pebble/issues).']]);
  });

  it('accepts a direct message to named people as a private channel, but not unwanted messages as behaviour', () => {
    assert.deepEqual(runRule(privateReportingChannel, '## Reporting\n\nTo report a problem, contact the stewards (@ana and @bo) by DM in our chat.\n'), []);
    const harm = '## Reporting\n\nReport it by opening an issue.\n\n## Standards\n\nNo unsolicited DMs, please report them.\n';
    assert.equal(runRule(privateReportingChannel, harm).length, 1);
  });

  it('holds a pointer that adopts the Covenant to naming a channel, since the Covenant leaves that to the adopter', () => {
    const pointer = { ...covenantBase('2.1'), kind: 'pointer' as const };
    const text = '# Pebble\n\nWe adopt the Contributor Covenant 2.1.\n\n## Reporting\n\nProblems may be reported to the maintainers.\n';
    assert.deepEqual(runRule(privateReportingChannel, text, pointer).map((f) => f.line), [7]);
    const elsewhere = { ...pointer, family: 'microsoft' as const };
    assert.deepEqual(runRule(privateReportingChannel, text, elsewhere), []);
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

  it('reads an address written as inline code as a contact, so a second one is not missed', () => {
    assert.deepEqual(runRule(singlePointOfContact, 'Email `ana.k@gmail.com` or `conduct@pebble.dev`.\n'), []);
    assert.equal(runRule(singlePointOfContact, 'Email `ana.k@gmail.com`.\n').length, 1);
  });

  it('tells a project mailbox at a free provider, named after the project, from a person\'s', () => {
    assert.deepEqual(runRule(singlePointOfContact, 'Email pebble.pub@gmail.com.\n', undefined, { projectNames: ['pebble'] }), []);
    assert.deepEqual(runRule(singlePointOfContact, '# Pebble Code of Conduct\n\nEmail pebble.pub@gmail.com.\n'), []);
    assert.equal(runRule(singlePointOfContact, 'Email pebble.pub@gmail.com.\n').length, 1);
  });

  it('reads first.last at the project\'s own domain as a person, and a lone word there as undecided', () => {
    assert.deepEqual(runRule(singlePointOfContact, 'Email ana.kowalski@pebble.dev.\n').map((f) => f.text), ['ana.kowalski@pebble.dev']);
    assert.deepEqual(runRule(singlePointOfContact, 'Email ana@pebble.dev.\n'), []);
    assert.deepEqual(runRule(singlePointOfContact, 'Email report.abuse@pebble.dev.\n'), []);
  });

  it('accepts a team address, or a second contact', () => {
    assert.deepEqual(runRule(singlePointOfContact, 'Email conduct@pebble.dev.\n'), []);
    assert.deepEqual(runRule(singlePointOfContact, 'Email sam@gmail.com or ana@outlook.com.\n'), []);
  });
});
