// The build-time fetch (scripts/fetchUpstream.mjs) against a loopback HTTP server that plays
// each network fault. The script runs as a child process on a temporary project holding a
// one-entry catalog of our own synthetic text, so the real upstream-texts/ is never touched
// and nothing leaves the machine.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../support/upstream';

const script = join(PROJECT_ROOT, 'scripts/fetchUpstream.mjs');
const REPO = 'example-org/example-policies';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const FILE_PATH = 'docs/conduct.md';
const REL = `${REPO}/${COMMIT}/${FILE_PATH}`;
const TEXT = Buffer.from('# Community Promise\n\nWe look after one another here. Write to the stewards with any worry.\n', 'utf8');
const SHA = createHash('sha256').update(TEXT).digest('hex');
const FIFTY_MB = 50 * 1024 * 1024;

/** What the fault server saw: request paths with their Host header, and bytes of the big body sent. */
const seen: { host: string; url: string }[] = [];
let bigBodyBytesSent = 0;

/** Routes by the first path segment, which names the fault; the rest is the catalog path. */
function handle(request: IncomingMessage, response: ServerResponse, port: number): void {
  seen.push({ host: request.headers.host ?? '', url: request.url ?? '' });
  const [, fault] = (request.url ?? '').split('/');
  switch (fault) {
    case 'ok':
      response.writeHead(200, { 'content-length': TEXT.length });
      response.end(TEXT);
      return;
    case 'hang':
      return; // never answers: the script's own timeout must end the wait
    case 'missing':
      response.writeHead(404);
      response.end('not here');
      return;
    case 'broken':
      response.writeHead(500);
      response.end('server fault');
      return;
    case 'truncated':
      response.writeHead(200, { 'content-length': TEXT.length + 100 });
      response.write(TEXT.subarray(0, 20), () => response.destroy());
      return;
    case 'altered':
      response.writeHead(200);
      response.end(Buffer.concat([TEXT, Buffer.from('One more line nobody pinned.\n')]));
      return;
    case 'huge':
      streamHugeBody(response);
      return;
    case 'huge-declared':
      response.writeHead(200, { 'content-length': FIFTY_MB });
      response.write(Buffer.alloc(64 * 1024, 0x61));
      response.on('close', () => response.destroy());
      return;
    case 'elsewhere':
      // Same server, other host name: a followed redirect would show up in `seen` as Host localhost.
      response.writeHead(302, { location: `http://localhost:${port}/ok/${REL}` });
      response.end();
      return;
    case 'moved':
      response.writeHead(301, { location: `/ok/${REL}` });
      response.end();
      return;
    default:
      response.writeHead(400);
      response.end();
  }
}

/** 50 MB of text in 64 KiB chunks, no Content-Length, honouring backpressure, stopping when the client goes. */
function streamHugeBody(response: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let closed = false;
  response.on('close', () => { closed = true; });
  response.writeHead(200, { 'content-type': 'text/plain' });
  const pump = (): void => {
    while (!closed && bigBodyBytesSent < FIFTY_MB) {
      bigBodyBytesSent += chunk.length;
      if (!response.write(chunk)) { response.once('drain', pump); return; }
    }
    if (!closed) response.end();
  };
  pump();
}

let server: Server;
let base = '';
let closedPortBase = '';
const work = mkdtempSync(join(tmpdir(), 'conduct-fetch-'));

function listen(s: Server): Promise<number> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
}

/** A fresh project folder (inside its own parent, so ../shared is under the test's control) with the tiny catalog. */
function project(name: string): string {
  const dir = join(work, name, 'project');
  mkdirSync(join(dir, 'upstream'), { recursive: true });
  writeFileSync(join(dir, 'upstream/catalog.json'), JSON.stringify({
    repo: REPO,
    commit: COMMIT,
    entries: [{ version: '9.9', language: 'en', path: FILE_PATH, sha256: SHA, bytes: TEXT.length }],
  }));
  return dir;
}

const target = (dir: string) => join(dir, 'upstream-texts', REL);

