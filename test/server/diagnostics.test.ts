import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, DiagnosticSeverity, DocumentDiagnosticReportKind, type ClientCapabilities, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsProvider, PUSH_DELAY_MS } from '../../server/src/providers/diagnostics';
import { ruleDocsUrl } from '../../server/src/ruleDocs';
import { BROKEN_LIBRARY, drain, FILLED, GARBLED, initializeParams, NOTES_URI, POLICY_URI, startCache, UNFILLED } from './fakeClient';

const PULL: ClientCapabilities = { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } };
const PUSH: ClientCapabilities = { textDocument: { publishDiagnostics: { versionSupport: true } } };
const none = CancellationToken.None;

function start(capabilities: ClientCapabilities, loadLibrary?: Parameters<typeof startCache>[0]) {
  const { client, cache } = startCache(loadLibrary);
  const provider = new DiagnosticsProvider(client.connection, cache);
  const announced = provider.configure(capabilities);
  return { client, cache, provider, announced };
}

describe('diagnostics', () => {
  it('reports an unfilled placeholder as an error with its rule id, docs link and range', async () => {
    const { client, provider } = start(PULL);
    client.open(POLICY_URI, UNFILLED);
    const placeholder = (await provider.diagnose(POLICY_URI, none)).find((d) => d.code === 'unfilled-placeholder');
    assert.ok(placeholder);
    const { message, ...rest } = placeholder;
    assert.match(message, /\[INSERT CONTACT METHOD\]/);
    assert.deepEqual(rest, {
      range: { start: { line: 2, character: 26 }, end: { line: 2, character: 49 } },
      severity: DiagnosticSeverity.Error,
      source: 'conduct',
      code: 'unfilled-placeholder',
      codeDescription: { href: ruleDocsUrl('unfilled-placeholder') },
    });
  });

  it('carries a fixable finding\'s edit and the version it was computed on', async () => {
    const { client, provider } = start(PULL);
    client.open(POLICY_URI, 'x');
    client.change(POLICY_URI, GARBLED);
    const mojibake = (await provider.diagnose(POLICY_URI, none)).find((d) => d.code === 'mojibake');
    assert.deepEqual(mojibake?.data, { fix: { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } }, newText: '©' }, version: 2 });
  });

  it('reports nothing for a document that is not a policy', async () => {
    const { client, provider } = start(PULL);
    client.open(NOTES_URI, UNFILLED);
    assert.deepEqual(await provider.diagnose(NOTES_URI, none), []);
  });

  it('reports nothing when the request is cancelled', async () => {
    const { client, provider } = start(PULL);
    client.open(POLICY_URI, UNFILLED);
    assert.deepEqual(await provider.diagnose(POLICY_URI, CancellationToken.Cancelled), []);
  });

  it('answers a failed check with an empty report and logs the cause once', async () => {
    const { client, provider } = start(PULL, () => BROKEN_LIBRARY);
    client.open(POLICY_URI, UNFILLED);
    assert.deepEqual(await provider.report(POLICY_URI, none), { kind: DocumentDiagnosticReportKind.Full, items: [] });
    assert.deepEqual(await provider.report(POLICY_URI, none), { kind: DocumentDiagnosticReportKind.Full, items: [] });
    const logged = client.all<string>('console/error');
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^Checking file:\/\/\/w\/CODE_OF_CONDUCT\.md failed: Error: the library is broken/);
  });

  it('logs the settings problems met while pulling a report as warnings', async () => {
    const { client, cache, provider } = start(PULL);
    cache.configure(initializeParams({ capabilities: { workspace: { configuration: true } } }));
    client.settings = () => ({ maxFileLength: -1 });
    client.open(POLICY_URI, UNFILLED);
    const report = await provider.report(POLICY_URI, none);
    assert.ok(report.kind === DocumentDiagnosticReportKind.Full && report.items.length > 0);
    assert.deepEqual(client.all('console/warn'), ['conduct.maxFileLength: expected a positive number; using the default.']);
  });

  describe('to a client that pulls', () => {
    it('announces a diagnostic provider for single documents', () => {
      assert.deepEqual(start(PULL).announced, { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } });
    });

    it('never pushes, on change or on close', async () => {
      const { client, provider } = start(PULL);
      client.open(POLICY_URI, UNFILLED);
      provider.didChange(POLICY_URI);
      client.close(POLICY_URI);
      provider.didClose(POLICY_URI);
      await drain();
      assert.deepEqual(client.all('textDocument/publishDiagnostics'), []);
    });

    it('asks the client to pull again on refresh and on a document update', async () => {
      const { client, provider } = start(PULL);
      client.open(POLICY_URI, UNFILLED);
      await provider.refresh();
      await provider.update(POLICY_URI);
      assert.equal(client.all('workspace/diagnostic/refresh').length, 2);
    });

    it('sends no refresh request to a client that did not declare refreshSupport', async () => {
      const { client, provider } = start({ textDocument: { diagnostic: {} } });
      await provider.refresh();
      assert.deepEqual(client.sent, []);
    });

    it('goes on when the client refuses the refresh request', async () => {
      const { client, provider } = start(PULL);
      client.refuseRequests = true;
      await provider.refresh();
      await drain();
      assert.equal(client.all('workspace/diagnostic/refresh').length, 1);
    });
  });

  describe('to a client that cannot pull', () => {
    it('announces no diagnostic provider', () => {
      assert.deepEqual(start(PUSH).announced, {});
    });

    it('pushes a changed document\'s diagnostics with the version they were computed on', async () => {
      const { client, provider } = start(PUSH);
      client.open(POLICY_URI, FILLED);
      client.change(POLICY_URI, UNFILLED);
      provider.didChange(POLICY_URI);
      const pushed = await client.nth<PublishDiagnosticsParams>('textDocument/publishDiagnostics');
      assert.equal(pushed.uri, POLICY_URI);
      assert.equal(pushed.version, 2);
      assert.ok(pushed.diagnostics.some((d) => d.code === 'unfilled-placeholder'));
    });

    it('pushes once for a burst of changes, with the last version\'s findings', async () => {
      const { client, provider } = start(PUSH);
      client.open(POLICY_URI, FILLED);
      for (let i = 0; i < 10; i++) {
        client.change(POLICY_URI, i % 2 ? FILLED : UNFILLED);
        provider.didChange(POLICY_URI);
      }
      const pushed = await client.nth<PublishDiagnosticsParams>('textDocument/publishDiagnostics');
      assert.equal(pushed.version, 11);
      assert.ok(!pushed.diagnostics.some((d) => d.code === 'unfilled-placeholder'), 'version 11 has the contact filled');
      // Longer than the push delay: a second push would have come by now.
      await new Promise((resolve) => setTimeout(resolve, 3 * PUSH_DELAY_MS));
      assert.equal(client.all('textDocument/publishDiagnostics').length, 1);
    });

    it('drops a waiting push when the document closes, and only clears it', async () => {
      const { client, provider } = start(PUSH);
      client.open(POLICY_URI, UNFILLED);
      provider.didChange(POLICY_URI);
      client.close(POLICY_URI);
      provider.didClose(POLICY_URI);
      await new Promise((resolve) => setTimeout(resolve, 3 * PUSH_DELAY_MS));
      assert.deepEqual(client.all('textDocument/publishDiagnostics'), [{ uri: POLICY_URI, diagnostics: [] }]);
    });

    it('clears a document\'s diagnostics when it closes', async () => {
      const { client, provider } = start(PUSH);
      client.open(POLICY_URI, UNFILLED);
      client.close(POLICY_URI);
      provider.didClose(POLICY_URI);
      assert.deepEqual(await client.nth('textDocument/publishDiagnostics'), { uri: POLICY_URI, diagnostics: [] });
    });

    it('pushes every open document on refresh, and one document on update', async () => {
      const { client, provider } = start(PUSH);
      client.open(POLICY_URI, UNFILLED);
      client.open(NOTES_URI, UNFILLED);
      await provider.refresh();
      await provider.update(NOTES_URI);
      const pushed = client.all<PublishDiagnosticsParams>('textDocument/publishDiagnostics');
      assert.deepEqual(pushed.map((p) => [p.uri, p.diagnostics.length > 0]), [[POLICY_URI, true], [NOTES_URI, false], [NOTES_URI, false]]);
      assert.deepEqual(client.all('workspace/diagnostic/refresh'), []);
    });
  });
});
