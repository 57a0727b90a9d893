import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doubleEscapedUrl } from '../../../server/src/core/rules/double-escaped-url';
import { seed } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('double-escaped-url', () => {
  it('reports the twice-escaped URL shown as link text in seed 003 (line 77)', () => {
    const text = seed('003');
    const findings = run(doubleEscapedUrl, text);
    assert.deepEqual(seen(text, findings), [{ line: 77, text: 'https://www.contributor-covenant.org/version/2/0/code\\\\_of\\\\_conduct.html' }], listed(text, findings));
    assert.equal(
      findings[0].message,
      'Unexpected backslashes in URL "https://www.contributor-covenant.org/version/2/0/code\\_of\\_conduct.html", expected "https://www.contributor-covenant.org/version/2/0/code_of_conduct.html": the escapes were applied twice, so the backslashes show.',
    );
    assert.match(applyFixes(text, findings), /\[https:\/\/www\.contributor-covenant\.org\/version\/2\/0\/code_of_conduct\.html\]\(/);
  });

  it('reports backslashes that reach a link destination, an autolink or a bare URL', () => {
    const text = [
      'See [the rules](https://example.org/our\\\\_rules).',
      '',
      'Or <https://example.org/our\\_rules>.',
      '',
      'Or https://example.org/our\\\\_rules today.',
      '',
    ].join('\n');
    const findings = run(doubleEscapedUrl, text);
    assert.deepEqual(seen(text, findings), [
      { line: 1, text: 'https://example.org/our\\\\_rules' },
      { line: 3, text: 'https://example.org/our\\_rules' },
      { line: 5, text: 'https://example.org/our\\\\_rules' },
    ], listed(text, findings));
    assert.equal(applyFixes(text, findings), 'See [the rules](https://example.org/our_rules).\n\nOr <https://example.org/our_rules>.\n\nOr https://example.org/our_rules today.\n');
  });

  it('leaves alone single escapes, plain URLs, code and the other seeds', () => {
    for (const text of [
      'See https://example.org/our\\_rules and [x](https://example.org/a_b).\n',
      'Quoted: `https://example.org/a\\\\_b`.\n',
      ...['000', '001', '002', '004'].map(seed),
    ]) {
      const findings = run(doubleEscapedUrl, text);
      assert.deepEqual(findings, [], `${text.slice(0, 80)}\n${listed(text, findings)}`);
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\\', 'https://\\', '[x](\\\\)', '<https://\\\\>', 'www.\\\\_']) run(doubleEscapedUrl, text);
  });
});
