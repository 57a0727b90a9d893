import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildDetectionIndex, detectBase, detectionTokens, type Catalog, type Detection } from '../../server/src/core/index';
import { seed, UPSTREAM_DIR, upstreamLibrary, upstreamText } from '../support/upstream';

const library = upstreamLibrary();

function label(d: Detection): string {
  return `${d.family} ${d.version ?? '-'} ${d.language ?? '-'}`;
}

/** The top candidates, for failure messages that show what the detector was torn between. */
function top(d: Detection): string {
  return d.candidates.map((c) => `${c.version} ${c.language} ${c.similarity.toFixed(3)} (coverage ${c.coverage.toFixed(3)})`).join('; ') || 'no candidates';
}

function assertDetects(d: Detection, version: string, language: string, what: string): void {
  assert.equal(label(d), `contributor-covenant ${version} ${language}`, `${what}: expected ${version} ${language}, candidates: ${top(d)}`);
}

/** The words of a text, lower-cased, for comparing phrases without punctuation or markup. */
function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ');
}

/**
 * A Markdown policy as a PDF's text layer gives it back: no Markdown syntax, lines hard
 * wrapped at 70 columns, bullets ("•") alone on their lines, and page footers.
 */
function asPdfText(markdown: string): string {
  const plain = markdown
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*|__/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s*[-*+]\s+/gm, '•\n');
  const lines: string[] = [];
  for (const paragraph of plain.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && (line + ' ' + word).length > 70) {
        lines.push(line + ' ');
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.flatMap((line, i) => (i % 35 === 34 ? [line, '', `Page ${(i + 1) / 35} of 9`, ''] : [line])).join('\n');
}

/** Pairs of upstream texts ("2.0 sw") whose wording is identical once normalised. */
function twins(): [string, string][] {
  const texts = buildDetectionIndex(library).texts;
  const name = (t: (typeof texts)[number]) => `${t.source.entry.version} ${t.source.entry.language}`;
  return texts.flatMap((a, i) =>
    texts.slice(i + 1).filter((b) => a.keys.size === b.keys.size && [...a.keys].every((k) => b.keys.has(k))).map((b): [string, string] => [name(a), name(b)]),
  );
}

/** A short policy written for these tests, in its own words: not Covenant based. */
const HOUSE_RULES = `# Workshop house rules

Everyone who uses the shared workshop agrees to these rules.

- Put tools back on the pegboard when you are done with them.
- Wear eye protection near the lathe and the grinder.
- Sweep up sawdust before you leave, even if it was not yours.
- Ask a steward before using the laser cutter for the first time.

Stewards may ask anyone who ignores a rule to leave for the day. Repeated problems go to the
members' meeting, which can suspend a membership. Questions go to the steward on duty.

We took the idea of writing our rules down from the Contributor Covenant, version 2.1, but
every rule above is our own.
`;

describe('detectionTokens', () => {
  const tokens = (text: string, isWord?: (word: string) => boolean) => detectionTokens(text, library, isWord).map((t) => t.text);

  for (const [behaviour, text, expected] of [
    ['folds case and compatibility forms', 'Ｗide ﬁne CASE', ['wide', 'fine', 'case']],
    ['drops list bullets, item numbers and heading marks', '## 2. Rules\n\n- one\n• two\n3) three\n> 4.1. four', ['rules', 'one', 'two', 'three', 'four']],
    ['keeps a version number that wrapping left at the start of a line', 'see version\n1.3.0 here', ['see', 'version', '1', '3', '0', 'here']],
    ['keeps link text and drops targets, labels and definitions', '[our rules](https://example.org) and [the list][ref]\n\n[ref]: https://example.org/list "Title"', ['our', 'rules', 'and', 'the', 'list']],
    ['masks bracketed template fields, e-mail addresses and URLs', 'Write to [project e-mail], a@b.example or www.example.org/x.', ['write', 'to', 'or']],
    ['drops images, HTML tags, comments and entities', '![badge](b.svg) <b>bold</b>&nbsp;<!-- note -->text', ['bold', 'text']],
    ['drops PDF page lines', 'one\nPage 3 of 9\n12\ntwo', ['one', 'two']],
    ['drops front matter', '+++\nversion = "9"\n+++\nbody', ['body']],
    ['splits unspaced scripts into characters', '行動規範です', ['行', '動', '規', '範', 'で', 'す']],
    ['keeps a word whole across emphasis or link syntax inside it', '**커뮤니티**의 [규약][ref]에서', ['커뮤니티의', '규약에서']],
    ['ends a URL where a non-ASCII word is written against it', 'https://example.org/faq를 참고', ['를', '참고']],
    ['reads a definition run into the next paragraph as text', '[ref]: https://example.org 行動', ['行', '動']],
  ] as const) {
    it(behaviour, () => assert.deepEqual(tokens(text), expected));
  }

  it('rejoins a word hyphenated at a line break only when the whole word is known', () => {
    const known = (word: string) => word === 'harassment';
    assert.deepEqual(tokens('harass-\nment and socio-\neconomic', known), ['harassment', 'and', 'socio', 'economic']);
  });

  it('reports source offsets that point at each word', () => {
    const text = '## Our **Rules**\n\n1. Be [kind](https://example.org).';
    for (const t of detectionTokens(text, library)) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.text);
  });
});

