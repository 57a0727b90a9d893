#!/usr/bin/env node
// `npm start [-- policy.md ...]`: builds the extension, then checks the given policies (the
// sample policy by default) with the CLI, printing each finding with its line and column.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const files = process.argv.slice(2);
const targets = files.length ? files : [join(root, 'test/e2e/workspace/CODE_OF_CONDUCT.md')];
const check = spawnSync(process.execPath, [join(root, 'dist/cli/cli.js'), 'check', ...targets], { stdio: 'inherit' });
process.exit(check.status ?? 1);