function placeFile(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** Runs the fetch script on `dir` with the https step pointed at `baseUrl`; never the real network. */
function runFetch(dir: string, baseUrl: string, extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CONDUCT_UPSTREAM_ROOT: dir, CONDUCT_UPSTREAM_BASE_URL: baseUrl, CONDUCT_UPSTREAM_TIMEOUT_MS: '1500', ...extraEnv };
  if (!('CONDUCT_UPSTREAM_MIRROR' in extraEnv)) delete env.CONDUCT_UPSTREAM_MIRROR;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The build failed, named the file and the fault, and left no text (and no catalog) behind. */
function assertCleanFailure(dir: string, result: { code: number | null; stderr: string }, fault: RegExp): void {
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /1 of 1 upstream texts failed/);
  assert.ok(result.stderr.includes(`cannot get Contributor Covenant 9.9 (en), ${REL}, expected sha256 ${SHA}`), result.stderr);
  assert.match(result.stderr, fault);
  assert.equal(existsSync(target(dir)), false, 'no unverified text may be written');
  assert.equal(existsSync(join(dir, 'upstream-texts/catalog.json')), false, 'a failed build writes no catalog');
}

describe('build-time fetch of upstream texts under network faults', () => {
  before(async () => {
    server = createServer((request, response) => handle(request, response, (server.address() as AddressInfo).port));
    base = `http://127.0.0.1:${await listen(server)}`;
    // A port that was just free and is closed again: connecting is refused, as when offline.
    const closed = createServer();
    closedPortBase = `http://127.0.0.1:${await listen(closed)}`;
    await new Promise((resolve) => closed.close(resolve));
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it('fetches and writes the text when the server answers with the pinned bytes (control for the faults below)', async () => {
    const dir = project('ok');
    const result = await runFetch(dir, `${base}/ok`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(target(dir)), TEXT);
    assert.match(result.stdout, /1 from https/);
  });

  const faults: [string, string, RegExp][] = [
    ['offline (connection refused)', 'offline', /offline: cannot connect \(ECONNREFUSED\)/],
    ['a timeout (the server never answers)', 'hang', /timeout: no complete answer within 1,500 ms/],
    ['HTTP 404', 'missing', /HTTP 404 Not Found/],
    ['HTTP 500', 'broken', /HTTP 500 Internal Server Error/],
    ['a truncated body (Content-Length longer than what arrives)', 'truncated', /truncated: the connection closed before the whole body arrived/],
    ['a body with the wrong sha256', 'altered', /sha256 mismatch \(got [0-9a-f]{64}\)/],
    ['a 50 MB body declared in Content-Length', 'huge-declared', /too large: the body is 52,428,800 bytes, over the 2 MiB limit/],
    ['a redirect to another host', 'elsewhere', /redirect refused: HTTP 302 to another host \(http:\/\/localhost:\d+\); only http:\/\/127\.0\.0\.1:\d+ is trusted/],
  ];
  for (const [name, fault, message] of faults) {
    it(`fails on ${name} with a message naming the file and the fault, and writes no text`, async () => {
      const dir = project(fault);
      const result = await runFetch(dir, fault === 'offline' ? `${closedPortBase}/ok` : `${base}/${fault}`);
      assertCleanFailure(dir, result, message);
    });
  }

  it('stops reading a streamed 50 MB body at the 2 MiB limit instead of buffering it', async () => {
    const dir = project('huge');
    bigBodyBytesSent = 0;
    const result = await runFetch(dir, `${base}/huge`);
    assertCleanFailure(dir, result, /too large: the body passed the 2 MiB limit, stopped reading at [\d,]+ bytes/);
    // The server stops when the client hangs up; a client that buffered all would have taken all 50 MB.
    assert.ok(bigBodyBytesSent < FIFTY_MB, `the server sent ${bigBodyBytesSent} bytes`);
  });

  it('never contacts the other host a redirect points to', async () => {
    seen.length = 0;
    await runFetch(project('elsewhere-count'), `${base}/elsewhere`);
    assert.deepEqual(seen.map((r) => r.host.split(':')[0]), ['127.0.0.1']);
  });

  it('follows a redirect within the same host', async () => {
    const dir = project('moved');
    const result = await runFetch(dir, `${base}/moved`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(target(dir)), TEXT);
  });

  it('builds without the network from a verified CONDUCT_UPSTREAM_MIRROR (the https step points at a closed port)', async () => {
    const dir = project('mirror');
    const mirror = join(work, 'mirror');
    placeFile(join(mirror, REL), TEXT);
    const result = await runFetch(dir, `${closedPortBase}/ok`, { CONDUCT_UPSTREAM_MIRROR: mirror });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(target(dir)), TEXT);
    assert.match(result.stdout, /1 from CONDUCT_UPSTREAM_MIRROR/);
  });

  it('builds without the network from a verified ../shared/upstream beside the project', async () => {
    const dir = project('shared');
    placeFile(join(dir, '../shared/upstream', REL), TEXT);
    const result = await runFetch(dir, `${closedPortBase}/ok`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(target(dir)), TEXT);
    assert.match(result.stdout, /1 from \.\.\/shared\/upstream/);
  });

  it('keeps a verified earlier build (the cache) when the network fails', async () => {
    const dir = project('cached');
    placeFile(target(dir), TEXT);
    const result = await runFetch(dir, `${base}/broken`);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /1 from cached/);
    assert.deepEqual(readFileSync(target(dir)), TEXT);
  });

  it('skips a mirror with the wrong bytes and names both that and the network fault when nothing verified is left', async () => {
    const dir = project('bad-mirror');
    const mirror = join(work, 'bad-mirror-files');
    placeFile(join(mirror, REL), Buffer.from('# Something else entirely\n'));
    const result = await runFetch(dir, `${base}/missing`, { CONDUCT_UPSTREAM_MIRROR: mirror });
    assertCleanFailure(dir, result, /CONDUCT_UPSTREAM_MIRROR: sha256 mismatch for .*conduct\.md[^\n]*\n\s+- \.\.\/shared\/upstream: no file [^\n]*\n\s+- http:\/\/127\.0\.0\.1:\d+\/missing\/[^\n]*: HTTP 404 Not Found/);
  });

  it('replaces a cached file that no longer matches its sha256 with verified bytes', async () => {
    const dir = project('stale-cache');
    placeFile(target(dir), Buffer.from('# Edited by hand\n'));
    const result = await runFetch(dir, `${base}/ok`);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readFileSync(target(dir)), TEXT);
  });
});

