import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { malformedUrl } from '../../../server/src/core/rules/malformed-url';
import { seed, upstreamText } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('malformed-url', () => {
  it('reports the scheme without "//" that Contributor Covenant 1.0 itself links to', () => {
    const text = upstreamText('1.0').body;
    const findings = run(malformedUrl, text);
    assert.deepEqual(seen(text, findings).map((s) => s.text), ['http:contributor-covenant.org'], listed(text, findings));
    assert.equal(findings[0].message, 'Unexpected URL "http:contributor-covenant.org", expected "http://contributor-covenant.org": without "//" the address is read as a relative path.');
    assert.match(applyFixes(text, findings), /\(http:\/\/contributor-covenant\.org\)/);
  });

  it('reports malformed schemes in links, definitions and plain text', () => {
    const text = 'See [the site](https:/example.org/rules) and [the FAQ][faq].\n\nAlso http:example.org/more.\n\n[faq]: https//example.org/faq\n';
    const findings = run(malformedUrl, text);
    assert.deepEqual(seen(text, findings), [
      { line: 1, text: 'https:/example.org/rules' },
      { line: 3, text: 'http:example.org/more' },
      { line: 5, text: 'https//example.org/faq' },
    ], listed(text, findings));
    assert.equal(applyFixes(text, findings), 'See [the site](https://example.org/rules) and [the FAQ][faq].\n\nAlso http://example.org/more.\n\n[faq]: https://example.org/faq\n');
  });

  it('leaves alone well-formed URLs, a bare "http:" in prose and the seeds', () => {
    for (const text of [
      'See https://example.org, <http://example.org> and [x](mailto:a@example.org).\n',
      'The scheme http: is older than https: and both are fine to mention.\n',
      ...['000', '001', '002', '003', '004'].map(seed),
    ]) {
      const findings = run(malformedUrl, text);
      assert.deepEqual(findings, [], `${text.slice(0, 80)}\n${listed(text, findings)}`);
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', 'http:', '[x](http:)', 'http:x.', '[x]: http:/']) run(malformedUrl, text);
  });
});
