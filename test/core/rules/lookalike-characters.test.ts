import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookalikeCharacters } from '../../../server/src/core/rules/lookalike-characters';
import { applyFixes, listed, run, seen } from '../../support/rules';
import { upstreamLibrary } from '../../support/upstream';

describe('lookalike-characters', () => {
  it('reports a bidi control on the exact character, and its fix removes it', () => {
    const text = '# Rules\n\nReports go to the \u202Estewards\u202C of the project.\n';
    const findings = run(lookalikeCharacters, text);
    assert.deepEqual(seen(text, findings), [{ line: 3, text: '\u202E' }, { line: 3, text: '\u202C' }], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected bidirectional control U\+202E, expected none/);
    assert.equal(applyFixes(text, findings), '# Rules\n\nReports go to the stewards of the project.\n');
  });

  it('reports a run of zero-width spaces and a word joiner once each, but not a byte order mark at the start', () => {
    const text = '\uFEFF# Rules\n\nBe kind\u200B\u200B to others and re\u2060port problems.\n';
    const findings = run(lookalikeCharacters, text);
    assert.deepEqual(seen(text, findings), [{ line: 3, text: '\u200B\u200B' }, { line: 3, text: '\u2060' }], listed(text, findings));
    assert.equal(applyFixes(text, findings), '\uFEFF# Rules\n\nBe kind to others and report problems.\n');
  });

  it('reports hyphen look-alikes inside a web or e-mail address as breaking the link, with "-" as the fix', () => {
    const text = 'Write to conduct@good\u2011folk.org or use https://good\u2010folk.org/report\u2011form or good\u2011folk.org.\n';
    const findings = run(lookalikeCharacters, text);
    assert.deepEqual(seen(text, findings).map((s) => s.text), ['\u2011', '\u2010', '\u2011', '\u2011'], listed(text, findings));
    assert.ok(findings.every((f) => /the link does not work with it/.test(f.message) && f.severity === undefined), listed(text, findings));
    assert.equal(applyFixes(text, findings), 'Write to conduct@good-folk.org or use https://good-folk.org/report-form or good-folk.org.\n');
  });

  it('notes a non-breaking hyphen inside a word at information level', () => {
    const text = 'We welcome non\u2011binary people and follow\u2011up questions.\n';
    const findings = run(lookalikeCharacters, text);
    assert.deepEqual(findings.map((f) => f.severity), ['information', 'information'], listed(text, findings));
    assert.equal(applyFixes(text, findings), 'We welcome non-binary people and follow-up questions.\n');
  });

  it('reports Cyrillic letters inside Latin words (and a Latin letter inside a Cyrillic word), with the twin as the fix', () => {
    const text = 'Contact the m\u043Ederators at once.\n\n\u041F\u0440\u0430\u0432\u0438\u043B\u0430 \u0434\u043B\u044F \u0432\u0441\u0435\u0445 (K\u043E\u0434\u0435\u043A\u0441).\n';
    const findings = run(lookalikeCharacters, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [[1, '\u043E'], [3, 'K']], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected Cyrillic "\u043E" \(U\+043E\) in the Latin word "m\u043Ederators", expected the Latin "o"/);
    assert.equal(applyFixes(text, findings), 'Contact the moderators at once.\n\n\u041F\u0440\u0430\u0432\u0438\u043B\u0430 \u0434\u043B\u044F \u0432\u0441\u0435\u0445 (\u041A\u043E\u0434\u0435\u043A\u0441).\n');
  });

  it('reports full-width number signs that were meant as a heading, and the fix makes the heading', () => {
    const text = '＃ House rules\n\n＃＃Reporting\n\nUse the ＃help channel.\n';
    const findings = run(lookalikeCharacters, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [[1, '＃'], [3, '＃＃']], listed(text, findings));
    assert.equal(applyFixes(text, findings), '# House rules\n\n## Reporting\n\nUse the ＃help channel.\n');
  });

  it('leaves alone Persian and Indic joiners, emoji sequences, dashes in prose, Greek and Russian prose, and code', () => {
    for (const text of [
      '# \u0622\u06CC\u06CC\u0646\u200C\u0646\u0627\u0645\u0647\n\n\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u06CC\u0645 \u0631\u0641\u062A\u0627\u0631 \u0645\u062D\u062A\u0631\u0645\u0627\u0646\u0647.\n',
      '\u0915\u094D\u200D\u0937 and \u{1F469}\u200D\u{1F4BB} are fine.\n',
      'Pages 10\u201312 say so \u2010 and a minus \u2212 is fine in prose, as is GitHub.com\u2013hosted code.\n',
      '\u041C\u044B \u0443\u0432\u0430\u0436\u0430\u0435\u043C \u0432\u0441\u0435\u0445. \u0388\u03BD\u03B1\u03C2 \u03BA\u03CE\u03B4\u03B9\u03BA\u03B1\u03C2.\n',
      'Quote it as `m\u043Ederators` or `https://a\u2011b.org` in code.\n',
    ]) {
      const findings = run(lookalikeCharacters, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('reports invisible characters even in code, where they hide just as well', () => {
    const text = 'Run `grep conduct\u200B` first.\n';
    assert.deepEqual(seen(text, run(lookalikeCharacters, text)), [{ line: 1, text: '\u200B' }]);
  });

  it('finds nothing in the verbatim upstream texts but the Latin "K" and "O" in the Macedonian 1.4 title', () => {
    const found: string[] = [];
    for (const t of upstreamLibrary().texts) {
      for (const f of run(lookalikeCharacters, t.body)) found.push(`${t.entry.version} ${t.entry.language} ${t.body.slice(f.span.start, f.span.end)}`);
    }
    assert.deepEqual(found, ['1.4 mk K', '1.4 mk O']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\uFEFF', '\u202E', '＃', '\u2011', 'http://\u2011', '@\u2010', '\u200B\u200B']) run(lookalikeCharacters, text);
  });
});
