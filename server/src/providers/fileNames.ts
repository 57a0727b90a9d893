import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { misspelledNameFinding, type ProjectFinding } from '../core/index';
import { environmentFor } from '../fileEnvironment';
import { ruleDocsUrl } from '../ruleDocs';

/** What a misspelled-name diagnostic carries for its quick fix: the file's URI now and after the rename. */
export interface RenameData {
  rename: { oldUri: string; newUri: string };
}

const SEVERITY: Record<ProjectFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The decoded last segment of a URI's path: the file name. */
export function fileNameOf(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** The URI of a file named `name` in the folder of `uri`. */
export function siblingUri(uri: string, name: string): string {
  const path = uri.split(/[?#]/)[0];
  return `${path.slice(0, path.lastIndexOf('/') + 1)}${encodeURIComponent(name)}`;
}

/**
 * A finding about the whole file as a diagnostic on its first line (where a reader looks
 * for what a file is), with the rename for a misspelled name.
 */
export function projectFindingDiagnostic(uri: string, finding: ProjectFinding, firstLine: Range): Diagnostic {
  return {
    range: firstLine,
    severity: SEVERITY[finding.severity],
    source: 'conduct',
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
    ...(finding.rename && { data: { rename: { oldUri: uri, newUri: siblingUri(uri, finding.rename) } } satisfies RenameData }),
  };
}

/** The range of a text's first line. */
export function firstLineRange(text: string): Range {
  const end = text.search(/\r?\n|\r/);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: end < 0 ? text.length : end } };
}

/**
 * The misspelled-name diagnostic of an open file, when its name is one GitHub will not
 * recognise and the conventional name is free in its folder. Only file: documents have a
 * name that can be renamed.
 */
export function misspelledNameDiagnostics(uri: string, text: string): Diagnostic[] {
  if (!uri.startsWith('file:')) return [];
  const env = environmentFor(uri);
  const finding = misspelledNameFinding(fileNameOf(uri), (name) => env.fileExists?.(name));
  return finding ? [projectFindingDiagnostic(uri, finding, firstLineRange(text))] : [];
}
