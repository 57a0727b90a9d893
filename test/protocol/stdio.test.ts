// The bundled server as an editor other than VS Code starts it: a child process speaking
// LSP over stdin/stdout. Tests the bundle in dist/, so build first (`npm run build`).
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExitNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter, type MarkupContent } from 'vscode-languageserver/node';
import { PROJECT_ROOT } from '../support/upstream';
import { LspSession, PULL_CLIENT, within } from './harness';

const SERVER = join(PROJECT_ROOT, 'dist', 'server', 'server.js');
const POLICY_URI = 'file:///w/CODE_OF_CONDUCT.md';

// Line 2: the placeholder; line 8: "### 2. Warning" among four rungs.
const POLICY = [
  '# Code of Conduct',
  '',
  'Send any concern about behaviour in the Lantern project to [INSERT CONTACT METHOD].',
  '',
  '## Consequences',
  '',
  '### 1. Correction',
  '',
  '### 2. Warning',
  '',
  '### 3. Temporary Ban',
  '',
  '### 4. Permanent Ban',
  '',
].join('\n');

/**
 * Splits what the server wrote to stdout into LSP frames, failing on any byte that is not
 * part of one: with --stdio, a stray console.log would corrupt the client's stream.
 */
function lspFrames(raw: Buffer): { jsonrpc?: string; id?: unknown; method?: string }[] {
  const frames = [];
  let at = 0;
  while (at < raw.length) {
    const headerEnd = raw.indexOf('\r\n\r\n', at);
    const context = () => JSON.stringify(raw.subarray(at, at + 120).toString('utf8'));
    assert.ok(headerEnd >= 0, `stdout has bytes outside an LSP frame at ${at}: ${context()}`);
    let length: number | undefined;
    for (const header of raw.subarray(at, headerEnd).toString('ascii').split('\r\n')) {
      const match = /^(Content-Length|Content-Type): (.+)$/.exec(header);
      assert.ok(match, `stdout has a line that is not an LSP header at ${at}: ${context()}`);
      if (match[1] === 'Content-Length') length = Number(match[2]);
    }
    assert.ok(length !== undefined && Number.isInteger(length), `an LSP frame without Content-Length at ${at}: ${context()}`);
    const body = raw.subarray(headerEnd + 4, headerEnd + 4 + length);
    assert.equal(body.length, length, `the frame at ${at} is cut short`);
    const message = JSON.parse(body.toString('utf8'));
    assert.equal(message.jsonrpc, '2.0', `the frame at ${at} is not JSON-RPC 2.0`);
    frames.push(message);
    at = headerEnd + 4 + length;
  }
  return frames;
}

describe('the bundled server over --stdio', () => {
  let child: ChildProcessWithoutNullStreams;
  const stdout: Buffer[] = [];
  let stderr = '';

  before(() => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` before this test.`);
    child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  });

  after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  });

  it('initializes, reports the placeholder, hovers a rung, shuts down cleanly and writes only LSP frames to stdout', async () => {
    // 'close', not 'exit': it comes after stdout is drained, so the frame check sees every byte.
    const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
    const lsp = await LspSession.connect(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin), {
      capabilities: PULL_CLIENT,
      processId: process.pid,
      timeoutMs: 15_000,
    }).catch((error: Error) => {
      // Stray output on stdout is the likeliest cause; say so precisely if it is.
      lspFrames(Buffer.concat(stdout));
      throw new Error(`${error.message}\nstderr: ${stderr}`);
    });
    assert.equal(lsp.initializeResult.serverInfo?.name, 'conduct-lens');

    await lsp.open(POLICY_URI, POLICY);
    const placeholder = (await lsp.pullDiagnostics(POLICY_URI)).filter((d) => d.code === 'unfilled-placeholder');
    assert.deepEqual(
      placeholder.map((d) => [d.range, d.source]),
      [[{ start: { line: 2, character: 59 }, end: { line: 2, character: 82 } }, 'conduct']],
    );

    const hover = await lsp.hover(POLICY_URI, { line: 8, character: 6 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /rung 2 of 4/);

    await within(lsp.client.sendRequest(ShutdownRequest.type), 'the shutdown response');
    await lsp.client.sendNotification(ExitNotification.type);
    const [code, signal] = await within(exited, 'the server process to exit');
    lsp.disconnect();
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, `stderr: ${stderr}`);

    const frames = lspFrames(Buffer.concat(stdout));
    assert.ok(frames.some((f) => f.id !== undefined && f.method === undefined), 'stdout carried the responses');
  });
});
