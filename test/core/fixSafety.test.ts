// A property test of every edit the rules offer: over the seeds, every bundled upstream text
// and variants of them mutated by a seeded generator (so a failure replays exactly), each fix
// lies inside the document on offsets the editor can address, changes only its range, and its
// inverse restores the text byte for byte; fix-all's edits are disjoint and undo as one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, fixAllEdits, fixesOf, type RuleFix } from '../../server/src/core/index';
import { seededRandom } from '../support/seededRandom';
import { SEEDS_DIR, upstreamLibrary } from '../support/upstream';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Replaces the n-th (random) match of `pattern` using `replace`; the text unchanged when nothing matches. */
function atRandomMatch(random: Random, text: string, pattern: RegExp, replace: (match: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))];
  if (!matches.length) return text;
  const m = pick(random, matches) as RegExpExecArray;
  return text.slice(0, m.index) + replace(m) + text.slice(m.index + m[0].length);
}

const VERSIONS = ['1.4', '2.0', '2.1', '3.0', '2.7'];

/**
 * Mutations that provoke the rules with fixes (a wrong version, link or licence, a dropped
 * definition, a split sentence, mojibake, a link without mailto, a glued heading) and blunt
 * ones that disturb the structure around them (lines lost or doubled, stray characters,
 * CRLF line ends). Every sentence added is our own.
 */
const MUTATIONS: ((random: Random, text: string) => string)[] = [
  (r, t) => atRandomMatch(r, t, /(version|v)\s?(\d)\.(\d)/gi, (m) => `${m[1]} ${pick(r, VERSIONS)}`),
  (r, t) => atRandomMatch(r, t, /version\/(\d)\/(\d)\//g, () => `version/${pick(r, VERSIONS).replace('.', '/')}/`),
  (r, t) => `${t}\nThis page is shared under ${pick(r, ['CC BY 4.0', 'CC BY-SA 4.0', 'CC-BY-SA', '[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)', 'Attribution-ShareAlike 4.0'])}.\n`,
  (r, t) => atRandomMatch(r, t, /^\[[^\]\n]+\]:[^\n]*\n/gm, () => ''),
  (_r, t) => t.replace(/^\[[^\]\n]+\]:[^\n]*\n/gm, ''),
  (r, t) => atRandomMatch(r, t, /\p{Ll}+ (?=\p{Ll}{3,} )/gu, (m) => `${m[0].trimEnd()}\n\n`),
  (r, t) => atRandomMatch(r, t, /[éèüöäçñ©’“”–]/g, (m) => Buffer.from(m[0], 'utf8').toString('latin1')),
  (r, t) => `${t}\nWrite to [the stewards](${pick(r, ['stewards@example.org', '<stewards@example.org>'])}) at any hour.\n`,
  (r, t) => atRandomMatch(r, t, /^(#{1,3}) /gm, (m) => m[1]),
  (r, t) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  (r, t) => {
    const paragraphs = t.split('\n\n');
    const i = Math.floor(r() * paragraphs.length);
    paragraphs.splice(i, 0, paragraphs[i]);
    return paragraphs.join('\n\n');
  },
  (r, t) => {
    const at = Math.floor(r() * (t.length + 1));
    return t.slice(0, at) + pick(r, ['\u00a0', '–', '#', '[', ']', '\\', '*', '\n', '\u{1F600}', 'Ã']) + t.slice(at);
  },
  (_r, t) => t.replace(/\r?\n/g, '\r\n'),
];

function mutate(text: string, seed: number): string {
  const random = seededRandom(seed);
  let out = text;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) out = pick(random, MUTATIONS)(random, out);
  return out;
}

/** Applies an edit the way the editor does: through line/character positions. */
function applyAsEditor(document: TextDocument, fix: RuleFix): string {
  return TextDocument.applyEdits(document, [{ range: { start: document.positionAt(fix.span.start), end: document.positionAt(fix.span.end) }, newText: fix.text }]);
}

