import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { CodeActionKind, CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { upstreamLibrary } from '../support/upstream';
import { LspSession, PULL_CLIENT } from './harness';

const URI = 'file:///w/CODE_OF_CONDUCT.md';
// Line 4 is "Â© 2025 Pebble Club": a copyright sign garbled through Windows-1252.
const GARBLED = '# Pebble Club Code of Conduct\n\nWrite to stewards@pebble.dev about anything.\n\nÂ© 2025 Pebble Club\n';

describe('quick fixes over LSP', () => {
  let session: LspSession | undefined;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  async function fixesFor(text: string) {
    const lsp = (session = await LspSession.start({ capabilities: PULL_CLIENT }));
    await lsp.open(URI, text);
    const diagnostics = await lsp.pullDiagnostics(URI);
    const mojibake = diagnostics.filter((d) => d.code === 'mojibake');
    const actions = (await lsp.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: mojibake[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: mojibake, only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    return { lsp, mojibake, actions };
  }

  it('offers the mojibake repair as a preferred quick fix whose one edit touches only the garbled characters', async () => {
    const { mojibake, actions } = await fixesFor(GARBLED);
    assert.equal(mojibake.length, 1);
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action.title, 'Replace "Â©" with "©"');
    assert.equal(action.kind, CodeActionKind.QuickFix);
    assert.equal(action.isPreferred, true);
    const edits = action.edit?.changes?.[URI] as TextEdit[];
    assert.deepEqual(edits, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } }, newText: '©' }]);
    const document = TextDocument.create(URI, 'markdown', 1, GARBLED);
    assert.equal(TextDocument.applyEdits(document, edits), GARBLED.replace('Â©', '©'));
  });

  it('never offers a fix computed on an older version: a moved finding gets none, an unmoved one the current analysis\'s', async () => {
    const { lsp, mojibake } = await fixesFor(GARBLED);
    // A line before the garbled characters: the old diagnostic's range no longer holds them.
    await lsp.change(URI, `One more line.\n${GARBLED}`);
    const moved = await lsp.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: mojibake[0].range, context: { diagnostics: mojibake } });
    assert.deepEqual(moved, []);
    // A line after them: the same finding at the same place, so the fix comes from version 3's analysis.
    await lsp.change(URI, `${GARBLED}\nOne more line.\n`);
    const unmoved = (await lsp.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: mojibake[0].range, context: { diagnostics: mojibake } })) ?? [];
    assert.deepEqual(unmoved.map((a) => ('edit' in a ? a.edit?.changes?.[URI] : undefined)), [[{ range: mojibake[0].range, newText: '©' }]]);
  });
});
