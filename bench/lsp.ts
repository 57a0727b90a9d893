// The language server as an editor meets it: the bundled server (dist/server/server.js) spawned
// with --stdio and driven by a real JSON-RPC client (test/protocol/harness.ts). Measures the
// round trips issue 9 sets targets for: a change to diagnostics, a typing burst, cold start,
// a 1 MiB policy and how long it blocks a hover on another document, and memory with 50
// policies open. Policies are generated at run time from the bundled texts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ExitNotification, HoverRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { LspSession, PULL_CLIENT, within } from '../test/protocol/harness';
import { PROJECT_ROOT, upstreamLibrary, upstreamText } from '../test/support/upstream';
import { largePolicy } from './largePolicy';

export const SERVER = join(PROJECT_ROOT, 'dist', 'server', 'server.js');

export interface LspFigures {
  changeMedianMs: number;
  changeP95Ms: number;
  burstP95Ms: number;
  /** Whether every burst's result was that of its last version. */
  burstLastVersion: boolean;
  coldStartMedianMs: number;
  /** Size of the large policy: 1 MiB, or 128 KiB in a quick run. */
  largeKiB: number;
  largeDiagnosticsMs: number;
  /** How long a hover on a small policy, sent while the 1 MiB one is analysed, waited. */
  largeHoverWaitMs: number;
  rss50MiB: number;
  /** How many policies were open when the RSS was read: 50, or 10 in a quick run. */
  openPolicies: number;
  rounds: { change: number; burst: number; cold: number };
}

interface Spawned {
  session: LspSession;
  child: ChildProcessWithoutNullStreams;
}

async function spawnServer(): Promise<Spawned> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.resume();
  const session = await LspSession.connect(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin), {
    capabilities: PULL_CLIENT,
    processId: process.pid,
    timeoutMs: 30_000,
  });
  return { session, child };
}

async function stop({ session, child }: Spawned): Promise<void> {
  try {
    await session.dispose();
    await session.client.sendNotification(ExitNotification.type);
  } catch {
    // A server that is already gone is stopped.
  }
  if (child.exitCode === null) {
    child.kill();
    await once(child, 'exit');
  }
}

/** A policy of about `size` characters: 2.1 with its contact filled and addenda in our own words. */
export function policyOfSize(size: number, salt = 0): string {
  const body = upstreamText('2.1').body.replace(/\[INSERT CONTACT METHOD\]/g, 'conduct@lantern.dev');
  const addenda: string[] = [];
  for (let i = 0; addenda.join('\n\n').length + body.length < size; i++) {
    addenda.push(`## Lantern note ${i + 1}\n\nThe Lantern stewards read every note ${salt + i} within two working days and answer in writing, keeping the name of whoever wrote it to themselves.`);
  }
  return `${body}\n\n${addenda.join('\n\n')}\n`;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the server process's resident set size from /proc, in MiB (Linux); NaN elsewhere. */
function rssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

export async function measureLsp(quick: boolean): Promise<LspFigures | string> {
  if (!existsSync(SERVER)) return `no bundled server at ${SERVER}: run npm run build first`;
  const rounds = { change: quick ? 10 : 100, burst: quick ? 1 : 5, cold: quick ? 1 : 5 };
  const uri = 'file:///bench/CODE_OF_CONDUCT.md';
  const small = policyOfSize(10 * 1024);

  // Cold start: spawn, initialize, open, first diagnostics.
  const cold: number[] = [];
  for (let r = 0; r < rounds.cold; r++) {
    const t0 = performance.now();
    const server = await spawnServer();
    await server.session.open(uri, small);
    await server.session.pullDiagnostics(uri, 30_000);
    cold.push(performance.now() - t0);
    await stop(server);
  }

  const server = await spawnServer();
  const { session } = server;
  try {
    await session.open(uri, small);
    await session.pullDiagnostics(uri, 30_000);

    // One edit, then the diagnostics the client pulls for it.
    const change: number[] = [];
    for (let r = 0; r < rounds.change; r++) {
      const text = small.replace('within two working days', `within ${r + 2} working days`);
      const t0 = performance.now();
      await session.change(uri, text);
      await session.pullDiagnostics(uri);
      change.push(performance.now() - t0);
    }

    // 50 changes in one second, as typing sends them, then one pull: the server analyses on
    // pull, so only the last version is analysed; its result must carry the last edit, which
    // is the only version with a placeholder in it.
    const burst: number[] = [];
    let lastVersion = true;
    for (let r = 0; r < rounds.burst; r++) {
      for (let k = 0; k < 50; k++) {
        const last = k === 49;
        await session.change(uri, small.replace('within two working days', last ? 'within [NUMBER] working days' : `within ${k + 3} working days`));
        if (!last) await sleep(20);
      }
      const t0 = performance.now();
      const diagnostics = await session.pullDiagnostics(uri);
      burst.push(performance.now() - t0);
      lastVersion &&= diagnostics.some((d) => d.code === 'unfilled-placeholder' && /\[NUMBER\]/.test(d.message));
      await session.change(uri, small);
    }

    // Memory with 50 policies open, before any large one starts the analysis worker: each bundled text of a few versions and languages, plus an addendum of its own.
    const library = upstreamLibrary();
    const texts = library.texts.slice(0, quick ? 10 : 50);
    for (const [i, text] of texts.entries()) {
      const u = `file:///bench/many/${i}/CODE_OF_CONDUCT.md`;
      await session.open(u, `${text.body}\n\n## Lantern note\n\nNote ${i}: the stewards answer within a week.\n`);
      await session.pullDiagnostics(u, 30_000);
    }
    const rss50MiB = rssMiB(server.child.pid);

    // A 1 MiB policy: time to its diagnostics, and how long a hover on the small policy,
    // sent 20 ms into that analysis, waits for an answer.
    const large = largePolicy(upstreamText('2.1').body, 3, quick ? 128 << 10 : 1 << 20);
    const largeUri = 'file:///bench/large/CODE_OF_CONDUCT.md';
    await session.open(largeUri, large);
    const t0 = performance.now();
    const diagnostics = session.pullDiagnostics(largeUri, 60_000);
    await sleep(20);
    const h0 = performance.now();
    await within(session.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } }), 'a hover during the 1 MiB analysis', 60_000);
    const largeHoverWaitMs = performance.now() - h0;
    await diagnostics;
    const largeDiagnosticsMs = performance.now() - t0;
    await session.close(largeUri);


    return {
      changeMedianMs: quantile(change, 0.5),
      changeP95Ms: quantile(change, 0.95),
      burstP95Ms: quantile(burst, 0.95),
      burstLastVersion: lastVersion,
      coldStartMedianMs: quantile(cold, 0.5),
      largeKiB: large.length / 1024,
      largeDiagnosticsMs,
      largeHoverWaitMs,
      rss50MiB,
      openPolicies: texts.length,
      rounds,
    };
  } finally {
    await stop(server);
  }
}
