import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/settings';

describe('settings', () => {
  it('uses defaults for a missing section', () => {
    assert.deepEqual(parseSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid values', () => {
    const { settings, problems } = parseSettings({ files: ['docs/*.md'], rules: { 'unfilled-placeholder': 'warning' }, maxFileLength: 10 });
    assert.deepEqual(settings, { files: ['docs/*.md'], rules: { 'unfilled-placeholder': 'warning' }, maxFileLength: 10 });
    assert.deepEqual(problems, []);
  });

  it('replaces each bad value by its default and says why, without throwing', () => {
    const { settings, problems } = parseSettings({ files: 'docs', rules: { 'unfilled-placeholder': 'loud', 'no-such-rule': 'off' }, maxFileLength: -1 });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /conduct\.files/);
    assert.match(problems.join('\n'), /unknown rule "no-such-rule"/);
  });
});
