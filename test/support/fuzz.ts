// Property-based checks of the core (fast-check), shared by the small fixed-seed sample in
// the unit suite (test/core/fuzz.test.ts) and the long run (`npm run fuzz`, fuzzRun.ts).
// Inputs: random Markdown built from fragments of our own, and the seed policies, the corpus
// (../shared, read at run time) and the bundled upstream texts, each cut and spliced at random.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, type CheckResult, type Finding } from '../../server/src/core/index';
import { compareTexts, comparedText } from '../../server/src/core/compare/compare';
import type { RuleFix } from '../../server/src/core/rules/types';
import { PROJECT_ROOT, SEEDS_DIR, upstreamLibrary } from './upstream';

const CORPUS_DIR = resolve(PROJECT_ROOT, '../shared/corpus');

/** Texts to mutate: seeds, corpus files and upstream texts (absent folders are skipped). */
export function seedTexts(): { name: string; text: string }[] {
  const folder = (dir: string, label: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(md|txt|rst)$/.test(f) && f !== 'README.md').sort().map((f) => ({ name: `${label}/${f}`, text: readFileSync(join(dir, f), 'utf8') })) : []);
  const library = upstreamLibrary();
  return [
    ...folder(SEEDS_DIR, 'seeds'),
    ...folder(CORPUS_DIR, 'corpus'),
    ...library.texts.map((t) => ({ name: `upstream ${t.entry.version} ${t.entry.language}`, text: t.body })),
    ...library.families.map((t) => ({ name: `family ${t.entry.family} ${t.entry.version}`, text: t.body })),
  ];
}

// Words and marks a policy is made of, plus the characters that have tripped parsers before:
// bidi controls, zero-width and no-break spaces, look-alike letters, garbled UTF-8, emoji
// (surrogate pairs), lone surrogates, CR and tabs.
const WORDS = ['conduct', 'community', 'report', 'stewards', 'enforcement', 'warning', 'ban', 'pledge', 'respect', 'kind', 'the', 'we', 'and', 'to', 'of',
  '[your project]', '[contact address]', '[NAME]', 'stewards@example.org', 'https://example.org/conduct', '<conduct@example.org>', 'mailto:x@example.org',
  'Version 2.1', 'version 1.4', '**bold**', '_em_', '`code`', '[link](https://example.org)', '[ref][r]', '![img](a.png)', '\\*', '&amp;',
  '\u202E', '\u2066', '\u200B', '\u200C', '\u00A0', '\uFEFF', 'с', 'ο', '‑', '＃', 'Ã©', 'â€™', '😀', '\uD800', '\r', '\t', '—', 'é', 'ß', '日本'];
const BLOCKS = ['# ', '## ', '### ', '#### ', '- ', '* ', '1. ', '2) ', '> ', '> > ', '    ', '```\n', '~~~md\n', '---\n', '<!-- conduct-disable -->\n',
  '<!-- conduct-disable-next-line unfilled-placeholder -->\n', '[r]: https://example.org\n', '| a | b |\n|---|---|\n| ', '<div>', '\n', ''];

const word = fc.constantFrom(...WORDS);
const line = fc.tuple(fc.constantFrom(...BLOCKS), fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 14 }))
  .map(([block, words]) => block + words.join(' '));

/** Random Markdown: lines of blocks and words, joined by LF or CRLF, sometimes with a BOM. */
export const randomMarkdown: fc.Arbitrary<string> = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\n\n'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol));

type Mutation = (text: string, a: number, b: number, extra: string) => string;
const at = (text: string, r: number) => Math.floor(r * (text.length + 1));
const MUTATIONS: Mutation[] = [
  (t, a, b) => t.slice(0, Math.min(at(t, a), at(t, b))) + t.slice(Math.max(at(t, a), at(t, b))), // cut a slice
  (t, a, _b, x) => t.slice(0, at(t, a)) + x + t.slice(at(t, a)), // insert a fragment
  (t, a, b) => { const [s, e] = [Math.min(at(t, a), at(t, b)), Math.max(at(t, a), at(t, b))]; return t.slice(0, e) + t.slice(s, e) + t.slice(e); }, // repeat a slice
  (t, a) => t.slice(0, at(t, a)), // truncate
  (t) => t.replace(/\r?\n/g, '\r\n'), // CRLF everywhere
  (t, a, _b, x) => { const i = at(t, a); return t.slice(0, i) + x.slice(0, 1) + t.slice(i + 1); }, // replace one unit (may split a pair)
  (t, a, b) => { const lines = t.split('\n'); const i = Math.floor(a * lines.length); const j = Math.floor(b * lines.length); [lines[i], lines[j]] = [lines[j], lines[i]]; return lines.join('\n'); }, // swap lines
];