describe('detectBase', () => {
  it('detects every upstream text as itself, version, language and today\'s wording, from its body', () => {
    assert.equal(library.texts.length, 95);
    const wrong = library.texts
      .map((text) => ({ text, d: detectBase(text.body, library) }))
      .filter(({ text, d }) => d.version !== text.entry.version || d.language !== text.entry.language || d.family !== 'contributor-covenant' || d.revision !== null || d.source !== text)
      .map(({ text, d }) => `${text.entry.version} ${text.entry.language} detected as ${label(d)}; candidates: ${top(d)}`);
    assert.deepEqual(wrong, []);
  });

  it('detects a raw upstream file, front matter and CRLF line breaks included, as itself', () => {
    const catalog = JSON.parse(readFileSync(join(UPSTREAM_DIR, 'catalog.json'), 'utf8')) as Catalog;
    const wrong = catalog.entries.flatMap((entry) => {
      const raw = readFileSync(join(UPSTREAM_DIR, catalog.repo, catalog.commit, entry.path), 'utf8').replace(/\r?\n/g, '\r\n');
      const d = detectBase(raw, library);
      return d.version === entry.version && d.language === entry.language && d.revision === null && d.similarity === 1 ? [] : [`${entry.version} ${entry.language} detected as ${label(d)}; candidates: ${top(d)}`];
    });
    assert.deepEqual(wrong, []);
  });

  it('finds one pair of upstream texts with the same wording: 2.0 sw is 2.1 sw word for word', () => {
    // Upstream's 2.0 Swahili file carries the 2.1 translation (2.1's additions to the pledge
    // and "2.1" in its attribution). Only line layout tells a verbatim copy of one from the
    // other, which the body test above relies on; reflowed text cannot be told apart.
    assert.deepEqual(twins(), [['2.0 sw', '2.1 sw']]);
  });

  it('reads every upstream text back from PDF-like plain text: no Markdown, wrapped lines, loose bullets, page footers', () => {
    const wrong = library.texts.flatMap((text) => {
      const d = detectBase(asPdfText(text.body), library);
      const expected = `${text.entry.version} ${text.entry.language}`;
      const got = `${d.version} ${d.language}`;
      // A text with a word-for-word twin (2.0 sw) may come back as the twin.
      const right = got === expected || twins().some((pair) => pair.includes(got) && pair.includes(expected));
      return right && d.revision === null && d.similarity > 0.97 ? [] : [`${expected} detected as ${label(d)}; candidates: ${top(d)}`];
    });
    assert.deepEqual(wrong, []);
  });

  it('ignores case, list bullets and numbering, emphasis, headings and link targets', () => {
    const body = upstreamText('2.1').body;
    const restyled = body
      .toUpperCase()
      .replace(/^###\s*\d+\.\s*/gm, '#### ')
      .replace(/^\* /gm, '1. **')
      .replace(/^## (.*)$/gm, '$1\n-----')
      .replace(/\[([^\]]+)\]\[[^\]]+\]/g, '[$1](https://example.org/elsewhere)');
    assert.notEqual(restyled, body);
    const d = detectBase(restyled, library);
    assertDetects(d, '2.1', 'en', 'restyled 2.1');
    assert.equal(d.similarity, 1, top(d));
  });

  it('matches a filled-in policy to its template: placeholders, e-mail addresses and URLs are masked', () => {
    for (const [version, contact] of [
      ['1.4', 'conduct@example.org'],
      ['2.0', '<mods@example.org>'],
      ['2.1', 'https://example.org/report'],
      // Left unfilled but made a link, so only the library's placeholder list masks it.
      ['2.1', '[INSERT CONTACT METHOD](mailto:conduct@example.org)'],
    ] as const) {
      const template = upstreamText(version).body;
      const filled = template.replace(/\[INSERT [^\]]+\]/g, () => contact);
      assert.notEqual(filled, template, `${version} has a placeholder to fill`);
      const d = detectBase(filled, library);
      assertDetects(d, version, 'en', `${version} filled with ${contact}`);
      assert.equal(d.similarity, 1, `${version}: ${top(d)}`);
    }
  });

  it('reads scripts written without spaces as characters, so rewrapping Chinese and Japanese changes nothing', () => {
    for (const [version, language] of [
      ['2.1', 'zh-cn'],
      ['2.1', 'ja'],
      ['1.4', 'zh-tw'],
    ] as const) {
      const body = upstreamText(version, language).body;
      const rewrapped = body.replace(/([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]{7})(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu, '$1\n');
      assert.ok(rewrapped.split('\n').length > body.split('\n').length + 20, `${version} ${language} was rewrapped`);
      const d = detectBase(rewrapped, library);
      assertDetects(d, version, language, `rewrapped ${version} ${language}`);
      assert.ok(d.similarity > 0.95, `${version} ${language}: ${top(d)}`);
    }
  });

  it('reports a policy written without the Covenant as unknown, not as the nearest version', () => {
    for (const [what, text] of [
      ['house rules that cite the Covenant', HOUSE_RULES],
      ['an empty string', ''],
      ['binary data', Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 65536)).join('')],
    ]) {
      const d = detectBase(text, library);
      assert.equal(d.family, 'unknown', `${what}: ${top(d)}`);
      assert.equal(d.version, undefined, what);
      assert.equal(d.language, undefined, what);
      assert.deepEqual(d.sections, [], what);
      assert.deepEqual(d.evidence, [], what);
      assert.ok(d.similarity < 0.05, `${what}: ${top(d)}`);
    }
    // The citation shares a few words with 2.1's attribution: the threshold, not a lack of
    // candidates, is what keeps the house rules unknown.
    assert.ok(detectBase(HOUSE_RULES, library).candidates.length > 0);
  });

  it('recognises a policy that kept one whole upstream section and wrote the rest itself', () => {
    // 3.0's Scope section is under 5% of the text, so only the per-section rule finds it.
    const body = upstreamText('3.0').body;
    const scope = /^## Scope\n[\s\S]*?(?=^## )/m.exec(body)![0];
    const d = detectBase(`${HOUSE_RULES}\n${scope}\n${HOUSE_RULES.replace(/workshop/g, 'studio')}`, library);
    assertDetects(d, '3.0', 'en', 'house rules with the 3.0 scope');
    assert.ok(d.coverage < 0.05, `mostly custom: ${top(d)}`);
    assert.equal(d.sections.find((s) => s.heading === 'Scope')?.similarity, 1, JSON.stringify(d.sections));
  });

  describe('seeds', () => {
    for (const [number, version] of [
      ['001', '2.0'],
      ['002', '2.1'],
      ['003', '2.0'],
      ['004', '2.1'],
    ] as const) {
      it(`detects seed ${number} as Contributor Covenant ${version} en`, () => {
        const d = detectBase(seed(number), library);
        assertDetects(d, version, 'en', `seed ${number}`);
        assert.equal(d.candidates[0].version, version);
        assert.ok(d.evidence.length > 0 && d.evidence[0].version === version, `seed ${number} evidence: ${JSON.stringify(d.evidence)}`);
      });
    }

    it('detects seed 004, plain text from a PDF, as 2.1 with most of the text matching', () => {
      const d = detectBase(seed('004'), library);
      assertDetects(d, '2.1', 'en', 'seed 004');
      assert.ok(d.similarity > 0.7, top(d));
    });

    it('detects seed 000 as derived from 2.1: low overall similarity, but its pledge follows 2.1', () => {
      const d = detectBase(seed('000'), library);
      assertDetects(d, '2.1', 'en', 'seed 000');
      assert.ok(d.similarity < 0.4, `mostly custom, so low overall: ${top(d)}`);
      const pledge = d.sections.find((s) => s.heading === 'Our Pledge');
      assert.ok(pledge && pledge.similarity > 0.8, JSON.stringify(d.sections));
      assert.ok(d.sections.filter((s) => s.similarity < 0.3).length >= 3, `the rest is custom: ${JSON.stringify(d.sections)}`);
    });

    it('names, for seed 002, wording that 2.1 has and 2.0 lacks, with where it stands in the policy', () => {
      const text = seed('002');
      const d = detectBase(text, library);
      const v20 = words(upstreamText('2.0').body);
      const v21 = words(upstreamText('2.1').body);
      const only21 = d.evidence.filter((e) => e.version === '2.1' && v21.includes(words(e.phrase)) && !v20.includes(words(e.phrase)));
      assert.ok(only21.length > 0, JSON.stringify(d.evidence));
      assert.ok(only21.some((e) => /\bcaste\b/.test(e.phrase)), JSON.stringify(only21));
      for (const e of d.evidence) {
        assert.ok(e.span, e.phrase);
        assert.equal(words(text.slice(e.span.start, e.span.end)), words(e.phrase), 'the span covers the phrase');
      }
    });
  });

  it('names only 2.0 wording for a 2.0 policy, with 2.1 as the close runner-up', () => {
    const d20 = detectBase(seed('003'), library);
    assert.ok(d20.evidence.every((e) => e.version === '2.0'), JSON.stringify(d20.evidence));
    assert.equal(d20.candidates[1].version, '2.1', 'the runner-up is the close version');
    assert.ok(d20.candidates[1].similarity > 0.9, top(d20));
  });

  it('gives a fragment to the version whose own wording it contains, even when a shorter close text scores higher overall', () => {
    // Paragraph ranges (of the body split at blank lines) where overall similarity favours a
    // shorter neighbour (1.0 for a 1.2 fragment, 1.3 pt for a 1.4 pt one, 2.0 for a 3.0
    // one): only the wording one text has and the other lacks decides these.
    for (const [version, language, from, to] of [
      ['1.2', 'en', 2, 4],
      ['1.4', 'pt', 10, 12],
      ['2.0', 'it', 0, 3],
      ['3.0', 'en', 22, 26],
    ] as const) {
      const fragment = upstreamText(version, language).body.split(/\n\n+/).slice(from, to).join('\n\n');
      const d = detectBase(fragment, library);
      assertDetects(d, version, language, `${version} ${language} paragraphs ${from}–${to}`);
      assert.ok(d.candidates.slice(1).some((c) => c.similarity > d.similarity), `a close text scores higher overall: ${top(d)}`);
      assert.equal(d.evidence[0]?.version, version, JSON.stringify(d.evidence));
    }
  });

  it('weighs wording before version numbers: a 2.1 text whose attribution says 2.0 is 2.1', () => {
    // German: no earlier 2.0 de wording carried 2.1's pledge (see the next test for English).
    const body = upstreamText('2.1', 'de').body.replace(/2\.1/g, '2.0').replace(/2\/1/g, '2/0');
    const d = detectBase(body, library);
    assertDetects(d, '2.1', 'de', '2.1 de claiming 2.0');
    assert.deepEqual(
      d.evidence.map((e) => e.version),
      ['2.1', '2.0'],
      `the deciding wording first, then the rival's number: ${JSON.stringify(d.evidence)}`,
    );
    assert.match(d.evidence[1].phrase, /2\.0/);
  });

  it('reads the English 2.1 text claiming 2.0 as the 2.0 wording that carried 2.1\'s pledge in 2021', () => {
    const body = upstreamText('2.1').body.replace(/version 2\.1/g, 'version 2.0');
    const d = detectBase(body, library);
    assertDetects(d, '2.0', 'en', '2.1 claiming 2.0');
    assert.equal(d.revision?.firstDate.slice(0, 7), '2021-02', top(d));
    assert.equal(d.similarity, 1);
  });

  it('reports one section per ## heading of the chosen text, in order', () => {
    for (const text of [upstreamText('2.1'), upstreamText('1.4', 'de'), upstreamText('3.0')]) {
      const d = detectBase(text.body, library);
      const headings = [...text.body.matchAll(/^## +(.+)$/gm)].map((m) => m[1].trim());
      assert.deepEqual(d.sections.map((s) => s.heading), headings);
      assert.ok(d.sections.every((s) => s.similarity === 1), JSON.stringify(d.sections));
    }
  });

  it('treats a text without ## headings (1.0–1.3) as one section named by its title', () => {
    const d = detectBase(upstreamText('1.3').body, library);
    assert.equal(d.sections.length, 1);
    assert.match(d.sections[0].heading, /\S/);
    assert.equal(d.sections[0].similarity, 1);
  });

  it('reads only the first maxLength characters', () => {
    const body = upstreamText('2.1').body;
    const d = detectBase(body + '\n\nlorem ipsum dolor '.repeat(50_000), library, { maxLength: body.length });
    assertDetects(d, '2.1', 'en', 'truncated');
    assert.equal(d.similarity, 1);
  });

  it('builds the index once per library', () => {
    assert.equal(buildDetectionIndex(library), buildDetectionIndex(library));
    assert.equal(buildDetectionIndex(library).texts.length, library.texts.length);
  });

  it('never throws on hostile input: huge, binary, unbalanced or deeply nested markup', () => {
    const cases = [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '>'.repeat(100_000) + ' 1. item',
      '<!--'.repeat(50_000),
      '[a]('.repeat(50_000),
      '- '.repeat(100_000) + 'x',
      'a'.repeat(300_000) + '@',
      'https:'.repeat(50_000),
      '&'.repeat(100_000),
      '行動規範'.repeat(20_000),
      'pledge-\nment '.repeat(20_000),
      '\u0000\uD800\uDFFF\uFFFE'.repeat(10_000),
      'we pledge '.repeat(400_000),
    ];
    for (const text of cases) {
      const d = detectBase(text, library);
      assert.equal(d.family, 'unknown', text.slice(0, 20));
    }
  });
});