describe('no network use in the shipped extension', () => {
  // The server and client source: every import, and any global network API.
  const sourceFiles = ['server/src', 'client/src'].flatMap((dir) => readdirSync(join(PROJECT_ROOT, dir), { recursive: true })
    .map(String).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)));
  const NETWORK_MODULES = /^(node:)?(http|https|http2|net|tls|dgram|undici)$|^(axios|node-fetch|got|ws)$/;

  it('no server or client source imports a network module or calls fetch, XMLHttpRequest or WebSocket', () => {
    assert.ok(sourceFiles.length > 20, 'source files were found');
    const offenders: string[] = [];
    for (const file of sourceFiles) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
        if (NETWORK_MODULES.test(match[1])) offenders.push(`${file}: imports ${match[1]}`);
      }
      for (const match of text.matchAll(/\b(fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(/g)) offenders.push(`${file}: calls ${match[1]}`);
    }
    assert.deepEqual(offenders, []);
  });

  it('the built server, client and CLI bundles load no HTTP, TLS or UDP module and call no fetch', () => {
    // `net` is present on purpose: vscode-jsonrpc's pipe and socket transports for the local
    // connection between client and server. What would reach the internet is looked for here.
    for (const bundle of ['dist/server/server.js', 'dist/client/extension.js', 'dist/cli/cli.js']) {
      const text = readFileSync(join(PROJECT_ROOT, bundle), 'utf8');
      assert.doesNotMatch(text, /require\(["'](node:)?(https?|http2|tls|dgram|undici)["']\)/, bundle);
      assert.doesNotMatch(text, /\b(fetch|XMLHttpRequest|WebSocket)\s*\(/, bundle);
    }
  });
});
