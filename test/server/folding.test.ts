import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken } from 'vscode-languageserver';
import { provideFoldingRanges } from '../../server/src/providers/folding';
import { BROKEN_LIBRARY, NOTES_URI, POLICY_URI, startCache } from './fakeClient';

const POLICY = '# Pebble Club Rules\n\n## Why\n\nEveryone is welcome here.\n\n## Empty\n## What the stewards may do\n\n### 1. Correction\n\nA word.\n\n### 2. Warning\n\nA note.\n';

async function folding(text: string, { uri = POLICY_URI, token = CancellationToken.None, loadLibrary = undefined as Parameters<typeof startCache>[0] } = {}) {
  const { client, cache } = startCache(loadLibrary);
  client.open(uri, text);
  return { client, result: await provideFoldingRanges(cache, { textDocument: { uri } }, token) };
}

describe('folding ranges', () => {
  it('folds each section and rung from its heading to its last line with text, and skips a heading with nothing under it', async () => {
    const { result } = await folding(POLICY);
    assert.deepEqual(result, [
      { startLine: 0, endLine: 15 },
      { startLine: 2, endLine: 4 },
      { startLine: 7, endLine: 15 },
      { startLine: 9, endLine: 11 },
      { startLine: 13, endLine: 15 },
    ]);
  });

  it('gives nothing for a document that is not a policy or a cancelled request', async () => {
    assert.equal((await folding(POLICY, { uri: NOTES_URI })).result, null);
    assert.equal((await folding(POLICY, { token: CancellationToken.Cancelled })).result, null);
  });

  it('gives nothing when the analysis fails, and logs the cause', async () => {
    const { client, result } = await folding(POLICY, { loadLibrary: () => BROKEN_LIBRARY });
    assert.equal(result, null);
    assert.match(client.all<string>('console/error').join('\n'), /^Folding ranges failed: Error: the library is broken/);
  });
});
