// `check` over many files runs on worker threads, one per core: the reports must be exactly
// those one thread gives, in the same order, and an unreadable file must fail the run the
// same way.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PARALLEL_MIN_FILES, workersFor } from '../../server/src/cli/parallelCheck';
import { PROJECT_ROOT, upstreamLibrary } from '../support/upstream';

const cli = join(PROJECT_ROOT, 'dist', 'cli', 'cli.js');

function run(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
}

describe('conduct-lens check over many files', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'conduct-parallel-'));
    const texts = upstreamLibrary().texts;
    for (let i = 0; i < PARALLEL_MIN_FILES + 6; i++) {
      const folder = join(root, `project-${i}`);
      mkdirSync(folder, { recursive: true });
      // Each a bundled text with a note of our own; every third keeps the contact placeholder, so some exit 1.
      const body = texts[(i * 7) % texts.length].body;
      writeFileSync(join(folder, 'CODE_OF_CONDUCT.md'), `${i % 3 ? body.replace(/\[INSERT [^\]]*\]/g, 'conduct@lantern.example') : body}\n\nLantern note ${i}.\n`);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('gives byte for byte the JSON and exit code of a one-thread run, in the same order', () => {
    const one = run({ CONDUCT_CHECK_THREADS: '1' }, 'check', '--format', 'json', root);
    const two = run({ CONDUCT_CHECK_THREADS: '2' }, 'check', '--format', 'json', root);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, one.status, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(JSON.parse(one.stdout).length, PARALLEL_MIN_FILES + 6);
  });

  it('fails with the same message as one thread when a listed file cannot be read', () => {
    const missing = join(root, 'nowhere', 'CODE_OF_CONDUCT.md');
    const files = Array.from({ length: PARALLEL_MIN_FILES }, (_, i) => join(root, `project-${i}`, 'CODE_OF_CONDUCT.md'));
    const one = run({ CONDUCT_CHECK_THREADS: '1' }, 'check', ...files, missing);
    const two = run({ CONDUCT_CHECK_THREADS: '2' }, 'check', ...files, missing);
    assert.equal(one.status, 2);
    assert.equal(two.status, 2);
    assert.match(one.stderr, /cannot read .*nowhere.*no such file/);
    assert.equal(two.stderr, one.stderr);
  });

  it('uses no worker for few files or one core, and at most one per core', () => {
    assert.equal(workersFor(PARALLEL_MIN_FILES - 1, 8), 0);
    assert.equal(workersFor(1000, 1), 0);
    assert.equal(workersFor(1000, 2), 2);
    assert.equal(workersFor(1000, 64), 4);
  });
});
