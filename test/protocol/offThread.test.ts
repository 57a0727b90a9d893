// The bundled server analyses large policies on a worker thread: a hover on another policy is
// answered while a large one is analysed, and the large one's findings are the same as the
// core gives in this process. Ordering, not timing: without the worker, the large analysis
// holds the only thread and its diagnostics answer comes first.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DocumentDiagnosticRequest, HoverRequest, StreamMessageReader, StreamMessageWriter, type FullDocumentDiagnosticReport, type MarkupContent } from 'vscode-languageserver/node';
import { checkText } from '../../server/src/core/index';
import { OFF_THREAD_MIN_LENGTH } from '../../server/src/offThreadAnalysis';
import { PROJECT_ROOT, upstreamLibrary, upstreamText } from '../support/upstream';
import { LspSession, PULL_CLIENT, within } from './harness';

const SERVER = join(PROJECT_ROOT, 'dist', 'server', 'server.js');
const SMALL_URI = 'file:///w/small/CODE_OF_CONDUCT.md';
const LARGE_URI = 'file:///w/large/CODE_OF_CONDUCT.md';
const SMALL = ['# Code of Conduct', '', '## Consequences', '', '### 1. Correction', '', '### 2. Warning', '', '### 3. Temporary Ban', '', '### 4. Permanent Ban', ''].join('\n');

/** 2.1 as bundled (its contact placeholder left in), then addenda of our own until it is past the worker's threshold. */
function largePolicy(): string {
  const parts = [upstreamText('2.1').body];
  for (let i = 1; parts.join('\n\n').length < OFF_THREAD_MIN_LENGTH * 1.5; i++) {
    parts.push(`## Lantern note ${i}\n\nThe Lantern stewards answer note ${i} within ${i + 1} working days, in writing, and keep the writer's name to themselves.`);
  }
  return `${parts.join('\n\n')}\n`;
}

describe('the bundled server with a large policy', () => {
  let child: ChildProcessWithoutNullStreams;
  let stderr = '';

  before(() => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` before this test.`);
    child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  });

  after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  });

  it('answers a hover on another policy while the large one is analysed off the main thread, and reports the large one\'s findings as the core does', async () => {
    const lsp = await LspSession.connect(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin), { capabilities: PULL_CLIENT, processId: process.pid, timeoutMs: 15_000 });
    try {
      const large = largePolicy();
      await lsp.open(SMALL_URI, SMALL);
      await lsp.pullDiagnostics(SMALL_URI, 15_000);
      // A first analysis of the large policy fetches its settings and starts the worker; the
      // second, of an edited version, is the one raced against the hover.
      await lsp.open(LARGE_URI, large.replace('note 1 ', 'note one '));
      await lsp.pullDiagnostics(LARGE_URI, 60_000);
      await lsp.change(LARGE_URI, large);

      const order: string[] = [];
      const diagnostics = lsp.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: LARGE_URI } }).then((report) => {
        order.push('large diagnostics');
        return report as FullDocumentDiagnosticReport;
      });
      const hover = lsp.client.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL_URI }, position: { line: 6, character: 6 } }).then((answer) => {
        order.push('hover on the small policy');
        return answer;
      });
      const [report, answer] = await within(Promise.all([diagnostics, hover]), 'both answers', 60_000);
      assert.deepEqual(order, ['hover on the small policy', 'large diagnostics'], `stderr: ${stderr}`);
      assert.match((answer?.contents as MarkupContent | undefined)?.value ?? '', /rung 2 of 4/);

      const expected = checkText(large, upstreamLibrary()).findings.map((f) => `${f.rule}@${f.span.start}`);
      const lines = large.split('\n');
      const offsetOf = (line: number, character: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
      const seen = report.items.map((d) => `${d.code}@${offsetOf(d.range.start.line, d.range.start.character)}`);
      assert.deepEqual(seen, expected);
      assert.ok(seen.some((s) => s.startsWith('unfilled-placeholder@')), 'the large policy keeps 2.1\'s contact placeholder');

      // A hover on the large policy itself reads its document on demand.
      const rung = lines.findIndex((l) => /^### 2\. /.test(l));
      const own = await within(lsp.client.sendRequest(HoverRequest.type, { textDocument: { uri: LARGE_URI }, position: { line: rung, character: 6 } }), 'a hover on the large policy', 30_000);
      assert.match((own?.contents as MarkupContent | undefined)?.value ?? '', /rung 2 of 4/);
    } finally {
      await lsp.dispose().catch(() => {});
    }
  });
});
