import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emailLinkWithoutMailto } from '../../../server/src/core/rules/email-link-without-mailto';
import { seed } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('email-link-without-mailto', () => {
  it('reports link and definition targets that are bare email addresses, with a mailto: fix', () => {
    const text = 'Write to [the stewards](stewards@example.org) or [the board][board].\n\n[board]: <board@example.org>\n';
    const findings = run(emailLinkWithoutMailto, text);
    assert.deepEqual(seen(text, findings), [
      { line: 1, text: 'stewards@example.org' },
      { line: 3, text: '<board@example.org>' },
    ], listed(text, findings));
    assert.equal(findings[0].message, 'Unexpected link target "stewards@example.org", expected "mailto:stewards@example.org": without the scheme the link opens a missing page instead of an email.');
    assert.equal(applyFixes(text, findings), 'Write to [the stewards](mailto:stewards@example.org) or [the board][board].\n\n[board]: <mailto:board@example.org>\n');
  });

  it('leaves alone mailto: links, email autolinks, plain addresses and the seeds', () => {
    for (const text of [
      'Write to [us](mailto:us@example.org), <us@example.org> or us@example.org.\n',
      'A [profile](https://example.org/@someone) is not an address.\n',
      ...['000', '001', '002', '003', '004'].map(seed),
    ]) {
      const findings = run(emailLinkWithoutMailto, text);
      assert.deepEqual(findings, [], `${text.slice(0, 80)}\n${listed(text, findings)}`);
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '[](@)', '[x](a@b.c', '[x]: a@b.c', '[a@b.c]']) run(emailLinkWithoutMailto, text);
  });
});
