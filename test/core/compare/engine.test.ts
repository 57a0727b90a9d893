import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTexts } from '../../../server/src/core/compare/compare';
import { applyEdits } from '../../../server/src/core/compare/reflow';
import { boundedDiff, DiffBudget, foldShortEqualRuns } from '../../../server/src/core/compare/wordDiff';
import { comparedLike, compareWith } from '../../support/compare';
import { upstreamText } from '../../support/upstream';

/** The `##` sections of a Markdown body, each from its heading to the next. */
function level2Sections(body: string): { start: number; end: number; heading: string }[] {
  const starts = [...body.matchAll(/^## (.+)$/gm)].map((m) => ({ start: m.index, heading: m[1] }));
  return starts.map((s, i) => ({ ...s, end: i + 1 < starts.length ? starts[i + 1].start : body.length }));
}

describe('comparison engine', () => {
  const v21 = upstreamText('2.1');

  it('reports a section the policy moved as moved, and everything else identical', () => {
    const sections = level2Sections(v21.body);
    const [first, second] = [sections[2], sections[3]];
    const swapped = v21.body.slice(0, first.start) + v21.body.slice(second.start, second.end) + v21.body.slice(first.start, first.end) + v21.body.slice(second.end);
    const comparison = compareWith(v21, comparedLike(swapped, v21));
    // Swapping two neighbours is one move either way; the comparison names one of the two.
    const changed = comparison.sections.filter((s) => s.status !== 'identical');
    assert.equal(changed.length, 1, JSON.stringify(changed.map((s) => [s.status, s.heading])));
    assert.equal(changed[0].status, 'moved');
    assert.ok([first.heading, second.heading].includes(changed[0].heading));
    assert.equal(comparison.summary.wordsChanged, 0);
  });

  it('pairs a renamed section by its wording and reports the new heading as a wording change', () => {
    const scope = level2Sections(v21.body).find((s) => s.heading === 'Scope')!;
    const renamed = v21.body.slice(0, scope.start) + '## Where This Applies' + v21.body.slice(scope.start + '## Scope'.length);
    const comparison = compareWith(v21, comparedLike(renamed, v21));
    const section = comparison.sections.find((s) => s.heading === 'Where This Applies')!;
    assert.equal(section.pairedBy, 'wording');
    // Paired by wording, the section is known for the standard one it is.
    assert.equal(section.id, 'scope');
    assert.equal(section.upstreamHeading, 'Scope');
    assert.equal(section.status, 'modified');
    assert.deepEqual(section.changes.map((c) => [c.kind, c.text, c.upstreamText]), [['replace', 'Where This Applies', 'Scope']]);
    assert.equal(comparison.summary.removed + comparison.summary.added, 0);
  });

  it('shows a filled placeholder as a field, never as wording', () => {
    const filled = v21.body.replace('[INSERT CONTACT METHOD]', 'conduct@example.org');
    const comparison = compareWith(v21, comparedLike(filled, v21));
    assert.equal(comparison.summary.wordsChanged, 0);
    assert.equal(comparison.summary.modified, 0);
    const fields = comparison.sections.flatMap((s) => s.changes).filter((c) => c.kind === 'field');
    assert.deepEqual(fields.map((c) => [c.text, c.upstreamText]), [['conduct@example.org', '[INSERT CONTACT METHOD]']]);
    assert.equal(filled.slice(fields[0].policy.start, fields[0].policy.end), 'conduct@example.org');
  });

  it('treats words written in place of a placeholder as the field filled in', () => {
    const filled = v21.body.replace('[INSERT CONTACT METHOD]', 'the moderation team on our forum');
    const comparison = compareWith(v21, comparedLike(filled, v21));
    assert.equal(comparison.summary.wordsChanged, 0);
    assert.ok(comparison.sections.flatMap((s) => s.changes).some((c) => c.kind === 'field' && c.text === 'the moderation team on our forum'));
  });

  it('ignores bullets, emphasis, heading syntax and reference versus inline links', () => {
    const restyled = v21.body
      .replace(/^\* /gm, '- ')
      .replace(/\*\*([^*\n]+)\*\*/g, '__$1__')
      .replace(/^## (.+)$/gm, (_m, heading: string) => `${heading}\n${'-'.repeat(heading.length)}`);
    assert.notEqual(restyled, v21.body);
    const comparison = compareWith(v21, comparedLike(restyled, v21));
    assert.equal(comparison.summary.wordsChanged, 0);
    assert.equal(comparison.summary.modified + comparison.summary.added + comparison.summary.removed, 0);
  });

  it('gives ranges on both sides that hold exactly the changed words', () => {
    const sentence = 'Maintainers answer every report within a week.';
    const scope = level2Sections(v21.body).find((s) => s.heading === 'Scope')!;
    const edited = v21.body.slice(0, scope.end) + sentence + '\n\n' + v21.body.slice(scope.end);
    const comparison = compareWith(v21, comparedLike(edited, v21));
    const inserted = comparison.sections.flatMap((s) => s.changes).filter((c) => c.kind === 'insert');
    assert.equal(inserted.length, 1);
    assert.equal(edited.slice(inserted[0].policy.start, inserted[0].policy.end), sentence.slice(0, -1));
    assert.equal(inserted[0].upstream.start, inserted[0].upstream.end);
    assert.equal(comparison.summary.wordsChanged, 7);
  });

  it('falls back to a coarser diff, and says so, when the word diff exceeds its budget', () => {
    const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => `w${(i * seed) % 997}`);
    const a = words(7, 30_000);
    const b = words(13, 30_000);
    const groups = (n: number) => ({ a: Array.from({ length: n / 10 }, (_, i) => i * 10), b: Array.from({ length: n / 10 }, (_, i) => i * 10) });
    const result = boundedDiff(a, b, [groups(30_000)], new DiffBudget(5));
    assert.notEqual(result.level, 'word');
    // Whatever the level, the hunks still account for every token on both sides.
    const covered = (side: 'a' | 'b') => result.hunks.reduce((n, h) => n + h[side][1] - h[side][0], 0);
    assert.equal(covered('a') - result.hunks.filter((h) => h.kind === 'equal').reduce((n, h) => n + h.a[1] - h.a[0], 0) + result.hunks.filter((h) => h.kind === 'equal').reduce((n, h) => n + h.a[1] - h.a[0], 0), a.length);
    assert.equal(covered('b'), b.length);
  });

  it('reports the fallback in the comparison result', () => {
    const long = (v21.body + '\n\n').repeat(40);
    const shuffled = long.split('\n\n').reverse().join('\n\n');
    const comparison = compareTexts(comparedLike(long, v21), comparedLike(shuffled, v21), { budgetMs: 1 });
    assert.ok(comparison.fallback, 'a fallback is reported');
    assert.match(comparison.fallback.message, /within the time allowed/);
  });

  it('folds a one-word equal run caught between two deletions into one reworded phrase', () => {
    const a = 'we act not just kindly for us as individuals but always all'.split(' ');
    const b = 'we act kindly all'.split(' ');
    const raw = boundedDiff(a, b, [], new DiffBudget(100)).hunks;
    assert.ok(raw.filter((h) => h.kind !== 'equal').length >= 2, 'the raw diff keeps a word between two deletions');
    const folded = foldShortEqualRuns(raw);
    const changes = folded.filter((h) => h.kind !== 'equal');
    assert.deepEqual(changes.map((h) => [h.kind, a.slice(h.a[0], h.a[1]).join(' '), b.slice(h.b[0], h.b[1]).join(' ')]), [
      ['delete', 'not just kindly for us as individuals but always', ''],
      ['insert', '', 'kindly'],
    ]);
  });

  it('keeps an equal run longer than two words between changes', () => {
    const a = 'one two three four five six'.split(' ');
    const b = 'uno two three four cinq six'.split(' ');
    const raw = boundedDiff(a, b, [], new DiffBudget(100)).hunks;
    assert.deepEqual(foldShortEqualRuns(raw), raw);
  });

  it('applies edits in order and keeps the text between them', () => {
    assert.equal(applyEdits('abcdef', [{ span: { start: 1, end: 2 }, text: 'X' }, { span: { start: 4, end: 4 }, text: 'Y' }]), 'aXcdYef');
  });
});
