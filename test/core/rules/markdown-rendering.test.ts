import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownRendering } from '../../../server/src/core/rules/markdown-rendering';
import { applyFixes, listed, run, seen } from '../../support/rules';
import { seed, upstreamLibrary } from '../../support/upstream';

describe('markdown-rendering', () => {
  it('reports "##Heading" without a space, and the fix adds it', () => {
    const text = '# House rules\n\n##Reporting\n\nWrite to the stewards.\n\n#Scope\n';
    const findings = run(markdownRendering, text);
    assert.deepEqual(seen(text, findings), [{ line: 3, text: '##Reporting' }, { line: 7, text: '#Scope' }], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected "##Reporting" without a space after "##", expected "## Reporting"/);
    assert.equal(applyFixes(text, findings), '# House rules\n\n## Reporting\n\nWrite to the stewards.\n\n# Scope\n');
  });

  it('leaves hashtags, issue numbers and real headings alone', () => {
    for (const text of ['# Rules\n\n#hacktoberfest is over.\n\n#12 was fixed.\n\n## Scope\n', '# Rules\n\n#Hashtags such as this one are fine in a sentence.\n']) {
      const findings = run(markdownRendering, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('reports list items that CommonMark folds into the paragraph before them, and the fix separates them', () => {
    const text = '# Rules\n\nExamples of unkind behaviour:\n    - insults\n    - threats\n\nWe act on reports:\n2. we read them\n3. we reply\n';
    const findings = run(markdownRendering, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [[4, '- insults'], [8, '2. we read them']], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected list item "- …" inside a paragraph, expected a list: these 2 lines run on as text/);
    assert.equal(applyFixes(text, findings), '# Rules\n\nExamples of unkind behaviour:\n\n- insults\n- threats\n\nWe act on reports:\n\n2. we read them\n3. we reply\n');
  });

  it('reports typographic bullets pasted from a word processor, and the fix makes them Markdown items', () => {
    const text = 'Be:\n• kind\n• patient\n';
    const findings = run(markdownRendering, text);
    assert.deepEqual(seen(text, findings), [{ line: 2, text: '• kind' }], listed(text, findings));
    assert.equal(applyFixes(text, findings), 'Be:\n\n- kind\n- patient\n');
  });

  it('leaves alone real lists after a paragraph, a hard-wrapped sentence and a year at the start of a line', () => {
    for (const text of [
      'Examples:\n- insults\n- threats\n',
      'Examples:\n1. insults\n2. threats\n',
      'This policy was adopted in\n2019. It applies everywhere.\n',
      'A line with a dash\n-- and more text.\n',
    ]) {
      const findings = run(markdownRendering, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('reports a bullet that lost its marker and joined the item above, with the marker as the fix', () => {
    const text = '# Rules\n\n* Use welcoming language\nRespect differing viewpoints\n* Accept criticism gracefully\n* Show empathy\n';
    const findings = run(markdownRendering, text);
    assert.deepEqual(seen(text, findings), [{ line: 4, text: 'Respect differing viewpoints' }], listed(text, findings));
    assert.equal(applyFixes(text, findings), '# Rules\n\n* Use welcoming language\n* Respect differing viewpoints\n* Accept criticism gracefully\n* Show empathy\n');
  });

  it('leaves alone a hard-wrapped list item and a list whose items all run over two lines', () => {
    for (const text of [
      '* Use welcoming language and\n  Inclusive Terms everywhere\n* Accept criticism\n* Show empathy\n',
      '* Use welcoming language\n  Always and everywhere\n* Accept criticism\n  Even harsh criticism\n* Show empathy\n',
    ]) {
      const findings = run(markdownRendering, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('reports a missing space after the end of a sentence, on the two characters, and the fix adds it', () => {
    const text = 'We expect kind behaviour.We act on every report!Thank you.\n';
    const findings = run(markdownRendering, text);
    assert.deepEqual(seen(text, findings).map((s) => s.text), ['.W', '!T'], listed(text, findings));
    assert.equal(applyFixes(text, findings), 'We expect kind behaviour. We act on every report! Thank you.\n');
  });

  it('leaves alone addresses, file names, identifiers, abbreviations and code', () => {
    const text = 'See www.example.Org, docs/conduct.Md, Node.js, e.g.This, U.S.Army, `a.Bc` and [the.Link](https://x.org).\n';
    const findings = run(markdownRendering, text);
    assert.deepEqual(findings, [], listed(text, findings));
  });

  it('reports nothing on the verbatim upstream texts or the seeds', () => {
    const found: string[] = [];
    for (const t of upstreamLibrary().texts) for (const f of run(markdownRendering, t.body)) found.push(`${t.entry.version} ${t.entry.language}: ${f.message}`);
    for (const n of ['000', '001', '002', '003', '004']) for (const f of run(markdownRendering, seed(n))) found.push(`seed ${n}: ${f.message}`);
    assert.deepEqual(found, []);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '#', '##x', '*\nX y', 'a:\n•', '> a:\n> - b\n> - c', '.A', 'ab.Cd']) run(markdownRendering, text);
  });
});
