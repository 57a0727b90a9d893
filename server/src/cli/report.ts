import type { CheckResult, Detection, Finding, Point, RevisionInfo } from '../core/index';
import { LineIndex } from '../core/index';
import { againstLabel, FAMILY_NAMES } from '../core/index';

export type { Point } from '../core/index';

/** One file's result in the CLI's JSON shape. */
export interface FileReport {
  file: string;
  base: { family: string; kind: 'text' | 'pointer'; layer: string; confidence: number; version?: string; language?: string; revision: RevisionInfo | null; similarity: number } | null;
  findings: { rule: string; severity: Finding['severity']; message: string; range: { start: Point; end: Point } }[];
}

/** Converts a check result to the CLI's JSON shape, with 1-based positions. */
export function toFileReport(file: string, text: string, result: CheckResult): FileReport {
  const lines = new LineIndex(text);
  const point = (offset: number): Point => lines.pointAt(offset);
  const base = result.base && {
    family: result.base.family,
    kind: result.base.kind,
    layer: result.base.layer,
    confidence: result.base.confidence,
    version: result.base.version,
    language: result.base.language,
    revision: result.base.revision,
    similarity: Math.round(result.base.similarity * 1000) / 1000,
  };
  return {
    file,
    base: base ?? null,
    findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: { start: point(f.span.start), end: point(f.span.end) } })),
  };
}

/** "file:line:column: severity message [rule]" lines and a closing count. */
export function formatText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  let total = 0;
  for (const report of reports) {
    for (const f of report.findings) {
      out.push(`${report.file}:${f.range.start.line}:${f.range.start.column}: ${f.severity} ${f.message} [${f.rule}]`);
      total++;
    }
  }
  out.push(`${total === 0 ? 'No' : total} finding${total === 1 ? '' : 's'} in ${reports.length} file${reports.length === 1 ? '' : 's'}.`);
  return out.join('\n');
}

/** One file's detection in the CLI's JSON shape: the detection, without the chosen upstream text itself. */
export type DetectionReport = { file: string } & Omit<Detection, 'source'>;

export function toDetectionReport(file: string, detection: Detection): DetectionReport {
  const report: DetectionReport & { source?: unknown } = { file, ...detection };
  delete report.source;
  return report;
}

/**
 * "file: Contributor Covenant 1.4 (en), as published 2016-01 to 2017-09, 97% similar" (the
 * months only for an earlier wording), then per-section scores and the deciding evidence.
 */
export function formatDetections(reports: readonly DetectionReport[]): string {
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  const out: string[] = [];
  for (const r of reports) {
    if (r.family === 'unknown') {
      out.push(`${r.file}: not based on the Contributor Covenant (closest: ${r.candidates[0] ? `${r.candidates[0].version} ${r.candidates[0].language}, ${percent(r.candidates[0].similarity)}` : 'none'})`);
      continue;
    }
    const decided = `  decided by ${r.layer}, confidence ${percent(r.confidence)}`;
    const name = FAMILY_NAMES[r.family];
    if (r.kind === 'pointer') {
      out.push(`${r.file}: adopts the ${name}${r.version ? ` ${r.version}` : ''} by reference (a pointer: no text of its own)`, decided);
      continue;
    }
    if (r.family !== 'contributor-covenant') {
      out.push(`${r.file}: ${name}${r.version ? ` ${r.version}` : ''}${r.language ? ` (${r.language})` : ''}${r.layer === 'title' ? ', named by its title or links' : `, ${percent(r.similarity)} similar`}`, decided);
      if (r.alternatives.length) out.push(`  reads as well as: ${r.alternatives.map((a) => a.version).join(', ')}`);
      continue;
    }
    out.push(`${r.file}: ${againstLabel({ family: 'contributor-covenant', version: r.version, language: r.language, revision: r.revision })}, ${percent(r.similarity)} similar`, decided);
    if (r.alternatives.length) out.push(`  reads as well as: ${r.alternatives.map((a) => `${a.version} ${a.language}`).join(', ')}`);
    for (const s of r.sections) out.push(`  ${s.heading.padEnd(32)} ${percent(s.similarity).padStart(4)}`);
    for (const e of r.evidence.slice(0, 5)) out.push(`  evidence for ${e.version}: "${e.phrase}"`);
  }
  return out.join('\n');
}