/** Every property of one text's fixes; returns the rules whose fixes it checked. */
function checkFixes(name: string, text: string): string[] {
  const library = upstreamLibrary();
  const document = TextDocument.create('file:///policy.md', 'markdown', 1, text);
  const { findings } = checkText(text, library);
  const rules: string[] = [];
  for (const finding of findings) {
    for (const fix of fixesOf(finding)) {
      const where = `${name}: ${finding.rule} fix ${JSON.stringify(fix)}`;
      const { start, end } = fix.span;
      assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `${where} lies outside the document`);
      // An offset between \r and \n, or inside a surrogate pair, is not one the editor can address.
      assert.equal(document.offsetAt(document.positionAt(start)), start, `${where} starts where the editor cannot address`);
      assert.equal(document.offsetAt(document.positionAt(end)), end, `${where} ends where the editor cannot address`);
      assert.notEqual(text.slice(start, end), fix.text, `${where} changes nothing`);
      const after = applyAsEditor(document, fix);
      assert.equal(after.slice(0, start), text.slice(0, start), `${where} changed text before its range`);
      assert.equal(after.slice(start + fix.text.length), text.slice(end), `${where} changed text after its range`);
      assert.equal(after.slice(start, start + fix.text.length), fix.text, `${where} did not write its text`);
      const undo: RuleFix = { span: { start, end: start + fix.text.length }, text: text.slice(start, end) };
      assert.equal(applyAsEditor(TextDocument.create('file:///policy.md', 'markdown', 2, after), undo), text, `${where} is not undone by its inverse`);
      rules.push(finding.rule);
    }
  }
  const all = fixAllEdits(text, findings);
  for (let i = 1; i < all.length; i++) {
    // Disjoint: no shared character and no two edits starting together, except insertions at one place (LSP keeps their order).
    const [a, b] = [all[i - 1].span, all[i].span];
    const insertionsTogether = a.start === a.end && b.start === b.end && a.start === b.start;
    assert.ok(insertionsTogether || (a.end <= b.start && a.start !== b.start), `${name}: fix-all edits ${i - 1} and ${i} overlap`);
  }
  const edits = all.map((fix) => ({ range: { start: document.positionAt(fix.span.start), end: document.positionAt(fix.span.end) }, newText: fix.text }));
  const fixed = TextDocument.applyEdits(document, edits);
  // The inverse of the whole edit, computed on the result as an editor's undo stack would.
  let shift = 0;
  const inverse = all.map((fix) => {
    const start = fix.span.start + shift;
    shift += fix.text.length - (fix.span.end - fix.span.start);
    return { span: { start, end: start + fix.text.length }, text: text.slice(fix.span.start, fix.span.end) };
  });
  const after = TextDocument.create('file:///policy.md', 'markdown', 2, fixed);
  const restored = TextDocument.applyEdits(after, inverse.map((fix) => ({ range: { start: after.positionAt(fix.span.start), end: after.positionAt(fix.span.end) }, newText: fix.text })));
  assert.equal(restored, text, `${name}: undoing fix-all does not restore the text`);
  return rules;
}

const MUTANTS_PER_SEED = 12;
const MUTANTS_PER_UPSTREAM_TEXT = 2;
/** The rules this task gave fixes; the property test must have exercised each. */
const MUST_EXERCISE = ['attribution-version', 'attribution-permalink', 'attribution-licence', 'undefined-reference', 'split-paragraph'];

describe('every fix offered is safe to apply and to undo (seeded property test)', () => {
  const exercised = new Set<string>();

  it('holds over the seeds and their mutations', () => {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
    assert.ok(seeds.length > 0, `no seeds in ${SEEDS_DIR}`);
    seeds.forEach((file, s) => {
      const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
      for (const rule of checkFixes(file, text)) exercised.add(rule);
      for (let m = 0; m < MUTANTS_PER_SEED; m++) {
        const seed = 1000 * s + m;
        for (const rule of checkFixes(`${file} mutant ${seed}`, mutate(text, seed))) exercised.add(rule);
      }
    });
  });

  it('holds over every bundled upstream text and its mutations', () => {
    const library = upstreamLibrary();
    library.texts.forEach((upstream, u) => {
      const name = `Contributor Covenant ${upstream.entry.version} (${upstream.entry.language})`;
      for (const rule of checkFixes(name, upstream.body)) exercised.add(rule);
      for (let m = 0; m < MUTANTS_PER_UPSTREAM_TEXT; m++) {
        const seed = 100_000 + 100 * u + m;
        for (const rule of checkFixes(`${name} mutant ${seed}`, mutate(upstream.body, seed))) exercised.add(rule);
      }
    });
  });

  it('exercised the fixes of every rule it was written for', () => {
    assert.deepEqual(MUST_EXERCISE.filter((rule) => !exercised.has(rule)), [], `exercised only ${[...exercised].sort().join(', ')}`);
  });
});
