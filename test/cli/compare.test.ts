// The bundled CLI's diff command, run as a user would (node dist/cli/cli.js diff …) on the
// seed policies, read in place from ../shared/seeds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { PROJECT_ROOT, SEEDS_DIR, upstreamLibrary } from '../support/upstream';

const cli = join(PROJECT_ROOT, 'dist/cli/cli.js');
const seedPath = (n: string) => join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${n}_`))!);

interface Point {
  line: number;
  column: number;
}
interface Range {
  start: Point;
  end: Point;
}
interface Report {
  file: string;
  against: { family: string; version?: string; language?: string; file?: string };
  summary: Record<'identical' | 'modified' | 'added' | 'removed' | 'moved' | 'wordsChanged' | 'fields', number>;
  sections: { id: string | null; heading: string; upstreamHeading?: string; status: string; range?: Range; changes: { kind: string; policy: Range; text: string; upstreamText: string }[] }[];
}

/** Runs `conduct-lens diff …`, with `input` on standard input. */
function diff(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, 'diff', ...args], { encoding: 'utf8', ...(input !== undefined && { input }) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const reports = new Map<string, { code: number | null; report: Report }>();

/** `diff --format json …`, run once per set of arguments: each run loads the library anew, which takes a second or two. */
function diffJson(...args: string[]): { code: number | null; report: Report } {
  const key = args.join('\0');
  if (!reports.has(key)) {
    const { code, stdout, stderr } = diff(['--format', 'json', ...args]);
    assert.ok(stdout, `no JSON on stdout (exit ${code}): ${stderr}`);
    reports.set(key, { code, report: JSON.parse(stdout) as Report });
  }
  return structuredClone(reports.get(key)!);
}

/** The text between two 1-based positions, counted here independently of the CLI. */
function textAt(text: string, range: Range): string {
  const lines = text.split(/(?<=\n)/);
  const offset = ({ line, column }: Point) => lines.slice(0, line - 1).reduce((n, l) => n + l.length, 0) + column - 1;
  return text.slice(offset(range.start), offset(range.end));
}

const fold = (text: string) => text.replace(/\s+/gu, ' ').trim();
/** Changes whose text is the policy's own words over their range (a link's text is its URL; formatting has none). */
const worded = (kind: string) => !['link', 'formatting'].includes(kind);

describe('conduct-lens diff', () => {
  before(() => {
    assert.ok(existsSync(cli), 'dist/cli/cli.js is missing: run "npm run build" first');
  });

  it('exits 0 for seed 003 against its detected base, 2.0, which it follows word for word apart from the contact it filled in', () => {
    const { code, report } = diffJson(seedPath('003'));
    assert.equal(code, 0);
    assert.equal(report.against.family, 'contributor-covenant');
    assert.equal(report.against.version, '2.0');
    assert.equal(report.summary.modified, 0);
    const contact = report.sections.flatMap((s) => s.changes).find((c) => c.kind === 'field' && c.upstreamText === '[INSERT CONTACT METHOD]');
    assert.ok(contact, 'a field change for the contact placeholder');
    assert.notEqual(contact.text, contact.upstreamText);
    assert.equal(textAt(readFileSync(seedPath('003'), 'utf8'), contact.policy), contact.text);
  });

  it('gives 1-based line and column ranges that point at each section heading and at each change in the file', () => {
    for (const [n, against] of [['003', []], ['002', ['--against', '2.1']]] as const) {
      const text = readFileSync(seedPath(n), 'utf8');
      const lines = text.split('\n');
      const { report } = diffJson(seedPath(n), ...against);
      const first = report.sections.find((s) => s.range)!;
      assert.ok(first.range!.start.line >= 1 && first.range!.start.column === 1, `seed ${n}: the first section starts in column 1`);
      for (const section of report.sections) {
        if (!section.range || !section.heading) continue;
        assert.ok(lines[section.range.start.line - 1].includes(section.heading), `seed ${n}: line ${section.range.start.line} holds the heading "${section.heading}"`);
      }
      const changes = report.sections.flatMap((s) => s.changes).filter((c) => worded(c.kind) && c.text);
      assert.ok(changes.length > 0);
      for (const change of changes) assert.equal(fold(textAt(text, change.policy)), change.text, `seed ${n}: ${change.kind} at ${change.policy.start.line}:${change.policy.start.column}`);
    }
  });

  it('exits 1 for seed 002 against 2.1, whose wording differs, and lists exactly one added section', () => {
    const { code, report } = diffJson(seedPath('002'), '--against', '2.1');
    assert.equal(code, 1);
    assert.deepEqual({ version: report.against.version, language: report.against.language }, { version: '2.1', language: 'en' });
    const added = report.sections.filter((s) => s.status === 'added');
    assert.equal(added.length, 1);
    assert.equal(added[0].id, null, 'an addendum has no standard section id');
    assert.equal(report.summary.added, 1);
    assert.ok(report.summary.modified > 0);
  });

  it('prints text grouped by section: a "## heading" per section that differs, then "-" lines with the base\'s words and "+" lines with the policy\'s', () => {
    const { code, stdout } = diff([seedPath('002'), '--against', '2.1']);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], '--- Contributor Covenant 2.1 (en)');
    assert.equal(lines[1], `+++ ${seedPath('002')}`);
    const blocks = stdout.split(/^(?=## )/m).slice(1).map((block) => block.trimEnd().split('\n'));
    const { report } = diffJson(seedPath('002'), '--against', '2.1');
    const shown = report.sections.filter((s) => s.status !== 'identical' || s.changes.length);
    assert.equal(blocks.length, shown.length, 'one block per section that differs');
    blocks.forEach((block, k) => {
      const section = shown[k];
      assert.ok(block[0].startsWith(`## ${section.heading || section.upstreamHeading}`), `${block[0]} names ${section.heading}`);
      if (section.status === 'modified') assert.match(block[0], /: modified, \d+% similar$/);
      const expected = section.changes.filter((c) => c.kind !== 'formatting').flatMap((c) => [...(c.upstreamText ? [`-${c.upstreamText}`] : []), ...(c.text ? [`+${c.text}`] : [])]);
      assert.deepEqual(block.filter((l) => /^[-+]/.test(l)), expected, `the - and + lines of "${section.heading}"`);
    });
    assert.ok(blocks.flat().some((l) => l.startsWith('-')) && blocks.flat().some((l) => l.startsWith('+')));
  });

  it('shows the filled-in contact of seed 003 as a field change: the placeholder on a "-" line, the contact on a "+" line', () => {
    const { code, stdout } = diff([seedPath('003')]);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    const minus = lines.indexOf('-[INSERT CONTACT METHOD]');
    assert.ok(minus > 0, stdout);
    assert.match(lines[minus - 1], /^@@ line \d+ · field @@$/);
    assert.match(lines[minus + 1], /^\+\S/);
  });

  it('compares two policies with --with and pairs the sections they share (seed 001 with seed 003)', () => {
    const { code, report } = diffJson(seedPath('001'), '--with', seedPath('003'));
    assert.equal(code, 1, 'their wording differs');
    assert.deepEqual(report.against, { family: 'policy', file: seedPath('003') });
    const paired = report.sections.filter((s) => s.upstreamHeading !== undefined && s.status !== 'added' && s.status !== 'removed');
    const ids = paired.map((s) => s.id);
    for (const id of ['pledge', 'standards', 'scope', 'enforcement', 'enforcement-guidelines', 'rung:correction', 'rung:warning', 'rung:temporary-ban', 'rung:permanent-ban', 'attribution']) {
      assert.ok(ids.includes(id), `"${id}" is paired (paired: ${ids.join(', ')})`);
    }
    for (const s of paired) assert.ok(s.range, `${s.heading} has its range in seed 001`);
    const pledge = paired.find((s) => s.id === 'pledge')!;
    assert.equal(pledge.heading, pledge.upstreamHeading, 'both policies call it the same');
    assert.ok(report.sections.some((s) => s.status === 'added' && s.id === null), "seed 001's own sections are reported as added");
    assert.equal(diff([seedPath('001'), '--with', seedPath('003')]).stdout.split('\n')[0], `--- ${seedPath('003')}`);
  });

  it('exits 2 for --against 9.9 with a message naming the versions that exist', () => {
    const { code, stdout, stderr } = diff([seedPath('003'), '--against', '9.9']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /no Contributor Covenant 9\.9/);
    const versions = [...new Set(upstreamLibrary().texts.map((t) => t.entry.version))];
    assert.ok(versions.length > 1);
    for (const version of versions) assert.ok(stderr.includes(version), `${version} is named in: ${stderr}`);
  });

  it('exits 2 for a malformed --against and says which form it takes', () => {
    const { code, stdout, stderr } = diff([seedPath('003'), '--against', 'x']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /--against takes <version>\[\/<language>\]\[@<commit>\].*not "x"/);
  });

  it('exits 2 when no policy file is given', () => {
    const { code, stdout, stderr } = diff([]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /diff takes one policy file/);
  });

  it('reads the policy from standard input for "-" and compares it as it would the file', () => {
    const fromFile = diffJson(seedPath('003'));
    const piped = diff(['--format', 'json', '-'], readFileSync(seedPath('003'), 'utf8'));
    assert.equal(piped.code, 0, piped.stderr);
    const report = JSON.parse(piped.stdout) as Report;
    assert.equal(report.file, '-');
    assert.deepEqual({ ...report, file: fromFile.report.file }, fromFile.report);
  });
});
