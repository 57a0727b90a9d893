import type { CheckResult, Finding } from '../core/index';
import { LineIndex } from '../core/index';

/** A 1-based line and column, as editors and SARIF count them (columns in UTF-16 units). */
export interface Point {
  line: number;
  column: number;
}

/** One file's result in the CLI's JSON shape. */
export interface FileReport {
  file: string;
  base: { family: string; version?: string; language?: string; similarity: number } | null;
  findings: { rule: string; severity: Finding['severity']; message: string; range: { start: Point; end: Point } }[];
}

/** Converts a check result to the CLI's JSON shape, with 1-based positions. */
export function toFileReport(file: string, text: string, result: CheckResult): FileReport {
  const lines = new LineIndex(text);
  const point = (offset: number): Point => {
    const p = lines.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const base = result.base && {
    family: result.base.family,
    version: result.base.version,
    language: result.base.language,
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
