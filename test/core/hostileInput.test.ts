// The hostile-input table: each input an editor or a CI run might hand the core gets an
// answer (findings) or one clear decline (unreadable-input), never a throw, and every range
// it reports lies inside the text. Texts are built here, in our own words, or from the
// bundled upstream text at run time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, type CheckResult } from '../../server/src/core/index';
import { parseMarkdown, spanOf, walk } from '../../server/src/core/markdown';
import { upstreamLibrary, upstreamText } from '../support/upstream';

/** A small fixed-seed generator, so the "random" bytes are the same on every run. */
function bytes(count: number, seed: number, pick: (r: number) => number): Buffer {
  let state = seed;
  return Buffer.from(Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return pick(state / 2147483648);
  }));
}

/** What VS Code does with bytes that are not UTF-8: each bad sequence becomes U+FFFD. */
const asEditorReads = (buffer: Buffer) => new TextDecoder('utf-8').decode(buffer);

function check(text: string): CheckResult {
  const result = checkText(text, upstreamLibrary());
  for (const f of result.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.rule} at ${f.span.start}–${f.span.end} lies outside a text of ${text.length}`);
  }
  return result;
}

/** The one decline: a single unreadable-input warning whose message matches. */
function assertDeclined(result: CheckResult, message: RegExp): void {
  assert.equal(result.doc, undefined, 'a declined text is not parsed');
  assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['unreadable-input', 'warning']]);
  assert.match(result.findings[0].message, message);
}

const policy = () => upstreamText('2.1').body;
const rules = (result: CheckResult) => result.findings.map((f) => f.rule);

describe('hostile input: an answer or one clear decline, never a throw', () => {
  it('declines a 10 MB policy, naming its size and the limit', () => {
    const text = policy().repeat(Math.ceil(10_000_000 / policy().length));
    assertDeclined(check(text), /^This file has 10,\d{3},\d{3} characters; policies are checked up to 2,000,000\. Split it, or raise the limit\.$/);
  });

  it('answers a single line of 1M characters of prose: not a policy, with the reason', () => {
    const text = 'Be kind to the people you meet here, and ask before you assume. '.repeat(16_000).slice(0, 1_000_000);
    assert.equal(text.includes('\n'), false);
    const { findings } = check(text);
    assert.deepEqual(rules({ findings }), ['not-a-policy']);
    assert.match(findings[0].message, /does not read as a code of conduct/);
  });

  it('declines a single line of 1M spaces, whose blank run would make the rules crawl', () => {
    assertDeclined(check(' '.repeat(1_000_000)), /a run of 1,000,000 spaces or tabs; policies are checked with runs up to 256/);
  });

  for (const [name, text, depth] of [
    ['blockquotes ("> > >")', `${'> '.repeat(10_000)}deep\n`, 10_000],
    ['blockquotes written without blanks (">>>")', `${'>'.repeat(10_000)}deep\n`, 10_000],
    ['bullet lists ("- - -")', `${'- '.repeat(10_000)}deep\n`, 10_000],
    ['ordered lists ("1. 1. 1.")', `${'1. '.repeat(10_000)}deep\n`, 10_000],
    ['quotes and lists mixed', `${'> - '.repeat(5_000)}deep\n`, 10_000],
    ['quotes, one level more on each line', Array.from({ length: 1_500 }, (_, i) => '>'.repeat(i + 1)).join('\n'), 1_500],
  ] as const) {
    it(`declines 10,000-deep nesting: ${name}`, () => {
      assertDeclined(check(text), new RegExp(`^This file nests lists or quotes ${depth} levels deep; policies are checked up to 100 levels`));
    });
  }

  it('declines lists nested 1,000 deep by indentation, naming the blank run', () => {
    const text = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n');
    assertDeclined(check(text), /a run of 1,998 spaces or tabs/);
  });

  it('declines text with NUL bytes as binary', () => {
    assertDeclined(check(`${policy().slice(0, 300)}\u0000\u0000${policy().slice(300)}`), /^This file looks binary \(it contains NUL bytes\)/);
  });

  it('declines a binary file (PNG signature and random bytes) opened as a policy', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), bytes(4096, 11, (r) => Math.floor(r * 256))]);
    assertDeclined(check(asEditorReads(png)), /looks binary/);
  });

  it('answers bytes that are all invalid UTF-8 (no NUL) as not a policy', () => {
    const text = asEditorReads(bytes(4096, 5, (r) => 0x80 + Math.floor(r * 128)));
    assert.ok(text.includes('\uFFFD'));
    assert.deepEqual(rules(check(text)), ['not-a-policy']);
  });

  it('reads a policy with a few invalid UTF-8 bytes (shown as U+FFFD) as its base, with the same findings', () => {
    const clean = policy();
    const cut = clean.indexOf('\n\n', 2000);
    const text = asEditorReads(Buffer.concat([Buffer.from(clean.slice(0, cut)), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from(clean.slice(cut))]));
    assert.equal(text.length, clean.length + 5, 'each bad byte is one U+FFFD');
    const result = check(text);
    assert.deepEqual([result.base?.version, result.base?.language], ['2.1', 'en']);
    assert.deepEqual(rules(result), rules(check(clean)));
  });

  it('reads a policy with a byte order mark and CRLF line ends exactly as the plain one, at the same words', () => {
    const plain = check(policy());
    const text = `\uFEFF${policy().replace(/\n/g, '\r\n')}`;
    const result = check(text);
    assert.deepEqual([result.base?.version, result.base?.language], ['2.1', 'en']);
    assert.deepEqual(result.findings.map((f) => [f.rule, f.message]), plain.findings.map((f) => [f.rule, f.message]));
    const quoted = (r: CheckResult, t: string) => r.findings.map((f) => t.slice(f.span.start, f.span.end).replace(/\r\n/g, '\n'));
    assert.deepEqual(quoted(result, text), quoted(plain, policy()));
  });

  it('keeps every parsed range on the same text when the file starts with a byte order mark', () => {
    const plain = '> Quoted 😀\n\n1. First 😀\n2. Second\n\n## Heading 😀\n\nText [link](https://example.org) 😀\n';
    const slices = (text: string) => {
      const out: string[] = [];
      walk(parseMarkdown(text), (node) => { const span = spanOf(node); if (span) out.push(`${node.type}: ${text.slice(span.start, span.end)}`); });
      return out;
    };
    assert.deepEqual(slices(`\uFEFF${plain}`), slices(plain));
  });

  it('reports each bidi control and zero-width space by position, and leaves zero-width joiners alone', () => {
    const clean = policy();
    const at = clean.indexOf('\n\n', 600) + 2;
    const text = `${clean.slice(0, at)}We \u202Eesrever\u202C here, a\u2067b\u2069, zero\u200Bwidth, and joi\u200Cner.\n\n${clean.slice(at)}`;
    const found = check(text).findings.filter((f) => f.rule === 'lookalike-characters');
    const where = (char: string) => text.indexOf(char);
    assert.deepEqual(found.map((f) => f.span.start), ['\u202E', '\u202C', '\u2067', '\u2069', '\u200B'].map(where));
    assert.equal(found.filter((f) => /bidirectional control/.test(f.message)).length, 4);
    assert.match(found[0].message, /U\+202E.*reorder the text/);
    assert.match(found[4].message, /zero-width space U\+200B/);
  });

  it('answers an empty file with not-a-policy alone', () => {
    const { findings } = check('');
    assert.deepEqual(rules({ findings }), ['not-a-policy']);
    assert.match(findings[0].message, /^This file is empty/);
  });
});
