import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PROJECT_ROOT, seed } from '../support/upstream';

const cli = join(PROJECT_ROOT, 'dist/cli/cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'conduct-cli-config-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Seed 001 (which has unfilled placeholders, an error) in docs/ of a fresh project with this config at its root. */
function project(name: string, config?: string): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'CODE_OF_CONDUCT.md'), seed('001'));
  if (config !== undefined) writeFileSync(join(root, '.conductrc.json'), config);
  return join(root, 'docs', 'CODE_OF_CONDUCT.md');
}

describe('CLI with .conductrc.json', () => {
  it('reports unfilled placeholders without a config file (the baseline)', () => {
    const file = project('none');
    const { code, stdout } = run(scratch, 'check', file);
    assert.equal(code, 1);
    assert.match(stdout, /error Unfilled placeholder/);
  });

  it('check takes rule severities from the nearest config file upward from the policy', () => {
    const file = project('off', '{\n  // filled at release time\n  "rules": { "unfilled-placeholder": "off", "placeholder-contact": "off" },\n}');
    const { code, stdout, stderr } = run(scratch, 'check', file);
    assert.doesNotMatch(stdout, /Unfilled placeholder/);
    assert.equal(code, 0, stdout);
    assert.equal(stderr, '');
  });

  it('check --format json reports the configured base', () => {
    const file = project('base', '{ "base": "2.1" }');
    const report = JSON.parse(run(scratch, 'check', '--format', 'json', file).stdout);
    assert.deepEqual([report.base.version, report.base.layer], ['2.1', 'configured']);
  });

  it('prints each problem of the file once on standard error, with line and column, and still checks', () => {
    const file = project('bad', '{\n  "rules": { "unfilled-placeholder": "silent" }\n}');
    const { code, stdout, stderr } = run(scratch, 'check', file, file);
    assert.equal(code, 1);
    assert.match(stdout, /Unfilled placeholder/);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /^conduct-lens: .*\.conductrc\.json:2:38: "rules"\."unfilled-placeholder": expected one of error, warning, information, hint, off; using the default\.$/m);
  });

  it('names a JSON syntax error and checks with the defaults', () => {
    const file = project('syntax', '{ "rules": { "unfilled-placeholder": "off" ');
    const { code, stderr } = run(scratch, 'check', file);
    assert.equal(code, 1);
    assert.match(stderr, /\.conductrc\.json:1:\d+: JSON syntax error: .*; the file is ignored until it is fixed\./);
  });

  it('diff compares with the configured base', () => {
    const file = project('diffbase', '{ "base": "2.1" }');
    const { stdout } = run(scratch, 'diff', '--format', 'json', file);
    assert.equal(JSON.parse(stdout).against.version, '2.1');
  });
});
