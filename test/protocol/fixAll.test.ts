import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { upstreamLibrary } from '../support/upstream';
import { LspSession, PULL_CLIENT } from './harness';

const URI = 'file:///w/CODE_OF_CONDUCT.md';
// Our own policy with two certain repairs: a sentence split by a blank line and a garbled copyright sign.
const FIXABLE = '# Pebble Club Code of Conduct\n\nWrite to the stewards about anything that worries\n\nyou, at any hour.\n\nÂ© 2025 Pebble Club\n';
const FIXED = '# Pebble Club Code of Conduct\n\nWrite to the stewards about anything that worries you, at any hour.\n\n© 2025 Pebble Club\n';

describe('fix-all over LSP', () => {
  let session: LspSession | undefined;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it('advertises source.fixAll.conduct beside quick fixes', async () => {
    session = await LspSession.start({ capabilities: PULL_CLIENT });
    const provider = session.initializeResult.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider.codeActionKinds, JSON.stringify(provider));
    assert.ok(provider.codeActionKinds.includes('quickfix') && provider.codeActionKinds.includes('source.fixAll.conduct'), JSON.stringify(provider));
  });

  it('answers a request for source.fixAll.conduct with one action whose disjoint edits fix the whole file', async () => {
    const lsp = (session = await LspSession.start({ capabilities: PULL_CLIENT }));
    await lsp.open(URI, FIXABLE);
    const actions = (await lsp.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.conduct'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.conduct', 'Fix all 2 certain Conduct problems']]);
    const edits = actions[0].edit?.changes?.[URI] as TextEdit[];
    assert.equal(edits.length, 2);
    assert.equal(TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, FIXABLE), edits), FIXED);
  });
});
