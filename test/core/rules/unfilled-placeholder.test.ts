import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unfilledPlaceholder } from '../../../server/src/core/rules/unfilled-placeholder';
import { runRule } from '../../support/rules';
import { upstreamLibrary } from '../../support/upstream';

const found = (text: string) => runRule(unfilledPlaceholder, text).map((f) => [f.line, f.text]);

describe('unfilled-placeholder', () => {
  it('reports free-form bracketed instructions, in any case, as missing contacts', () => {
    const text = '## Reporting\n\nWrite to [ADD YOUR CONTACT HERE].\nOr use [your contact here].\nOr [Enter the moderators\' address].\n';
    const findings = runRule(unfilledPlaceholder, text);
    assert.deepEqual(findings.map((f) => [f.line, f.text]), [
      [3, '[ADD YOUR CONTACT HERE]'],
      [4, '[your contact here]'],
      [5, '[Enter the moderators\' address]'],
    ]);
    for (const f of findings) assert.match(f.message, /expected the private contact where reports go/);
  });

  it('leaves the fields of a template the reporter fills in, and reports placeholders after it ends', () => {
    const text = [
      '## Reporting',
      '',
      'Write to conduct@pebble.dev.',
      '',
      'Email template for reporting',
      'TO: conduct@pebble.dev',
      '',
      'SUBJECT: Problem at [MEETUP NAME]',
      '',
      'Reach me at [YOUR CONTACT].',
      '',
      '## Appeals',
      '',
      'Appeal to [INSERT CONTACT METHOD].',
      '',
    ].join('\n');
    assert.deepEqual(found(text), [[14, '[INSERT CONTACT METHOD]']]);
    // A sentence that mentions a template in passing does not start one.
    const passing = 'You may use the email template we publish, and write to [INSERT CONTACT METHOD] with anything else you need to tell us.\n';
    assert.deepEqual(found(passing), [[1, '[INSERT CONTACT METHOD]']]);
  });

  it('reports translated upstream placeholders written in lower case', () => {
    // Taken from the library (derived from the upstream texts), then lower-cased as an adopter might.
    const library = upstreamLibrary();
    for (const placeholder of library.placeholders.filter((p) => p.kind === 'reporting' && p.text !== p.text.toLowerCase()).slice(0, 10)) {
      const lower = placeholder.text.toLowerCase();
      assert.deepEqual(found(`Report to ${lower} now.\n`), [[1, lower]], placeholder.text);
    }
  });

  it('reports bare capitalised field names and value words standing where a value belongs', () => {
    const text = 'Welcome to COMMUNITY_NAME, run by [ORGANIZER_NAME].\n\nEmail us at EMAIL or call PHONE NUMBER.\n\nContact: CONTACT INFO\n';
    assert.deepEqual(found(text), [
      [1, 'COMMUNITY_NAME'],
      [1, '[ORGANIZER_NAME]'],
      [3, 'EMAIL'],
      [3, 'PHONE NUMBER'],
      [5, 'CONTACT INFO'],
    ]);
  });

  it('reports template choices left unresolved', () => {
    assert.deepEqual(found('We are a [Source/Culture/Tech] group that values [kindness/patience].\n'), [
      [1, '[Source/Culture/Tech]'],
      [1, '[kindness/patience]'],
    ]);
  });

  it('leaves alone link text, defined reference labels, capitals in ordinary prose, file names and code', () => {
    const text = [
      '# THE RULES',
      '',
      'See [here](https://pebble.dev) and [add your voice here][join], or the [FAQ].',
      'Read CODE_OF_CONDUCT.md and https://pebble.dev/CODE_OF_CONDUCT.md. NASA and the EU agree.',
      'Use `[ADD YOUR CONTACT HERE]` and `COMMUNITY_NAME` in the template, then send an EMAIL to conduct@pebble.dev.',
      'Options: [yes/no](https://pebble.dev/vote).',
      '',
      '[join]: https://pebble.dev/join',
      '[FAQ]: https://pebble.dev/faq',
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });
});
