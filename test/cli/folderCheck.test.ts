import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { findPolicyFiles } from '../../server/src/cli/folderCheck';
import { PROJECT_ROOT, upstreamText } from '../support/upstream';

const cli = join(PROJECT_ROOT, 'dist/cli/cli.js');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch project holding `files` (path → text). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'conduct-folder-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

interface Report {
  file: string;
  base: { version?: string; language?: string } | null;
  findings: { rule: string; severity: string; message: string; range: { start: { line: number; column: number } } }[];
}

describe('conduct-lens check <folder>', () => {
  before(() => {
    assert.ok(existsSync(cli), 'dist/cli/cli.js is missing: run "npm run build" first');
  });

  it('finds policy names and misspelled ones anywhere in the tree, but not in node_modules or .git', () => {
    const root = project({
      'CODE_OF_CONDUCT.md': 'x',
      'docs/fr/CODE_OF_CONDUCT.md': 'x',
      '.github/CCODE_OF_CONDUCT.md': 'x',
      'CODE_OF_CONDUCT.md.txt': 'x',
      'README.md': 'x',
      'node_modules/left-pad/CODE_OF_CONDUCT.md': 'x',
      '.git/CODE_OF_CONDUCT.md': 'x',
    });
    assert.deepEqual(findPolicyFiles(root), ['.github/CCODE_OF_CONDUCT.md', 'CODE_OF_CONDUCT.md', 'CODE_OF_CONDUCT.md.txt', 'docs/fr/CODE_OF_CONDUCT.md']);
  });

  it('checks every policy in the folder, reports the misspelled name and the drifted translation', () => {
    const root = project({
      'CODE_OF_CONDUCT.md': upstreamText('2.1').body,
      'CODE_OF_CONDUCT.de.md': upstreamText('2.0', 'de').body,
      'docs/CODE_OF_CUNDUCT.md': upstreamText('2.1').body,
      'node_modules/some-package/CODE_OF_CONDUCT.md': upstreamText('1.4').body,
    });
    const { code, stdout, stderr } = run('check', '--format', 'json', root);
    assert.equal(code, 1, stderr);
    const reports: Report[] = JSON.parse(stdout);
    assert.deepEqual(reports.map((r) => r.file), [join(root, 'CODE_OF_CONDUCT.de.md'), join(root, 'CODE_OF_CONDUCT.md'), join(root, 'docs/CODE_OF_CUNDUCT.md')]);
    const [german, english, misspelled] = reports;
    assert.deepEqual({ version: german.base?.version, language: german.base?.language }, { version: '2.0', language: 'de' });
    const drift = german.findings.filter((f) => f.rule === 'translation-drift');
    assert.equal(drift.length, 1);
    assert.equal(drift[0].severity, 'warning');
    assert.deepEqual(drift[0].range.start, { line: 1, column: 1 });
    assert.match(drift[0].message, /follows Contributor Covenant 2\.0, but the primary policy CODE_OF_CONDUCT\.md follows Contributor Covenant 2\.1/);
    assert.deepEqual(english.findings.filter((f) => f.rule === 'translation-drift' || f.rule === 'misspelled-file-name'), []);
    const name = misspelled.findings.filter((f) => f.rule === 'misspelled-file-name');
    assert.equal(name.length, 1);
    assert.match(name[0].message, /"CODE_OF_CUNDUCT\.md".*expected "CODE_OF_CONDUCT\.md"/);
  });

  it('prints folder findings as text lines at 1:1', () => {
    const root = project({ 'CODE_OF_CONDUCT.md.txt': upstreamText('2.1').body });
    const { stdout } = run('check', root);
    assert.match(stdout, /CODE_OF_CONDUCT\.md\.txt:1:1: warning GitHub does not recognise "CODE_OF_CONDUCT\.md\.txt" as a code of conduct \(it has two extensions\): expected "CODE_OF_CONDUCT\.md"\. \[misspelled-file-name\]/);
  });

  it('does not report a misspelled name when the conventional one sits beside it', () => {
    const root = project({ 'CODE_OF_CONDUCT.md': upstreamText('2.1').body, 'CODE_OF_CONDUCT.md.txt': upstreamText('2.1').body });
    const reports: Report[] = JSON.parse(run('check', '--format', 'json', root).stdout);
    assert.deepEqual(reports.flatMap((r) => r.findings.filter((f) => f.rule === 'misspelled-file-name')), []);
  });

  it('says so when a folder holds no policy, and exits 0', () => {
    const root = project({ 'README.md': '# Hello\n' });
    const { code, stdout, stderr } = run('check', root);
    assert.equal(code, 0);
    assert.match(stderr, /no policy files in /);
    assert.match(stdout, /No findings in 0 files\./);
  });

  it('lists the folder findings in SARIF with their rule entries', () => {
    const root = project({ 'CODE_OF_CONDUCT.md': upstreamText('2.1').body, 'CODE_OF_CONDUCT.de.md': upstreamText('2.0', 'de').body });
    const log = JSON.parse(run('check', '--format', 'sarif', root).stdout);
    const rules = log.runs[0].tool.driver.rules;
    const drift = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'translation-drift');
    assert.ok(drift, JSON.stringify(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)));
    assert.equal(rules[drift.ruleIndex].id, 'translation-drift');
  });
});
