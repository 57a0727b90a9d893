import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  MessageType,
  type Diagnostic,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver/node';
import { MARK_AS_POLICY, type MarkAsPolicyResult } from '../../server/src/protocol';
import { LADDER } from './policies';
import { PULL_CLIENT, PUSH_CLIENT, within, sessionPerTest } from './harness';

const POLICY_URI = 'file:///w/CODE_OF_CONDUCT.md';
const FOLDER = { uri: 'file:///w', name: 'w' };

// Line 2 holds the placeholder at characters 26–49.
const UNFILLED = '# Code of Conduct\n\nPlease report problems to [INSERT CONTACT METHOD].\n';
const FILLED = '# Code of Conduct\n\nPlease report problems to stewards@example.org.\n';

const placeholders = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'unfilled-placeholder');

describe('the language server over LSP, in process', () => {
  const start = sessionPerTest();

  it('answers a pull request with the unfilled-placeholder diagnostic and never pushes to a pulling client', async () => {
    const lsp = await start({ capabilities: PULL_CLIENT });
    assert.ok(lsp.initializeResult.capabilities.diagnosticProvider, 'a pulling client is offered textDocument/diagnostic');
    await lsp.open(POLICY_URI, UNFILLED);

    const diagnostics = placeholders(await lsp.pullDiagnostics(POLICY_URI));
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.equal(d.code, 'unfilled-placeholder');
    assert.equal(d.source, 'conduct');
    assert.equal(d.codeDescription?.href, 'https://github.com/conduct-lens/conduct-lens#unfilled-placeholder');
    assert.deepEqual(d.range, { start: { line: 2, character: 26 }, end: { line: 2, character: 49 } });
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /\[INSERT CONTACT METHOD\]/);

    await lsp.change(POLICY_URI, FILLED);
    assert.deepEqual(placeholders(await lsp.pullDiagnostics(POLICY_URI)), []);
    await lsp.settle();
    assert.deepEqual(lsp.all('textDocument/publishDiagnostics'), []);
  });

  it('pushes diagnostics to a client without pull support on open and change, and clears them on close', async () => {
    const lsp = await start({ capabilities: PUSH_CLIENT });
    assert.equal(lsp.initializeResult.capabilities.diagnosticProvider, undefined, 'a pushing client is not offered pull diagnostics');
    const forPolicy = (p: PublishDiagnosticsParams) => p.uri === POLICY_URI;

    await lsp.open(POLICY_URI, UNFILLED);
    const opened = await lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', forPolicy);
    assert.equal(opened.version, 1);
    assert.deepEqual(
      placeholders(opened.diagnostics).map((d) => [d.range.start.line, d.range.start.character, d.severity]),
      [[2, 26, DiagnosticSeverity.Error]],
    );

    await lsp.change(POLICY_URI, FILLED);
    const changed = await lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', forPolicy);
    assert.equal(changed.version, 2);
    assert.deepEqual(placeholders(changed.diagnostics), []);

    await lsp.change(POLICY_URI, UNFILLED);
    assert.equal(placeholders((await lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', forPolicy)).diagnostics).length, 1);
    await lsp.close(POLICY_URI);
    assert.deepEqual((await lsp.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', forPolicy)).diagnostics, []);
  });

  it('checks a file with any name once it is marked as a policy, and counts the findings in the answer', async () => {
    const lsp = await start();
    const notes = 'file:///w/notes.md';
    await lsp.open(notes, UNFILLED);
    assert.deepEqual(await lsp.pullDiagnostics(notes), [], 'notes.md is not a policy by name');

    const result = await within(lsp.client.sendRequest<MarkAsPolicyResult>(MARK_AS_POLICY, { uri: notes }), MARK_AS_POLICY);
    await lsp.next('workspace/diagnostic/refresh');
    const diagnostics = await lsp.pullDiagnostics(notes);
    assert.deepEqual(placeholders(diagnostics).map((d) => d.range.start.line), [2]);
    assert.equal(result.findings, diagnostics.length);
  });

  it('checks files matched by the conduct.files globs, pulled per resource with workspace/configuration', async () => {
    const lsp = await start({ workspaceFolders: [FOLDER], settings: () => ({ files: ['policies/*.md'] }) });
    const matched = 'file:///w/policies/a.md';
    const unmatched = 'file:///w/docs/a.md';
    await lsp.open(matched, UNFILLED);
    await lsp.open(unmatched, UNFILLED);

    assert.equal(placeholders(await lsp.pullDiagnostics(matched)).length, 1);
    assert.deepEqual(await lsp.pullDiagnostics(unmatched), []);
    const asked = lsp.all<{ items: { scopeUri?: string; section?: string }[] }>('workspace/configuration').flatMap((p) => p.items);
    assert.ok(asked.some((item) => item.scopeUri === matched && item.section === 'conduct'), JSON.stringify(asked));
  });

  it('falls back to the defaults for malformed settings instead of failing', async () => {
    const lsp = await start({ workspaceFolders: [FOLDER], settings: () => ({ files: 42, rules: { 'unfilled-placeholder': 'loud' } }) });
    await lsp.open(POLICY_URI, UNFILLED);
    await lsp.open('file:///w/policies/a.md', UNFILLED);

    assert.deepEqual(placeholders(await lsp.pullDiagnostics(POLICY_URI)).map((d) => d.severity), [DiagnosticSeverity.Error]);
    assert.deepEqual(await lsp.pullDiagnostics('file:///w/policies/a.md'), []);
    const warning = await lsp.next<{ type: number; message: string }>('window/logMessage', (p) => /conduct\.rules/.test(p.message));
    assert.equal(warning.type, MessageType.Warning);
  });

  it('applies a conduct.rules severity: off silences the rule, warning lowers it', async () => {
    let severity = 'off';
    const lsp = await start({ workspaceFolders: [FOLDER], settings: () => ({ rules: { 'unfilled-placeholder': severity } }) });
    await lsp.open(POLICY_URI, UNFILLED);
    assert.deepEqual(placeholders(await lsp.pullDiagnostics(POLICY_URI)), []);

    severity = 'warning';
    await lsp.changeConfiguration();
    await lsp.next('workspace/diagnostic/refresh');
    assert.deepEqual(placeholders(await lsp.pullDiagnostics(POLICY_URI)).map((d) => d.severity), [DiagnosticSeverity.Warning]);
  });

  it('asks a pulling client to refresh diagnostics when the configuration changes', async () => {
    const lsp = await start();
    await lsp.open(POLICY_URI, UNFILLED);
    await lsp.pullDiagnostics(POLICY_URI);
    assert.deepEqual(lsp.all('workspace/diagnostic/refresh'), []);

    await lsp.changeConfiguration({ conduct: {} });
    await lsp.next('workspace/diagnostic/refresh');
  });

  it('does not send a refresh request to a pulling client that cannot take one', async () => {
    const lsp = await start({ capabilities: { ...PULL_CLIENT, workspace: { configuration: true } } });
    await lsp.open(POLICY_URI, UNFILLED);
    await lsp.changeConfiguration();
    assert.equal(placeholders(await lsp.pullDiagnostics(POLICY_URI)).length, 1);
    await lsp.settle();
    assert.deepEqual(lsp.all('workspace/diagnostic/refresh'), []);
  });

  it('explains a ladder rung when hovering its heading, and shows nothing elsewhere', async () => {
    const lsp = await start();
    await lsp.open(POLICY_URI, LADDER);

    const hover = await lsp.hover(POLICY_URI, { line: 10, character: 8 });
    assert.ok(hover, 'a hover on "### 2. Warning"');
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match((hover.contents as MarkupContent).value, /rung 2 of 4/);
    assert.deepEqual(hover.range, { start: { line: 10, character: 0 }, end: { line: 10, character: '### 2. Warning'.length } });

    assert.equal(await lsp.hover(POLICY_URI, { line: 2, character: 10 }), null);
    assert.equal(await lsp.hover(POLICY_URI, { line: 12, character: 3 }), null);
  });

  it('reports a document with NUL bytes as unreadable, once, as a warning', async () => {
    const lsp = await start();
    await lsp.open(POLICY_URI, `# Code of Conduct\n\u0000\u0000binary\u0000 [INSERT CONTACT METHOD]\n`);
    const diagnostics = await lsp.pullDiagnostics(POLICY_URI);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['unreadable-input', DiagnosticSeverity.Warning]]);
  });

  it('reports a 3 MB document as unreadable instead of analysing it', async () => {
    const lsp = await start();
    const paragraph = 'Members look after one another and after the project. [INSERT CONTACT METHOD]\n\n';
    await lsp.open(POLICY_URI, paragraph.repeat(Math.ceil(3_000_000 / paragraph.length)));
    const diagnostics = await lsp.pullDiagnostics(POLICY_URI);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unreadable-input']);
  });

  it('survives a deeply nested document and goes on answering', async () => {
    const lsp = await start();
    // Deep enough to overflow a plain recursive walk of the tree; deeper only costs parser time.
    await lsp.open(POLICY_URI, `${'>'.repeat(10_000)} [INSERT CONTACT METHOD]\n`);
    assert.ok(Array.isArray(await lsp.pullDiagnostics(POLICY_URI, 15_000)));

    const other = 'file:///w/docs/CODE_OF_CONDUCT.md';
    await lsp.open(other, LADDER);
    const hover = await lsp.hover(other, { line: 10, character: 4 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /rung 2 of 4/);
  });

  it('stays up when the upstream texts cannot be loaded: empty diagnostics and one error message to the user', async () => {
    const lsp = await start({
      loadLibrary: () => {
        throw new Error('upstream-texts/catalog.json is missing');
      },
    });
    await lsp.open(POLICY_URI, UNFILLED);
    assert.deepEqual(await lsp.pullDiagnostics(POLICY_URI), []);
    assert.deepEqual(await lsp.pullDiagnostics(POLICY_URI), []);
    assert.equal(await lsp.hover(POLICY_URI, { line: 0, character: 2 }), null);

    const isError = (p: ShowMessageParams) => p.type === MessageType.Error && p.message.includes('catalog.json is missing');
    await lsp.next('window/showMessage', isError);
    await lsp.settle();
    assert.equal(lsp.all<ShowMessageParams>('window/showMessage').filter(isError).length, 1, 'the user is told once, not per request');
  });
});
