// The bundled CLI's diff command, run as a user would (node dist/cli/cli.js diff …) on the
// seed policies, read in place from ../shared/seeds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parseConductDocument, upgradePolicy } from '../../server/src/core/index';
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

  it('aligns every standard section of seed 004 (plain text from a PDF) with 2.1, removes none, and counts only its own wording', () => {
    const { code, report } = diffJson(seedPath('004'), '--against', '2.1');
    assert.equal(code, 1);
    assert.equal(report.summary.removed, 0);
    const paired = new Set(report.sections.filter((s) => s.status !== 'added').map((s) => s.id));
    for (const id of ['pledge', 'standards', 'enforcement-responsibilities', 'scope', 'enforcement', 'enforcement-guidelines', 'attribution']) assert.ok(paired.has(id), `${id} is aligned`);
    const wording = report.sections.flatMap((s) => s.changes).filter((c) => ['insert', 'delete', 'replace'].includes(c.kind));
    // Nothing the PDF's layout did (wrapping, bullets, split lines) is wording: each change differs in its words.
    for (const change of wording) assert.notEqual(fold(change.text).toLowerCase(), fold(change.upstreamText).toLowerCase());
    assert.ok(wording.some((c) => c.text === 'stewards' && c.upstreamText === 'leaders'));
  });

  it('upgrades seed 003 to 2.1 as a dry run that keeps its contact, and reports applied, kept and no conflicts as JSON', () => {
    const text = spawnSync(process.execPath, [cli, 'upgrade', seedPath('003'), '--to', '2.1'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.ok(text.stdout.includes('feedback@'), 'the filled contact is kept');
    assert.match(text.stderr, /upstream changes? applied, \d+ of your edits kept, 0 conflicts/);
    const json = spawnSync(process.execPath, [cli, 'upgrade', seedPath('003'), '--to', '2.1', '--format', 'json'], { encoding: 'utf8' });
    const result = JSON.parse(json.stdout) as { to: { version: string }; applied: unknown[]; kept: unknown[]; conflicts: unknown[] };
    assert.equal(result.to.version, '2.1');
    assert.ok(result.applied.length > 0);
    assert.deepEqual(result.conflicts, []);
    assert.equal(readFileSync(seedPath('003'), 'utf8').includes('feedback@'), true, 'a dry run writes nothing');
  });

  it('writes an upgrade atomically with a .bak of the old text, and refuses to write over a conflict unless forced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduct-upgrade-'));
    try {
      const clean = join(dir, 'CODE_OF_CONDUCT.md');
      const original = readFileSync(seedPath('003'), 'utf8');
      writeFileSync(clean, original);
      const written = spawnSync(process.execPath, [cli, 'upgrade', clean, '--to', '2.1', '--write'], { encoding: 'utf8' });
      assert.equal(written.status, 0, written.stderr);
      assert.equal(readFileSync(`${clean}.bak`, 'utf8'), original);
      assert.notEqual(readFileSync(clean, 'utf8'), original);
      assert.deepEqual(readdirSync(dir).sort(), ['CODE_OF_CONDUCT.md', 'CODE_OF_CONDUCT.md.bak'], 'no temporary file is left behind');

      // A policy that put its own words where 2.1 added words to 2.0 conflicts there.
      const library = upstreamLibrary();
      const v20 = library.find('2.0', 'en')!;
      const v21 = library.find('2.1', 'en')!;
      const plan = upgradePolicy(parseConductDocument(v20.body, library, { baseSections: library.sectionsOf(v20) }), library, v20, v21);
      const at = plan.applied.find((a) => a.kind === 'wording')!.policy.start;
      const conflicted = join(dir, 'conflicted.md');
      const ours = `${v20.body.slice(0, at)} our own words ${v20.body.slice(at)}`;
      writeFileSync(conflicted, ours);
      const refused = spawnSync(process.execPath, [cli, 'upgrade', conflicted, '--to', '2.1', '--write'], { encoding: 'utf8' });
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /Not written/);
      assert.equal(readFileSync(conflicted, 'utf8'), ours);
      const forced = spawnSync(process.execPath, [cli, 'upgrade', conflicted, '--to', '2.1', '--write', '--force'], { encoding: 'utf8' });
      assert.equal(forced.status, 1, 'conflicts still exit 1');
      assert.ok(readFileSync(conflicted, 'utf8').includes('our own words'));
      assert.equal(readFileSync(`${conflicted}.bak`, 'utf8'), ours);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to upgrade to 3.0 and points at the migration, which prints a draft with its notes', () => {
    const refused = spawnSync(process.execPath, [cli, 'upgrade', seedPath('003'), '--to', '3.0'], { encoding: 'utf8' });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /migration/);
    const draft = spawnSync(process.execPath, [cli, 'migrate', seedPath('003'), '--to', '3.0'], { encoding: 'utf8' });
    assert.equal(draft.status, 0, draft.stderr);
    assert.match(draft.stdout, /^## Encouraged Behaviors$/m);
    assert.match(draft.stdout, /<!-- Conduct Lens: /);
    assert.match(draft.stderr, /\d+ notes to review/);
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
