import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { provideDocumentSymbols } from '../../server/src/providers/symbols';
import { BROKEN_LIBRARY, NOTES_URI, POLICY_URI, startCache } from './fakeClient';

const POLICY = '# Pebble Club Rules\n\n## Nuestro compromiso\n\nEveryone is welcome here.\n\n## What the stewards may do\n\n### 1. Correction\n\nA word.\n\n### 2. Warning\n\nA note.\n\n### 3. Temporary Ban\n\nA pause.\n';

async function symbols(text: string, { uri = POLICY_URI, token = CancellationToken.None, loadLibrary = undefined as Parameters<typeof startCache>[0] } = {}) {
  const { client, cache } = startCache(loadLibrary);
  client.open(uri, text);
  return { client, result: await provideDocumentSymbols(cache, { textDocument: { uri } }, token) };
}

describe('document symbols', () => {
  it('gives the Outline a tree of headings with canonical names as detail and rungs nested under the ladder', async () => {
    const { result } = await symbols(POLICY);
    assert.ok(result);
    const shape = (s: DocumentSymbol): unknown => ({ name: s.name, detail: s.detail, kind: s.kind, children: (s.children ?? []).map(shape) });
    assert.deepEqual(result.map(shape), [
      {
        name: 'Pebble Club Rules',
        detail: undefined,
        kind: SymbolKind.File,
        children: [
          { name: 'Nuestro compromiso', detail: 'Our Pledge', kind: SymbolKind.String, children: [] },
          {
            name: 'What the stewards may do',
            detail: undefined,
            kind: SymbolKind.String,
            children: ['1. Correction', '2. Warning', '3. Temporary Ban'].map((name) => ({ name, detail: undefined, kind: SymbolKind.EnumMember, children: [] })),
          },
        ],
      },
    ]);
  });

  it('ranges a symbol over its section and selects its heading line', async () => {
    const { result } = await symbols(POLICY);
    const warning = result![0].children![1].children![1];
    assert.deepEqual(warning.selectionRange, { start: { line: 12, character: 0 }, end: { line: 12, character: '### 2. Warning'.length } });
    assert.deepEqual(warning.range, { start: { line: 12, character: 0 }, end: { line: 16, character: 0 } });
  });

  it('gives nothing for a document that is not a policy, a cancelled request or an unreadable policy', async () => {
    assert.equal((await symbols(POLICY, { uri: NOTES_URI })).result, null);
    assert.equal((await symbols(POLICY, { token: CancellationToken.Cancelled })).result, null);
    assert.equal((await symbols('# Rules\n\u0000\u0000binary\n')).result, null);
  });

  it('gives nothing when the analysis fails, and logs the cause', async () => {
    const { client, result } = await symbols(POLICY, { loadLibrary: () => BROKEN_LIBRARY });
    assert.equal(result, null);
    assert.match(client.all<string>('console/error').join('\n'), /^Document symbols failed: Error: the library is broken/);
  });
});
