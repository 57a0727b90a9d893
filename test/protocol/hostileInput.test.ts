// Hostile documents over LSP: the server answers each with diagnostics or one clear decline,
// stays up, and afterwards still answers requests on an ordinary policy. A document changed
// 100 times in a row ends with the diagnostics of its last version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LADDER } from './policies';
import { PULL_CLIENT, PUSH_CLIENT, sessionPerTest } from './harness';

// Our own small policy; line 10 is "### 2. Warning".
const POLICY = LADDER;
const POLICY_URI = 'file:///w/CODE_OF_CONDUCT.md';

/** A version of POLICY with a right-to-left override after `words` extra words on a new last line. */
const revision = (words: number) => `${POLICY}Note${' again'.repeat(words)} \u202E end.\n`;
const overrideColumn = (words: number) => `Note${' again'.repeat(words)} `.length;
const lastLine = POLICY.split('\n').length - 1;

const bidi = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'lookalike-characters').map((d) => [d.range.start.line, d.range.start.character]);

describe('hostile documents over LSP', () => {
  const start = sessionPerTest();

  it('declines a 10 MB, a binary, a 10,000-deep and a 1M-blank document with one message each, then hovers on a normal policy', async () => {
    const lsp = await start({ capabilities: PULL_CLIENT });
    const hostile: [string, string, RegExp][] = [
      ['file:///w/huge/CODE_OF_CONDUCT.md', POLICY.repeat(Math.ceil(10_000_000 / POLICY.length)), /characters; policies are checked up to 2,000,000/],
      ['file:///w/image/CODE_OF_CONDUCT.md', `\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR${'\uFFFD\u0000'.repeat(2000)}`, /looks binary/],
      ['file:///w/deep/CODE_OF_CONDUCT.md', `${'> '.repeat(10_000)}deep\n`, /nests lists or quotes 10000 levels deep/],
      ['file:///w/blank/CODE_OF_CONDUCT.md', ' '.repeat(1_000_000), /a run of 1,000,000 spaces or tabs/],
    ];
    for (const [uri, text] of hostile) await lsp.open(uri, text);
    for (const [uri, , message] of hostile) {
      const diagnostics = await lsp.pullDiagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => d.code), ['unreadable-input'], uri);
      assert.match(diagnostics[0].message, message, uri);
      // A hover inside a declined document answers (with nothing), rather than failing.
      assert.equal(await lsp.hover(uri, { line: 0, character: 1 }), null, uri);
    }

    await lsp.open(POLICY_URI, POLICY);
    const hover = await lsp.hover(POLICY_URI, { line: 10, character: 8 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /rung 2 of 4/);
  });

  it('pulls the diagnostics of the last of 100 quick changes', async () => {
    const lsp = await start({ capabilities: PULL_CLIENT });
    await lsp.open(POLICY_URI, revision(0));
    for (let words = 1; words <= 100; words++) await lsp.change(POLICY_URI, revision(words));
    assert.deepEqual(bidi(await lsp.pullDiagnostics(POLICY_URI)), [[lastLine, overrideColumn(100)]]);
    const hover = await lsp.hover(POLICY_URI, { line: 10, character: 8 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /rung 2 of 4/);
  });

  it('pushes, after 100 quick changes, diagnostics for version 101 last, with the override where version 101 has it', async () => {
    const lsp = await start({ capabilities: PUSH_CLIENT });
    await lsp.open(POLICY_URI, revision(0));
    for (let words = 1; words <= 100; words++) await lsp.change(POLICY_URI, revision(words));
    const last = await lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === POLICY_URI && p.version === 101);
    assert.deepEqual(bidi(last.diagnostics), [[lastLine, overrideColumn(100)]]);
    await lsp.settle();
    const published = lsp.all<PublishDiagnosticsParams>('textDocument/publishDiagnostics').filter((p) => p.uri === POLICY_URI);
    assert.equal(published.at(-1)?.version, 101, 'no older version is published after the last one');
    for (const p of published) {
      if (p.version !== undefined) assert.deepEqual(bidi(p.diagnostics), [[lastLine, overrideColumn(p.version - 1)]], `version ${p.version} carries its own findings`);
    }
  });
});
