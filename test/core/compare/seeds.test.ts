import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTexts, comparedUpstream } from '../../../server/src/core/compare/compare';
import { reflowBase } from '../../../server/src/core/compare/reflow';
import { comparedLike, comparedPolicy, compareWith, differing } from '../../support/compare';
import { seed, upstreamText, upstreamLibrary } from '../../support/upstream';

const library = upstreamLibrary();
const WORDING = new Set(['insert', 'delete', 'replace']);

describe('comparison of the seed policies', () => {
  it('003 against 2.0: every section identical or at least 97% similar; only the contact (a field), link targets and the split paragraph differ', () => {
    const comparison = compareWith(upstreamText('2.0'), comparedPolicy(seed('003')));
    for (const section of comparison.sections) {
      assert.ok(section.status === 'identical' || (section.status === 'modified' && section.similarity >= 0.97), `${section.status} ${section.id} ${section.similarity}`);
    }
    const changes = comparison.sections.flatMap((s) => s.changes);
    assert.deepEqual(changes.filter((c) => WORDING.has(c.kind)), []);
    assert.ok(changes.some((c) => c.kind === 'field' && c.upstreamText === '[INSERT CONTACT METHOD]' && c.text.includes('@')), 'the filled contact is a field');
    assert.ok(changes.some((c) => c.kind === 'link' && c.text === '#'), 'the "(#)" link target shows');
    assert.ok(changes.some((c) => c.kind === 'field' && c.text.includes('\\_')), 'the double-escaped URL shows as a differing value');
    const split = changes.filter((c) => c.kind === 'formatting');
    assert.equal(split.length, 1, 'the paragraph split mid-sentence is formatting');
    assert.equal(comparison.summary.wordsChanged, 0);
  });

  it('002 against 2.1: the replaced reporting part of Enforcement is modified, the AI/ML section added, nothing removed', () => {
    const comparison = compareWith(upstreamText('2.1'), comparedPolicy(seed('002')));
    const enforcement = comparison.sections.find((s) => s.id === 'enforcement')!;
    assert.equal(enforcement.status, 'modified');
    assert.ok(enforcement.changes.some((c) => c.kind === 'replace' && c.upstreamText.includes('[INSERT CONTACT METHOD]')));
    const added = comparison.sections.filter((s) => s.status === 'added');
    assert.deepEqual(added.map((s) => s.heading), ['AI and ML Specific Guidelines'], 'its subsections belong to it');
    assert.equal(comparison.summary.removed, 0);
    assert.equal(comparison.summary.moved, 0);
  });

  it('004 (plain text) against 2.1: every standard section aligned, none removed, and the wording changes are its own edits', () => {
    const comparison = compareWith(upstreamText('2.1'), comparedPolicy(seed('004')));
    assert.equal(comparison.summary.removed, 0);
    const ids = new Set(comparison.sections.filter((s) => s.pairedBy === 'key').map((s) => s.id));
    for (const id of ['pledge', 'standards', 'enforcement-responsibilities', 'scope', 'enforcement', 'enforcement-guidelines', 'attribution', 'rung:correction', 'rung:warning', 'rung:temporary-ban', 'rung:permanent-ban']) {
      assert.ok(ids.has(id), `${id} is aligned`);
    }
    const wording = comparison.sections.flatMap((s) => s.changes).filter((c) => WORDING.has(c.kind));
    // No change is an artefact of the PDF text: each one's two sides differ in words.
    for (const change of wording) assert.notEqual(change.text.toLowerCase(), change.upstreamText.toLowerCase());
    const oneWord = wording.filter((c) => c.kind === 'replace' && !/\s/.test(c.text) && !/\s/.test(c.upstreamText));
    assert.ok(oneWord.length >= 5);
    assert.ok(oneWord.every((c) => c.text === 'stewards' && c.upstreamText === 'leaders'), JSON.stringify(oneWord.map((c) => [c.text, c.upstreamText])));
    assert.equal(comparison.summary.wordsChanged, comparison.sections.reduce((n, s) => n + s.wordsChanged, 0));
  });

  it('001 compared with 003: the sections both have are aligned by their canonical ids', () => {
    const a = comparedPolicy(seed('003'));
    const b = comparedPolicy(seed('001'));
    const comparison = compareTexts(a, b);
    const ids = (units: typeof a.units) => new Set(units.map((u) => u.key).filter(Boolean));
    const common = [...ids(a.units)].filter((key) => ids(b.units).has(key));
    assert.ok(common.length >= 8, common.join());
    for (const key of common) {
      const id = key!.replace(/^section:/, '');
      assert.ok(comparison.sections.some((s) => s.id === id && s.pairedBy === 'key' && s.upstream && s.policy), `${id} is aligned`);
    }
  });

  for (const [number, version] of [['001', '2.0'], ['002', '2.1'], ['003', '2.0'], ['004', '2.1']]) {
    it(`${number}: the upstream text reflowed to its layout has upstream's wording exactly`, () => {
      const upstream = upstreamText(version);
      const base = comparedUpstream(upstream, library);
      const policy = comparedPolicy(seed(number));
      const left = reflowBase(compareTexts(base, policy), base, policy);
      const again = compareWith(upstream, comparedLike(left, upstream));
      assert.equal(again.summary.wordsChanged, 0, differing(again).join('; '));
      assert.equal(again.summary.added + again.summary.removed + again.summary.modified, 0, differing(again).join('; '));
    });
  }
});
