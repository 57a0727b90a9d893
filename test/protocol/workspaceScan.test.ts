import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { CHECK_FILES, FINISH_SCAN, POLICY_FILES, type CheckFilesResult, type PolicyFilesResult, type ScanSummary } from '../../server/src/workspaceProtocol';
import { upstreamLibrary, upstreamText } from '../support/upstream';
import { LspSession, PULL_CLIENT } from './harness';

const FOLDER = 'file:///project';
const PRIMARY = `${FOLDER}/CODE_OF_CONDUCT.md`;
const GERMAN = `${FOLDER}/CODE_OF_CONDUCT.de.md`;
const MISSPELLED = `${FOLDER}/docs/CODE_OF_CUNDUCT.md`;
const OWN = '# Lantern Club Code of Conduct\n\nReport problems to [INSERT CONTACT METHOD].\n';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('workspace scan over LSP', () => {
  let session: LspSession | undefined;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it('picks the policies, checks them as sent, and publishes findings, the misspelled name and the drift', async () => {
    const lsp = (session = await LspSession.start({ capabilities: PULL_CLIENT }));
    const picked = await lsp.client.sendRequest<PolicyFilesResult>(POLICY_FILES, { uris: [PRIMARY, GERMAN, MISSPELLED, `${FOLDER}/src/encode.md`] });
    assert.deepEqual(picked.uris, [PRIMARY, GERMAN, MISSPELLED]);
    const misspelled = lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === MISSPELLED && codes(p).includes('misspelled-file-name'));
    const drift = lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === GERMAN && codes(p).includes('translation-drift'));
    const checked = await lsp.client.sendRequest<CheckFilesResult>(CHECK_FILES, {
      folder: FOLDER,
      files: [
        { uri: PRIMARY, text: upstreamText('2.1').body },
        { uri: GERMAN, text: upstreamText('2.0', 'de').body },
        { uri: MISSPELLED, text: OWN },
      ],
    });
    assert.equal(checked.checked, 3);
    const summary = await lsp.client.sendRequest<ScanSummary>(FINISH_SCAN, { uris: picked.uris, complete: true });
    assert.deepEqual({ misspelled: summary.misspelled, drifted: summary.drifted, files: summary.files }, { misspelled: 1, drifted: 1, files: 3 });
    assert.ok(codes(await misspelled).includes('unfilled-placeholder'));
    assert.equal((await drift).diagnostics.find((d) => d.code === 'translation-drift')?.range.start.line, 0);

    // Opened, the file's own findings and name come from pulled diagnostics; the scan withdraws its copy.
    const withdrawn = lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === MISSPELLED && p.diagnostics.length === 0);
    await lsp.open(MISSPELLED, OWN);
    await withdrawn;
    const pulled = (await lsp.pullDiagnostics(MISSPELLED)).map((d) => d.code);
    assert.ok(pulled.includes('misspelled-file-name') && pulled.includes('unfilled-placeholder'), JSON.stringify(pulled));

    // Deleted on disk (or renamed away): cleared.
    const cleared = lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === GERMAN && p.diagnostics.length === 0);
    await lsp.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: GERMAN, type: FileChangeType.Deleted }] });
    await cleared;
  });
});
