import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideCodeActions, quickFixes, type FixData } from '../../server/src/providers/codeActions';
import { DiagnosticsProvider } from '../../server/src/providers/diagnostics';
import { GARBLED, POLICY_URI, startCache } from './fakeClient';

/** A conduct diagnostic carrying a fix that replaces `range` with `newText`, computed on `version`. */
function fixable(range: Diagnostic['range'], newText: string, version = 1, source = 'conduct'): Diagnostic {
  return { range, message: 'm', source, data: { fix: { range, newText }, version } satisfies FixData };
}

const line = (start: number, end: number) => ({ start: { line: 0, character: start }, end: { line: 0, character: end } });

describe('code actions', () => {
  it('offers a diagnostic\'s fix as one preferred quick fix whose edit touches only its range', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, GARBLED);
    const mojibake = (await new DiagnosticsProvider(client.connection, cache).diagnose(POLICY_URI, CancellationToken.None)).filter((d) => d.code === 'mojibake');
    const actions = await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: mojibake[0].range, context: { diagnostics: mojibake } }, CancellationToken.None);
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.deepEqual({ ...action, edit: undefined }, { title: 'Replace "Â©" with "©"', kind: CodeActionKind.QuickFix, diagnostics: mojibake, isPreferred: true, edit: undefined });
    const edits = action.edit?.changes?.[POLICY_URI] ?? [];
    assert.equal(TextDocument.applyEdits(TextDocument.create(POLICY_URI, 'markdown', 1, GARBLED), edits), GARBLED.replace('Â©', '©'));
  });

  it('names a deletion, an insertion and a replacement by what they do, flattening and shortening long text', () => {
    const document = TextDocument.create(POLICY_URI, 'markdown', 1, `Hello  there ${'x'.repeat(60)}`);
    const titles = quickFixes(document, [fixable(line(5, 7), ''), fixable(line(5, 5), ','), fixable(line(0, 5), 'Hi'), fixable(line(13, 73), 'y')]).map((a) => a.title);
    assert.deepEqual(titles, ['Delete " "', 'Insert ","', 'Replace "Hello" with "Hi"', `Replace "${'x'.repeat(39)}…" with "y"`]);
  });

  it('offers the current fix for a diagnostic the client sends back without its data, or with an older version\'s', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, GARBLED);
    const [mojibake] = (await new DiagnosticsProvider(client.connection, cache).diagnose(POLICY_URI, CancellationToken.None)).filter((d) => d.code === 'mojibake');
    const ask = async (diagnostic: Diagnostic) =>
      (await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, CancellationToken.None)).map((a) => a.title);
    assert.deepEqual(await ask({ ...mojibake, data: undefined }), ['Replace "Â©" with "©"']);
    assert.deepEqual(await ask({ ...mojibake, data: { ...(mojibake.data as FixData), version: 0 } }), ['Replace "Â©" with "©"']);
    // A diagnostic the current analysis does not hold (another message) gets nothing made up.
    assert.deepEqual(await ask({ ...mojibake, message: 'something else', data: undefined }), []);
  });

  it('offers no fix computed on an older version of the document', () => {
    const document = TextDocument.create(POLICY_URI, 'markdown', 2, 'Hello');
    assert.deepEqual(quickFixes(document, [fixable(line(0, 5), 'Hi', 1)]), []);
  });

  it('ignores diagnostics of other sources and diagnostics without a fix', () => {
    const document = TextDocument.create(POLICY_URI, 'markdown', 1, 'Hello');
    const plain: Diagnostic = { range: line(0, 5), message: 'm', source: 'conduct' };
    assert.deepEqual(quickFixes(document, [fixable(line(0, 5), 'Hi', 1, 'other'), plain, { ...plain, data: { version: 1 } }]), []);
  });

  it('offers nothing for a document that is not open, or when the request is cancelled', async () => {
    const { client, cache } = startCache();
    const diagnostics = [fixable(line(0, 5), 'Hi')];
    const params = { textDocument: { uri: POLICY_URI }, range: line(0, 5), context: { diagnostics } };
    assert.deepEqual(await provideCodeActions(cache, params, CancellationToken.None), []);
    client.open(POLICY_URI, 'Hello');
    assert.deepEqual(await provideCodeActions(cache, params, CancellationToken.Cancelled), []);
    assert.equal((await provideCodeActions(cache, params, CancellationToken.None)).length, 1);
  });
});
