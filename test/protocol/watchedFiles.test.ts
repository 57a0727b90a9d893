import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import { upstreamLibrary } from '../support/upstream';
import { LspSession, PULL_CLIENT } from './harness';

describe('files beside a policy', () => {
  let session: LspSession | undefined;
  let folder: string;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports a link to a missing file, and stops once the client says the file was created', async () => {
    folder = mkdtempSync(join(tmpdir(), 'conduct-watch-'));
    const policy = pathToFileURL(join(folder, 'CODE_OF_CONDUCT.md')).href;
    const lsp = (session = await LspSession.start({ capabilities: PULL_CLIENT }));
    await lsp.open(policy, '# Pebble Club Code of Conduct\n\nFor security problems, follow [our process](SECURITY.md).\n');
    const missing = (diagnostics: { code?: unknown }[]) => diagnostics.filter((d) => d.code === 'missing-link-target');
    assert.equal(missing(await lsp.pullDiagnostics(policy)).length, 1);

    writeFileSync(join(folder, 'SECURITY.md'), '# Security\n');
    const security = pathToFileURL(join(folder, 'SECURITY.md')).href;
    await lsp.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: security, type: FileChangeType.Created }] });
    await lsp.next('workspace/diagnostic/refresh');
    assert.deepEqual(missing(await lsp.pullDiagnostics(policy)), []);
  });
});
