// The corpus evaluation's glue: reads the labels file and turns a CheckResult into the
// plain shape eval/score.ts scores. No file system here either; eval/run.ts reads the files.
import type { CheckResult, LineIndex } from '../server/src/core/index';
import type { FileLabel, FileResult, ObservedBase } from './score';

/** Parses and checks eval/labels.json; throws with the file and field on a malformed label. */
export function loadLabels(json: string): FileLabel[] {
  const data = JSON.parse(json) as { files?: unknown };
  if (!Array.isArray(data.files)) throw new Error('labels: expected { "files": [...] }');
  return data.files.map((raw: FileLabel, i: number) => {
    const where = `labels.files[${i}] (${raw?.file ?? '?'})`;
    if (typeof raw?.file !== 'string') throw new Error(`${where}: file must be a string`);
    if (!raw.base || typeof raw.base.family !== 'string') throw new Error(`${where}: base.family must be a string`);
    if (!Array.isArray(raw.findings)) throw new Error(`${where}: findings must be an array`);
    for (const f of raw.findings) {
      if (typeof f.rule !== 'string' || !Number.isInteger(f.line) || f.line < 1 || (f.to !== undefined && (!Number.isInteger(f.to) || f.to < f.line))) {
        throw new Error(`${where}: bad finding ${JSON.stringify(f)}`);
      }
    }
    if (typeof raw.note !== 'string') throw new Error(`${where}: note must be a string`);
    return raw;
  });
}

/**
 * The engine's base in the labels' terms. A detection that says it rests on a claim (a
 * pointer adopting a version by reference) counts as family "pointer", whatever shape the
 * engine gives that today.
 */
export function observedBase(base: CheckResult['base']): ObservedBase {
  if (!base) return { family: 'unknown', version: null, language: null, revision: null };
  const loose = base as unknown as Record<string, unknown>;
  const pointer = loose.family === 'pointer' || loose.pointer === true || loose.kind === 'pointer' || loose.layer === 'claim';
  const family = pointer ? 'pointer' : String(base.family);
  const known = family !== 'unknown';
  return {
    family,
    version: base.version ?? null,
    language: base.language?.toLowerCase() ?? null,
    revision: !known || pointer ? null : base.revision ? base.revision.firstDate : 'today',
  };
}

/** One file's result for scoring: base, and every finding with its 1-based start line. */
export function observe(file: string, result: CheckResult, lines: LineIndex): FileResult {
  return {
    file,
    base: observedBase(result.base),
    findings: result.findings.map((f) => ({ rule: f.rule, line: lines.positionAt(f.span.start).line + 1, severity: f.severity, message: f.message })),
  };
}

/** File → repository name (the part after the owner) from the corpus's INDEX.tsv. */
export function repositoryNames(index: string): Map<string, string> {
  const names = new Map<string, string>();
  const [header, ...rows] = index.split(/\r?\n/).filter((l) => l.trim());
  const columns = header.split('\t');
  const file = columns.indexOf('file');
  const repo = columns.indexOf('repo');
  if (file < 0 || repo < 0) throw new Error('INDEX.tsv: expected "file" and "repo" columns');
  for (const row of rows) {
    const cells = row.split('\t');
    const name = cells[repo]?.split('/')[1];
    if (cells[file] && name) names.set(cells[file], name);
  }
  return names;
}
