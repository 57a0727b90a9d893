import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken } from 'vscode-languageserver';
import { documentInfo } from '../../server/src/providers/documentInfo';
import { upstreamText } from '../support/upstream';
import { BROKEN_LIBRARY, NOTES_URI, POLICY_URI, startCache, UNFILLED } from './fakeClient';

const NOT_A_POLICY = { policy: false, counts: { error: 0, warning: 0, information: 0, hint: 0 } };

describe('document info', () => {
  it('gives a policy\'s detected base and its findings per severity', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, upstreamText('2.1', 'de').body);
    const info = await documentInfo(cache, POLICY_URI, CancellationToken.None);
    assert.equal(info.policy, true);
    assert.deepEqual([info.base?.family, info.base?.version, info.base?.language], ['contributor-covenant', '2.1', 'de']);
    assert.ok(info.base && info.base.similarity > 0.9);
    assert.equal(info.counts.error, 1, 'the unfilled [KONTAKTMETHODE EINFÜGEN]');
    assert.equal(info.counts.information, 1, 'a newer version exists');
  });

  it('says a document that is not a policy is none, with no findings', async () => {
    const { client, cache } = startCache();
    client.open(NOTES_URI, UNFILLED);
    assert.deepEqual(await documentInfo(cache, NOTES_URI, CancellationToken.None), NOT_A_POLICY);
  });

  it('says a document that is not open is no policy', async () => {
    const { cache } = startCache();
    assert.deepEqual(await documentInfo(cache, POLICY_URI, CancellationToken.None), NOT_A_POLICY);
  });

  it('gives the empty answer when the request is cancelled', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, UNFILLED);
    assert.deepEqual(await documentInfo(cache, POLICY_URI, CancellationToken.Cancelled), NOT_A_POLICY);
  });

  it('gives the empty answer when the analysis fails', async () => {
    const { client, cache } = startCache(() => BROKEN_LIBRARY);
    client.open(POLICY_URI, UNFILLED);
    assert.deepEqual(await documentInfo(cache, POLICY_URI, CancellationToken.None), NOT_A_POLICY);
  });
});
