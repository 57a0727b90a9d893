import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, type ClientCapabilities, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsProvider } from '../../server/src/providers/diagnostics';
import { documentInfo } from '../../server/src/providers/documentInfo';
import { markAsPolicy } from '../../server/src/providers/markAsPolicy';
import { NOTES_URI, startCache, UNFILLED } from './fakeClient';

function start(capabilities: ClientCapabilities) {
  const { client, cache } = startCache();
  const diagnostics = new DiagnosticsProvider(client.connection, cache);
  diagnostics.configure(capabilities);
  client.open(NOTES_URI, UNFILLED);
  return { client, cache, diagnostics };
}

describe('mark as policy', () => {
  it('checks a file with any name once marked, counts its findings and asks a pulling client to pull again', async () => {
    const { client, cache, diagnostics } = start({ textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } });
    assert.equal((await documentInfo(cache, NOTES_URI, CancellationToken.None)).policy, false);
    const result = await markAsPolicy(cache, diagnostics, NOTES_URI, CancellationToken.None);
    assert.equal(result.findings, (await diagnostics.diagnose(NOTES_URI, CancellationToken.None)).length);
    assert.ok(result.findings > 0);
    assert.equal(client.all('workspace/diagnostic/refresh').length, 1);
  });

  it('has pushed the marked document\'s diagnostics by the time it answers a client that cannot pull', async () => {
    const { client, cache, diagnostics } = start({});
    const result = await markAsPolicy(cache, diagnostics, NOTES_URI, CancellationToken.None);
    const pushed = client.all<PublishDiagnosticsParams>('textDocument/publishDiagnostics');
    assert.deepEqual(pushed.map((p) => [p.uri, p.diagnostics.length]), [[NOTES_URI, result.findings]]);
  });

  it('still marks the document and pushes its diagnostics when the request is cancelled, and counts none', async () => {
    const { client, cache, diagnostics } = start({});
    assert.deepEqual(await markAsPolicy(cache, diagnostics, NOTES_URI, CancellationToken.Cancelled), { findings: 0 });
    assert.equal((await documentInfo(cache, NOTES_URI, CancellationToken.None)).policy, true);
    assert.ok(client.all<PublishDiagnosticsParams>('textDocument/publishDiagnostics')[0].diagnostics.length > 0);
  });
});
