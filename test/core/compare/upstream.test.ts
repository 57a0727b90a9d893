import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTexts, comparedUpstream } from '../../../server/src/core/compare/compare';
import { reflowBase } from '../../../server/src/core/compare/reflow';
import { comparedLike, compareWith, differing, unwrapParagraphs } from '../../support/compare';
import { upstreamLibrary } from '../../support/upstream';

const library = upstreamLibrary();

describe('comparison of upstream texts', () => {
  it('finds every catalogued text identical to itself, with no change of any kind', () => {
    for (const text of library.texts) {
      const comparison = compareWith(text, comparedLike(text.body, text));
      const label = `${text.entry.version} ${text.entry.language}`;
      assert.deepEqual(differing(comparison), [], label);
      assert.equal(comparison.summary.wordsChanged, 0, label);
      assert.equal(comparison.similarity, 1, label);
      assert.deepEqual(comparison.sections.flatMap((s) => s.changes), [], label);
    }
  });

  it('finds every catalogued text identical when its paragraphs are unwrapped to one line each', () => {
    let wrapped = 0;
    for (const text of library.texts) {
      const unwrapped = unwrapParagraphs(text.body);
      if (unwrapped !== text.body) wrapped++;
      const comparison = compareWith(text, comparedLike(unwrapped, text));
      assert.deepEqual(differing(comparison), [], `${text.entry.version} ${text.entry.language}`);
      assert.equal(comparison.summary.wordsChanged, 0);
    }
    // Most upstream texts wrap at 80 columns, so the test really joins lines.
    assert.ok(wrapped > library.texts.length / 2, `only ${wrapped} texts were wrapped`);
  });

  it('reflows a text compared with itself to exactly itself', () => {
    for (const text of library.texts) {
      const base = comparedUpstream(text, library);
      const same = comparedLike(text.body, text);
      assert.equal(reflowBase(compareTexts(base, same), base, same), text.body, `${text.entry.version} ${text.entry.language}`);
    }
  });
});
