#!/usr/bin/env node
// Runs the same real-editor suite with @vscode/test-electron, for machines that can download
// VS Code (it cannot here: CI uses runCodeServer.mjs). Usage: npm run test:e2e:electron
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = join(mkdtempSync(join(tmpdir(), 'conduct-e2e-')), 'workspace');
cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.CONDUCT_VSCODE_VERSION ?? '1.139.1',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/e2e/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`e2e (electron): ${error?.message ?? error}`);
  process.exit(1);
}
