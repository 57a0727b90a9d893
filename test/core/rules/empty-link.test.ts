import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyLink } from '../../../server/src/core/rules/empty-link';
import { seed } from '../../support/upstream';
import { listed, run, seen } from '../../support/rules';

describe('empty-link', () => {
  it('reports the (#) link in the Attribution of seed 003 (line 79)', () => {
    const text = seed('003');
    const findings = run(emptyLink, text);
    assert.deepEqual(seen(text, findings), [{ line: 79, text: '(#)' }], listed(text, findings));
    assert.equal(findings[0].message, 'Unexpected empty target (#) for the link "Mozilla\'s code of conduct enforcement ladder", expected the URL it should point to.');
  });

  it('reports empty and "#" targets of links and definitions', () => {
    const text = 'Use [the form]() or [the page]( # ) or [this][x].\n\n[x]: #\n';
    const findings = run(emptyLink, text);
    assert.deepEqual(seen(text, findings), [
      { line: 1, text: '()' },
      { line: 1, text: '( # )' },
      { line: 3, text: '#' },
    ], listed(text, findings));
    assert.match(findings[2].message, /for the definition of "\[x\]"/);
  });

  it('leaves alone real targets, anchors to sections and the other seeds', () => {
    for (const text of [
      'See [scope](#scope), [the site](https://example.org) and <https://example.org>.\n',
      ...['000', '001', '002', '004'].map(seed),
    ]) {
      const findings = run(emptyLink, text);
      assert.deepEqual(findings, [], `${text.slice(0, 80)}\n${listed(text, findings)}`);
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '[]()', '[](<>)', '![]()', '[x]:', '[x]: <>\n\n[x]']) run(emptyLink, text);
  });
});
