import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/core/index';
import { fromTransferable, toTransferable } from '../../server/src/offThreadProtocol';
import { upstreamLibrary, upstreamText } from '../support/upstream';

describe('a large policy\'s result crossing from the analysis worker', () => {
  const library = upstreamLibrary();

  it('survives a structured clone with its findings intact and its detection pointing at this thread\'s own upstream text again', () => {
    const text = `${upstreamText('2.0').body}\n\n## Lantern note\n\nThe stewards answer within a week.\n`;
    const result = checkText(text, library);
    assert.ok(result.base?.source, 'detection chose an upstream text');
    // What postMessage does to the message: anything that is not plain data would throw or be lost here.
    const crossed = fromTransferable(structuredClone(toTransferable(result)), library);
    assert.deepEqual(crossed.findings, result.findings);
    assert.equal(crossed.base?.source, result.base.source, 'the same object as the library holds, not a copy');
    assert.equal(crossed.base?.version, '2.0');
    assert.equal(crossed.doc, undefined, 'the parsed document stays behind');
  });

  it('re-points an earlier wording to the library\'s own revision text', () => {
    const revision = library.revisions.find((r) => r.entry.version === '1.4' && r.entry.language === 'en');
    assert.ok(revision);
    const result = checkText(revision.body, library);
    assert.equal(result.base?.source, revision);
    const crossed = fromTransferable(structuredClone(toTransferable(result)), library);
    assert.equal(crossed.base?.source, revision);
  });
});
