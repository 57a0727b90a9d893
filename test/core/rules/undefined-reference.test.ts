import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { undefinedReference } from '../../../server/src/core/rules/undefined-reference';
import { seed } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('undefined-reference', () => {
  it('reports the URL written as a reference label in seed 002 (line 113), with an inline link as fix', () => {
    const text = seed('002');
    const findings = run(undefinedReference, text);
    assert.deepEqual(seen(text, findings).map((s) => s.line), [113], listed(text, findings));
    assert.match(seen(text, findings)[0].text, /^\[Mozilla's code of conduct enforcement ladder\]\[https:\/\/github\.com\/mozilla\/diversity\]$/);
    assert.equal(findings[0].fix?.text, "[Mozilla's code of conduct enforcement ladder](https://github.com/mozilla/diversity)");
    assert.match(findings[0].message, /^Unexpected reference ".*": no definition has the label "https:\/\/github\.com\/mozilla\/diversity", expected an inline link/);
  });

  it('reports full and collapsed references without a definition', () => {
    const text = 'See [our guide][guide] and [the FAQ][].\n\n![logo][pic]\n\n[faq-page]: https://example.org/faq\n';
    const findings = run(undefinedReference, text);
    assert.deepEqual(seen(text, findings), [
      { line: 1, text: '[our guide][guide]' },
      { line: 1, text: '[the FAQ][]' },
      { line: 3, text: '![logo][pic]' },
    ], listed(text, findings));
    assert.match(findings[0].message, /no definition has the label "guide", expected a line such as "\[guide\]: https:\/\/…" or an inline link/);
    assert.equal(findings[0].fix, undefined);
    assert.equal(applyFixes('[x][https://example.org/a]', run(undefinedReference, '[x][https://example.org/a]')), '[x](https://example.org/a)');
  });

  it('leaves alone defined references (in any case and spacing), shortcut brackets, placeholders, escapes and code', () => {
    for (const text of [
      'See [our guide][Guide  Page].\n\n[guide page]: https://example.org/guide\n',
      'Write to [INSERT CONTACT METHOD] or [team].\n',
      'Brackets \\[like\\]\\[these\\] are text.\n',
      'Code `[a][b]` is quoted.\n\n```\n[a][b]\n```\n',
      'A link [with [brackets]](https://example.org) is fine.\n',
      'As studies show [2][6], kindness works.\n',
      ...['000', '001', '003', '004'].map(seed),
    ]) {
      const findings = run(undefinedReference, text);
      assert.deepEqual(findings, [], `${text.slice(0, 80)}\n${listed(text, findings)}`);
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '[', '][', '[][]', '[a][', '\\[a][b]', '[a][b]'.repeat(2000), '[' + 'x'.repeat(1200) + '][]']) run(undefinedReference, text);
  });
});
