import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/index';
import { comparePolicyWithUpstream, detectedText } from '../../../server/src/core/compare/index';
import { comparedLike, compareWith, differing } from '../../support/compare';
import { PROJECT_ROOT, upstreamLibrary } from '../../support/upstream';

const library = upstreamLibrary();
const CORPUS = resolve(PROJECT_ROOT, '../shared/corpus');

describe('comparison over the real policies of ../shared/corpus', () => {
  it('compares every Covenant-based policy with its detected base, and the reflowed base has exactly the base wording', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.(md|txt|rst)$/.test(f) && f !== 'README.md');
    assert.ok(files.length >= 30, `${files.length} corpus files`);
    let compared = 0;
    for (const file of files) {
      const analysis = checkText(readFileSync(join(CORPUS, file), 'utf8'), library);
      // A pointer adopts the Covenant by reference, and a translation known only by the version
      // its title claims may have no upstream text in its language (3.0 in French): neither
      // has an upstream text to compare with until the user picks one.
      if (!analysis.doc || analysis.base?.family !== 'contributor-covenant' || analysis.base.kind === 'pointer' || !detectedText(library, analysis.base)) continue;
      const result = comparePolicyWithUpstream(analysis.doc, library, analysis.base);
      assert.ok(result, file);
      const base = detectedText(library, analysis.base)!;
      const again = compareWith(base, comparedLike(result.reflowed, base));
      assert.equal(again.summary.wordsChanged, 0, `${file}: ${differing(again).join('; ')}`);
      // Every change's range lies inside the policy.
      for (const change of result.comparison.sections.flatMap((s) => s.changes)) {
        assert.ok(change.policy.start <= change.policy.end && change.policy.end <= analysis.doc.text.length, file);
      }
      compared++;
    }
    assert.ok(compared >= 25, `${compared} policies compared`);
  });
});
