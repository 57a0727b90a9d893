import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationToken, CancellationTokenSource, CodeActionKind, FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideCodeActions } from '../../server/src/providers/codeActions';
import { DiagnosticsProvider } from '../../server/src/providers/diagnostics';
import { renameFileFixes } from '../../server/src/providers/renameFile';
import { WorkspaceScan } from '../../server/src/providers/workspaceScan';
import { upstreamText } from '../support/upstream';
import { startCache, UNFILLED } from './fakeClient';

const none = CancellationToken.None;
const FOLDER = 'file:///w';
const PRIMARY = `${FOLDER}/CODE_OF_CONDUCT.md`;
const GERMAN = `${FOLDER}/CODE_OF_CONDUCT.de.md`;
const MISSPELLED = `${FOLDER}/docs/CCODE_OF_CONDUCT.md`;

function start() {
  const { client, cache } = startCache();
  return { client, cache, scan: new WorkspaceScan(client.connection, cache) };
}

/** The diagnostics last published for `uri`. */
function published(client: ReturnType<typeof startCache>['client'], uri: string): Diagnostic[] | undefined {
  return client.all<PublishDiagnosticsParams>('textDocument/publishDiagnostics').filter((p) => p.uri === uri).at(-1)?.diagnostics;
}

const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => d.code);

async function scanThree(scan: WorkspaceScan) {
  const files = [
    { uri: PRIMARY, text: upstreamText('2.1').body },
    { uri: GERMAN, text: upstreamText('2.0', 'de').body },
    { uri: MISSPELLED, text: UNFILLED },
  ];
  await scan.checkFiles({ folder: FOLDER, files }, none);
  return scan.finish({ uris: files.map((f) => f.uri), complete: true });
}

describe('workspace scan', () => {
  it('picks the policies among listed files: conventional and misspelled names, not other Markdown', async () => {
    const { scan } = start();
    const { uris } = await scan.policyFiles({ uris: [PRIMARY, `${FOLDER}/README.md`, MISSPELLED, `${FOLDER}/CODE_OF_CONDUCT.md.txt`] }, none);
    assert.deepEqual(uris, [PRIMARY, MISSPELLED, `${FOLDER}/CODE_OF_CONDUCT.md.txt`]);
  });

  it('publishes the findings of files that are not open, and the misspelled name and drifted translation on their files', async () => {
    const { client, scan } = start();
    const summary = await scanThree(scan);
    assert.deepEqual(summary.misspelled, 1);
    assert.deepEqual(summary.drifted, 1);
    assert.equal(summary.files, 3);
    const misspelled = published(client, MISSPELLED)!;
    assert.ok(codes(misspelled).includes('unfilled-placeholder'), JSON.stringify(codes(misspelled)));
    const name = misspelled.find((d) => d.code === 'misspelled-file-name')!;
    assert.deepEqual(name.range, { start: { line: 0, character: 0 }, end: { line: 0, character: '# Code of Conduct'.length } });
    assert.deepEqual(name.data, { rename: { oldUri: MISSPELLED, newUri: `${FOLDER}/docs/CODE_OF_CONDUCT.md` } });
    const drift = published(client, GERMAN)!.filter((d) => d.code === 'translation-drift');
    assert.equal(drift.length, 1);
    assert.match(drift[0].message, /Contributor Covenant 2\.0, but the primary policy CODE_OF_CONDUCT\.md follows Contributor Covenant 2\.1/);
    assert.deepEqual(codes(published(client, PRIMARY)).filter((c) => c === 'translation-drift' || c === 'misspelled-file-name'), []);
    assert.equal(summary.findings, [PRIMARY, GERMAN, MISSPELLED].reduce((n, uri) => n + published(client, uri)!.length, 0));
  });

  it('leaves an open file\'s own findings to the pulled diagnostics, and publishes them again when it closes', async () => {
    const { client, scan } = start();
    const folder = mkdtempSync(join(tmpdir(), 'conduct-scan-'));
    writeFileSync(join(folder, 'CCODE_OF_CONDUCT.md'), UNFILLED);
    const uri = pathToFileURL(join(folder, 'CCODE_OF_CONDUCT.md')).href;
    client.open(uri, UNFILLED);
    await scan.checkFiles({ folder: pathToFileURL(folder).href, files: [{ uri, text: UNFILLED }] }, none);
    scan.finish({ uris: [uri], complete: true });
    // The name finding of an open file comes with its pulled diagnostics; nothing is published twice.
    assert.deepEqual(codes(published(client, uri)), []);
    client.close(uri);
    await scan.didClose(TextDocument.create(uri, 'markdown', 2, UNFILLED));
    assert.ok(codes(published(client, uri)).includes('unfilled-placeholder'));
    assert.ok(codes(published(client, uri)).includes('misspelled-file-name'));
  });

  it('clears a closed file that is gone from disk (renamed or deleted)', async () => {
    const { client, scan } = start();
    client.open(MISSPELLED, UNFILLED);
    await scanThree(scan);
    client.close(MISSPELLED);
    await scan.didClose(TextDocument.create(MISSPELLED, 'markdown', 2, UNFILLED));
    assert.deepEqual(published(client, MISSPELLED), []);
  });

  it('keeps a drifted translation\'s finding when it is opened, without its own findings', async () => {
    const { client, scan } = start();
    await scanThree(scan);
    client.open(GERMAN, upstreamText('2.0', 'de').body);
    scan.didOpen(GERMAN);
    assert.deepEqual(codes(published(client, GERMAN)), ['translation-drift']);
  });

  it('leaves a misspelled name to the pulled diagnostics once the file is opened', async () => {
    const { client, scan } = start();
    await scanThree(scan);
    assert.ok(codes(published(client, MISSPELLED)).includes('misspelled-file-name'));
    client.open(MISSPELLED, UNFILLED);
    scan.didOpen(MISSPELLED);
    assert.deepEqual(codes(published(client, MISSPELLED)), []);
  });

  it('clears a deleted file from Problems, and with it the drift it caused', async () => {
    const { client, scan } = start();
    await scanThree(scan);
    scan.filesChanged([{ uri: GERMAN, type: FileChangeType.Deleted }]);
    assert.deepEqual(published(client, GERMAN), []);
  });

  it('forgets files a complete scan no longer finds, but not after a cancelled one', async () => {
    const { client, scan } = start();
    await scanThree(scan);
    scan.finish({ uris: [PRIMARY, GERMAN], complete: false });
    assert.ok(codes(published(client, MISSPELLED)).length > 0);
    const summary = scan.finish({ uris: [PRIMARY, GERMAN], complete: true });
    assert.deepEqual(published(client, MISSPELLED), []);
    assert.equal(summary.files, 2);
  });

  it('judges each workspace folder on its own: a translation in another root has no primary there', async () => {
    const { client, scan } = start();
    const other = 'file:///other/CODE_OF_CONDUCT.de.md';
    await scan.checkFiles({ folder: FOLDER, files: [{ uri: PRIMARY, text: upstreamText('2.1').body }] }, none);
    await scan.checkFiles({ folder: 'file:///other', files: [{ uri: other, text: upstreamText('2.0', 'de').body }] }, none);
    const summary = scan.finish({ uris: [PRIMARY, other], complete: true });
    assert.equal(summary.drifted, 0);
    assert.ok(!codes(published(client, other)).includes('translation-drift'));
  });

  it('stops checking when the request is cancelled', async () => {
    const { client, scan } = start();
    const source = new CancellationTokenSource();
    source.cancel();
    const result = await scan.checkFiles({ folder: FOLDER, files: [{ uri: PRIMARY, text: UNFILLED }] }, source.token);
    assert.equal(result.checked, 0);
    assert.equal(published(client, PRIMARY), undefined);
  });

  it('checks scanned files again when settings change', async () => {
    const { client, scan } = start();
    await scanThree(scan);
    const before = client.all('textDocument/publishDiagnostics').length;
    await scan.refresh();
    assert.equal(client.all('textDocument/publishDiagnostics').length, before + 3);
  });
});

