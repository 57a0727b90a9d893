import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitParagraph } from '../../../server/src/core/rules/split-paragraph';
import { seed } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('split-paragraph', () => {
  it('reports the sentence of seed 003 split between lines 41 and 43', () => {
    const text = seed('003');
    const findings = run(splitParagraph, text);
    assert.deepEqual(seen(text, findings), [{ line: 41, text: '\n\n' }], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected paragraph break in mid-sentence between "…and investigated promptly" and "and fairly\.", expected one paragraph/);
    assert.match(applyFixes(text, findings), /investigated promptly and fairly\.\n/);
  });

  it('reports the page and column breaks of seed 004 (text from a PDF), keeping its lines wrapped', () => {
    const text = seed('004');
    const findings = run(splitParagraph, text);
    assert.deepEqual(seen(text, findings).map((s) => s.line), [43, 46, 59, 62, 84], listed(text, findings));
    assert.ok(findings.every((f) => f.fix?.text === '\n' || f.fix?.text === ' '));
  });

  it('reports nothing on seeds 000–002', () => {
    for (const n of ['000', '001', '002']) {
      const text = seed(n);
      const findings = run(splitParagraph, text);
      assert.deepEqual(findings, [], `${n}\n${listed(text, findings)}`);
    }
  });

  it('reports a split inside a list item, where the item goes on in lower case', () => {
    const text = '# Rules\n\n- Reports are read by two\n\n  stewards, never by one.\n';
    const findings = run(splitParagraph, text);
    assert.deepEqual(seen(text, findings).map((s) => s.line), [3], listed(text, findings));
  });

  it('leaves alone paragraphs that end a sentence, labels, headings, lists, links and URLs', () => {
    for (const text of [
      '# Rules\n\nWe are kind.\n\nand that is all.\n',
      '# Rules\n\n**Consequence**\n\nnone at all.\n',
      '# Rules\n\nWrite to us at\n\nhttps://example.org/report\n',
      '# Rules\n\nSee [the form](https://example.org)\n\nfor details.\n',
      '# Rules\n\n## a lower-case heading\n\nbody text here.\n',
      '# Rules\n\nExamples include:\n\n- being kind\n- being patient\n',
      '# Rules\n\nThis applies to\n\niOS and Android apps.\n',
      '# Rules\n\nSome text with `code`\n\nand more.\n',
      '# 行为准则\n\n我们承诺\n\n尊重每个人。\n',
    ]) {
      const findings = run(splitParagraph, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n', 'a\n\nb', 'a,\n\n', '> a\n>\n> b', '- a\n\n  b']) run(splitParagraph, text);
  });
});
