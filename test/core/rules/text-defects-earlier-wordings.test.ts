import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/core/index';
import { duplicateParagraph } from '../../../server/src/core/rules/duplicate-paragraph';
import { lookalikeCharacters } from '../../../server/src/core/rules/lookalike-characters';
import { markdownRendering } from '../../../server/src/core/rules/markdown-rendering';
import { strayContent } from '../../../server/src/core/rules/stray-content';
import { vandalism } from '../../../server/src/core/rules/vandalism';
import { context, UNKNOWN_BASE } from '../../support/rules';
import { upstreamLibrary } from '../../support/upstream';

const RULES = [strayContent, vandalism, lookalikeCharacters, markdownRendering, duplicateParagraph];

upstreamLibrary();

describe('residue, character, rendering and repeat rules over every earlier upstream wording', () => {
  it('find only real defects: the Macedonian 1.4 title\'s Latin letters and the zero-width spaces of early Dutch 2.0 wordings', () => {
    const found = new Map<string, number>();
    for (const t of upstreamLibrary().revisions) {
      const ctx = context(t.body, {}, UNKNOWN_BASE);
      const lines = new LineIndex(t.body);
      for (const rule of RULES) {
        for (const f of rule.check(ctx)) {
          const key = `${t.entry.version} ${t.entry.language} line ${lines.positionAt(f.span.start).line + 1} ${rule.id} ${JSON.stringify(t.body.slice(f.span.start, f.span.end))}`;
          found.set(key, (found.get(key) ?? 0) + 1);
        }
      }
    }
    // Each key counts the earlier wordings that carry it.
    assert.deepEqual([...found].sort(), [
      ['1.4 mk line 1 lookalike-characters "K"', 2],
      ['1.4 mk line 1 lookalike-characters "O"', 2],
      ['2.0 nl line 12 lookalike-characters "\u200B\u200B"', 4],
      ['2.0 nl line 55 lookalike-characters "\u200B\u200B"', 4],
      ['2.0 nl line 68 lookalike-characters "\u200B\u200B"', 4],
    ]);
  });
});
