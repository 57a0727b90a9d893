import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contactFor, DEFAULT_SETTINGS, parseSettings, toCheckOptions } from '../../server/src/settings';

describe('settings', () => {
  it('uses defaults for a missing section', () => {
    assert.deepEqual(parseSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid values', () => {
    const { settings, problems } = parseSettings({ files: ['docs/*.md'], rules: { 'unfilled-placeholder': 'warning' }, maxFileLength: 10 });
    assert.deepEqual(settings, { files: ['docs/*.md'], rules: { 'unfilled-placeholder': 'warning' }, maxFileLength: 10, base: 'auto' });
    assert.deepEqual(problems, []);
  });

  it('replaces each bad value by its default and says why, without throwing', () => {
    const { settings, problems } = parseSettings({ files: 'docs', rules: { 'unfilled-placeholder': 'loud', 'no-such-rule': 'off' }, maxFileLength: -1 });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /conduct\.files/);
    assert.match(problems.join('\n'), /unknown rule "no-such-rule"/);
  });

  it('reads conduct.base as auto, a version, or a version and language', () => {
    assert.equal(parseSettings({ base: 'auto' }).settings.base, 'auto');
    assert.deepEqual(parseSettings({ base: '2.0' }).settings.base, { version: '2.0' });
    assert.deepEqual(parseSettings({ base: '2.1/DE' }).settings.base, { version: '2.1', language: 'de' });
  });

  it('falls back to detection for a malformed conduct.base, with one problem line', () => {
    const { settings, problems } = parseSettings({ base: 'latest' });
    assert.equal(settings.base, 'auto');
    assert.deepEqual(problems, ['conduct.base: expected "auto", a version such as "2.1", or a version and language such as "2.1/de"; detecting the base instead.']);
  });

  it('reads conduct.contact, treats an empty one as unset and a non-string as a problem', () => {
    assert.equal(parseSettings({ contact: ' conduct@example.org ' }).settings.contact, 'conduct@example.org');
    assert.equal(parseSettings({ contact: '' }).settings.contact, undefined);
    const { settings, problems } = parseSettings({ contact: 42 });
    assert.equal(settings.contact, undefined);
    assert.match(problems[0], /^conduct\.contact: expected a string/);
  });

  it('lets the project config file win over settings for rules and base, rule by rule', () => {
    const { settings } = parseSettings({ rules: { 'unfilled-placeholder': 'hint', 'missing-section': 'off' }, base: '2.0' });
    const options = toCheckOptions(settings, { rules: { 'unfilled-placeholder': 'off' }, base: { version: '2.1', language: 'de' } });
    assert.deepEqual(options.severities, { 'unfilled-placeholder': 'off', 'missing-section': 'off' });
    assert.deepEqual(options.base, { version: '2.1', language: 'de' });
    assert.equal(toCheckOptions(settings, { rules: {}, base: 'auto' }).base, undefined, 'the file\'s "auto" asks for detection over the setting');
    assert.deepEqual(toCheckOptions(settings, { rules: {} }).base, { version: '2.0' });
  });

  it('takes the contact from the setting first, then from the project file', () => {
    assert.equal(contactFor(parseSettings({ contact: 'me@example.org' }).settings, { rules: {}, contact: 'team@example.org' }), 'me@example.org');
    assert.equal(contactFor(DEFAULT_SETTINGS, { rules: {}, contact: 'team@example.org' }), 'team@example.org');
    assert.equal(contactFor(DEFAULT_SETTINGS), undefined);
  });
});
