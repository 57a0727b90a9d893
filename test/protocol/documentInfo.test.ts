import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { DOCUMENT_INFO, type DocumentInfo } from '../../server/src/protocol';
import { upstreamLibrary, upstreamText } from '../support/upstream';
import { LspSession, PULL_CLIENT } from './harness';

describe('conduct/documentInfo', () => {
  let session: LspSession | undefined;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it('gives a policy\'s detected base and its findings per severity, and says when a file is not a policy', async () => {
    const lsp = (session = await LspSession.start({ capabilities: PULL_CLIENT }));
    const policy = 'file:///w/CODE_OF_CONDUCT.md';
    await lsp.open(policy, upstreamText('2.1', 'de').body);
    const info = await lsp.client.sendRequest<DocumentInfo>(DOCUMENT_INFO, { uri: policy });
    assert.equal(info.policy, true);
    assert.deepEqual([info.base?.family, info.base?.version, info.base?.language], ['contributor-covenant', '2.1', 'de']);
    assert.equal(info.counts.error, 1, 'the unfilled [KONTAKTMETHODE EINFÜGEN]');
    assert.equal(info.counts.information, 1, 'a newer version exists');

    await lsp.open('file:///w/notes.md', '# Notes\n');
    assert.deepEqual(await lsp.client.sendRequest<DocumentInfo>(DOCUMENT_INFO, { uri: 'file:///w/notes.md' }), { policy: false, counts: { error: 0, warning: 0, information: 0, hint: 0 } });
  });
});