describe('misspelled policy file names in the editor', () => {
  it('reports the name of an open misspelled policy with its own findings', async () => {
    const { client, cache } = startCache();
    const provider = new DiagnosticsProvider(client.connection, cache);
    client.open(MISSPELLED, UNFILLED);
    const diagnostics = await provider.diagnose(MISSPELLED, none);
    assert.deepEqual(codes(diagnostics).filter((c) => c === 'misspelled-file-name' || c === 'unfilled-placeholder').sort(), ['misspelled-file-name', 'unfilled-placeholder']);
  });

  it('answers textDocument/codeAction on the name with the rename', async () => {
    const { client, cache } = startCache();
    const provider = new DiagnosticsProvider(client.connection, cache);
    client.open(MISSPELLED, UNFILLED);
    const name = (await provider.diagnose(MISSPELLED, none)).find((d) => d.code === 'misspelled-file-name')!;
    const actions = await provideCodeActions(cache, { textDocument: { uri: MISSPELLED }, range: name.range, context: { diagnostics: [name], only: [CodeActionKind.QuickFix] } }, none);
    assert.deepEqual(actions.map((a) => a.title), ['Rename to "CODE_OF_CONDUCT.md"']);
  });

  it('offers a quick fix that renames the file and changes nothing else', () => {
    const document = TextDocument.create(MISSPELLED, 'markdown', 1, UNFILLED);
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } },
      source: 'conduct',
      code: 'misspelled-file-name',
      message: 'x',
      data: { rename: { oldUri: document.uri, newUri: `${FOLDER}/docs/CODE_OF_CONDUCT.md` } },
    };
    const actions = renameFileFixes([diagnostic, { ...diagnostic, code: 'unfilled-placeholder' }]);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Rename to "CODE_OF_CONDUCT.md"');
    assert.equal(actions[0].kind, CodeActionKind.QuickFix);
    assert.deepEqual(actions[0].edit, { documentChanges: [{ kind: 'rename', oldUri: MISSPELLED, newUri: `${FOLDER}/docs/CODE_OF_CONDUCT.md`, options: { overwrite: false, ignoreIfExists: false } }] });
  });
});
