// A small fixed-seed sample of the fuzz properties (test/support/fuzz.ts): no throw, every
// range inside the document, deterministic findings, every fix applies cleanly and undoes
// byte for byte, and a text compared with itself is identical. `npm run fuzz` runs the
// same properties over 100,000 documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixProblem, mutatedSeeds, propertyFailures, randomMarkdown, seedTexts } from '../support/fuzz';

const SEED = 20261130;

describe('fuzz sample (fixed seed)', () => {
  it('random Markdown: no throw, ranges inside, deterministic, clean undoable fixes, identical to itself', () => {
    fc.assert(fc.property(randomMarkdown, (text) => assert.deepEqual(propertyFailures(text), [])), { seed: SEED, numRuns: 150, includeErrorInReport: true });
  });

  it('mutated seeds, corpus files and upstream texts: the same properties', () => {
    const seeds = seedTexts();
    assert.ok(seeds.length >= 95, `only ${seeds.length} texts to mutate`);
    fc.assert(fc.property(mutatedSeeds(seeds), (text) => assert.deepEqual(propertyFailures(text), [])), { seed: SEED, numRuns: 40, includeErrorInReport: true });
  });

  it('the fix check itself rejects a fix that splits a CRLF, changes nothing, or lies outside the text', () => {
    assert.match(fixProblem('a\r\nb', { span: { start: 2, end: 3 }, text: '' }) ?? '', /splits a surrogate pair or a CRLF/);
    assert.match(fixProblem('a😀b', { span: { start: 2, end: 3 }, text: 'x' }) ?? '', /splits a surrogate pair/);
    assert.match(fixProblem('abc', { span: { start: 1, end: 2 }, text: 'b' }) ?? '', /changes nothing/);
    assert.match(fixProblem('abc', { span: { start: 2, end: 9 }, text: '' }) ?? '', /outside/);
    assert.equal(fixProblem('a\r\nb', { span: { start: 1, end: 3 }, text: '\n' }), undefined);
  });
});