/** A seed, corpus or upstream text with one to four random mutations. */
export function mutatedSeeds(seeds: { text: string }[]): fc.Arbitrary<string> {
  const mutation = fc.tuple(fc.nat(MUTATIONS.length - 1), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), line);
  return fc.tuple(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([index, mutations]) => mutations.reduce((text, [m, a, b, extra]) => MUTATIONS[m](text, a, b, extra), seeds[index].text));
}

/** Every document either source gives, half and half. */
export function fuzzDocuments(seeds: { text: string }[]): fc.Arbitrary<string> {
  return fc.oneof(randomMarkdown, mutatedSeeds(seeds));
}

/**
 * Why a fix does not apply cleanly, or undefined: its span must lie inside the text and not
 * split a surrogate pair or a CRLF; applied as an editor applies it (line/character edit) it
 * must change exactly its span, and the inverse edit must give back the original bytes.
 */
export function fixProblem(text: string, fix: RuleFix): string | undefined {
  const { start, end } = fix.span;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) return `span ${start}–${end} outside 0–${text.length}`;
  const splits = (i: number) => i > 0 && i < text.length && ((/[\uD800-\uDBFF]/.test(text[i - 1]) && /[\uDC00-\uDFFF]/.test(text[i])) || (text[i - 1] === '\r' && text[i] === '\n'));
  if (splits(start) || splits(end)) return `span ${start}–${end} splits a surrogate pair or a CRLF`;
  if (text.slice(start, end) === fix.text) return `fix at ${start}–${end} changes nothing`;
  const before = TextDocument.create('file:///fuzz.md', 'markdown', 1, text);
  const range = { start: before.positionAt(start), end: before.positionAt(end) };
  const fixed = TextDocument.applyEdits(before, [{ range, newText: fix.text }]);
  if (fixed.slice(0, start) !== text.slice(0, start)) return `fix at ${start}–${end} changed text before its span`;
  if (fixed.slice(start + fix.text.length) !== text.slice(end)) return `fix at ${start}–${end} changed text after its span`;
  const after = TextDocument.create('file:///fuzz.md', 'markdown', 2, fixed);
  const inverse = { start: after.positionAt(start), end: after.positionAt(start + fix.text.length) };
  const undone = TextDocument.applyEdits(after, [{ range: inverse, newText: text.slice(start, end) }]);
  if (!Buffer.from(undone, 'utf8').equals(Buffer.from(text, 'utf8')) || undone !== text) return `undoing the fix at ${start}–${end} does not restore the original`;
  return undefined;
}

const comparable = (r: CheckResult) => JSON.stringify({ base: r.base && { family: r.base.family, version: r.base.version, language: r.base.language }, findings: r.findings, blocks: r.blocks });

/** Every property broken by one document, as readable lines; empty when all hold. */
export function propertyFailures(text: string): string[] {
  const library = upstreamLibrary();
  const failures: string[] = [];
  let first: CheckResult;
  try {
    first = checkText(text, library, {}, (rule, error) => failures.push(`rule ${rule.id} threw: ${(error as Error)?.message ?? error}`));
  } catch (error) {
    return [`checkText threw: ${(error as Error)?.stack ?? error}`];
  }
  for (const f of first.findings) {
    if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) failures.push(`${f.rule}: range ${f.span.start}–${f.span.end} outside 0–${text.length}`);
  }
  const second = checkText(text, library);
  if (comparable(first) !== comparable(second)) failures.push('two checks of the same text differ');
  for (const f of first.findings as Finding[]) {
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.fixes ?? [])]) {
      const problem = fixProblem(text, fix);
      if (problem) failures.push(`${f.rule}: ${problem}`);
    }
  }
  if (first.doc) {
    try {
      const self = comparedText(first.doc, library);
      const comparison = compareTexts(self, self);
      const changed = comparison.sections.filter((s) => s.status !== 'identical');
      if (comparison.similarity !== 1 || changed.length) failures.push(`comparing the text with itself: similarity ${comparison.similarity}, ${changed.length} sections not identical`);
    } catch (error) {
      failures.push(`compareTexts threw: ${(error as Error)?.message ?? error}`);
    }
  }
  return failures;
}
