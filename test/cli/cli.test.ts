import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { PROJECT_ROOT, SEEDS_DIR, upstreamLibrary, upstreamText } from '../support/upstream';

const cli = join(PROJECT_ROOT, 'dist/cli/cli.js');
const seedFile = (n: string) => join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${n}_`))!);

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('conduct-lens CLI', () => {
  before(() => {
    assert.ok(existsSync(cli), 'dist/cli/cli.js is missing: run "npm run build" first');
  });

  it('check prints each finding with file, 1-based line and column, and exits 1 on error-level findings', () => {
    const { code, stdout } = run('check', seedFile('001'));
    assert.equal(code, 1);
    assert.match(stdout, /001_[0-9a-f]+\.txt:224:\d+: error Unfilled placeholder \[Insert contact information\]/);
    assert.match(stdout, /:225:\d+: error Unexpected template contact security@yourorg\.com/);
  });

  it('check exits 0 when nothing is at error level', () => {
    assert.equal(run('check', seedFile('003')).code, 0);
  });

  it('check --format json gives file, base and findings with 1-based ranges', () => {
    const { code, stdout } = run('check', '--format', 'json', seedFile('002'));
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.file, seedFile('002'));
    assert.deepEqual({ family: report.base.family, version: report.base.version, language: report.base.language }, { family: 'contributor-covenant', version: '2.1', language: 'en' });
    assert.ok(report.base.similarity > 0.5 && report.base.similarity <= 1);
    const mojibake = report.findings.find((f: { rule: string }) => f.rule === 'mojibake');
    assert.deepEqual(mojibake.range, { start: { line: 124, column: 1 }, end: { line: 124, column: 3 } });
    assert.equal(mojibake.severity, 'warning');
  });

  it('check --format sarif is valid SARIF 2.1.0', () => {
    const { stdout } = run('check', '--format', 'sarif', seedFile('001'), seedFile('004'));
    const log = JSON.parse(stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ schemaId: 'id', allErrors: true });
    ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
    const valid = ajv.validate(schema, log);
    assert.ok(valid, ajv.errorsText(ajv.errors));
    const results = log.runs[0].results;
    assert.ok(results.some((r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.ruleId === 'stray-content' && r.locations[0].physicalLocation.region.startLine === 130));
    const rules = log.runs[0].tool.driver.rules;
    for (const r of results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
  });

  it('detect names the version and language, and says when a policy is not Covenant-based', () => {
    assert.match(run('detect', seedFile('003')).stdout, /Contributor Covenant 2\.0 \(en\)/);
    const dir = mkdtempSync(join(tmpdir(), 'conduct-cli-'));
    const own = join(dir, 'rules.md');
    writeFileSync(own, '# Workshop rules\n\nBring your own tools. Sweep the floor before you leave. Ask before borrowing a chisel.\n');
    assert.match(run('detect', own).stdout, /not based on the Contributor Covenant/);
  });

  it('detect names an earlier wording: its commit and dates in json, the months upstream published it in text', () => {
    // An earlier 1.4 wording, rebuilt from the bundle and written out as a policy would be.
    const earlier = upstreamLibrary().revisionsOf(upstreamText('1.4')).at(-1)!;
    const file = join(mkdtempSync(join(tmpdir(), 'conduct-cli-')), 'CODE_OF_CONDUCT.md');
    writeFileSync(file, earlier.body);
    const json = JSON.parse(run('detect', '--format', 'json', file).stdout);
    assert.deepEqual({ version: json.version, language: json.language, revision: json.revision }, { version: '1.4', language: 'en', revision: earlier.revision });
    assert.equal(json.source, undefined, 'the upstream text itself is not printed');
    const published = ({ firstDate, lastDate }: { firstDate: string; lastDate: string }) => (firstDate.slice(0, 7) === lastDate.slice(0, 7) ? firstDate.slice(0, 7) : `${firstDate.slice(0, 7)} to ${lastDate.slice(0, 7)}`);
    assert.match(run('detect', file).stdout, new RegExp(`: Contributor Covenant 1\\.4 \\(en\\), as published ${published(earlier.revision!)}, 100% similar`));
    assert.equal(JSON.parse(run('detect', '--format', 'json', seedFile('003')).stdout).revision, null);
    const check = JSON.parse(run('check', '--format', 'json', file).stdout);
    assert.deepEqual(check.base.revision, earlier.revision);
    assert.ok(check.findings.some((f: { rule: string }) => f.rule === 'earlier-wording'));
  });

  it('explain describes a rule; rules lists them all', () => {
    assert.match(run('explain', 'private-reporting-channel').stdout, /private-reporting-channel \(default severity: warning\)/);
    assert.match(run('rules').stdout, /^unfilled-placeholder\s+error/m);
  });

  it('exits 2 with a clear message on usage and I/O errors', () => {
    const missing = run('check', '/no/such/policy.md');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read \/no\/such\/policy\.md: no such file/);
    assert.equal(run('check', '--format', 'xml', seedFile('001')).code, 2);
    assert.equal(run('frobnicate').code, 2);
    assert.equal(run('explain', 'no-such-rule').code, 2);
    assert.equal(run().code, 2);
  });

  it('reports a binary file as unreadable instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduct-cli-'));
    const binary = join(dir, 'CODE_OF_CONDUCT.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]));
    const { code, stdout } = run('check', '--format', 'json', binary);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule), ['unreadable-input']);
  });
});
