import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection, Diagnostic, FileEvent, Range } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from '../analysisCache';
import { MISSPELLED_FILE_NAME, projectFindings, TRANSLATION_DRIFT, type CheckResult, type ProjectFile } from '../core/index';
import type { CheckFilesParams, CheckFilesResult, FinishScanParams, PolicyFilesParams, PolicyFilesResult, ScanSummary } from '../workspaceProtocol';
import { toDiagnostics } from './diagnostics';
import { firstLineRange, projectFindingDiagnostic } from './fileNames';

/** What a scan sends to the client; a Connection is one. */
export type ScanConnection = Pick<Connection, 'sendDiagnostics'>;

/** A policy file a scan checked, as last read. */
interface ScannedFile {
  folder: string;
  text: string;
  /** Its own findings (for when it is not open), and what detection read for drift. */
  diagnostics: Diagnostic[];
  base?: ProjectFile['base'];
}

/**
 * "Check All Conduct Policies in the Workspace". Files the editor has open are reported by
 * pulled diagnostics as always; for the others the scan publishes their findings itself.
 * Misspelled names and translation drift concern a folder's files together, so they are
 * published for open files too. What it publishes follows the files: a file opened gives
 * its own findings back to the pulled diagnostics, one closed is checked again as it was
 * last seen, one deleted is cleared, and a settings change checks all again.
 */
export class WorkspaceScan {
  private readonly files = new Map<string, ScannedFile>();
  private readonly folderFindings = new Map<string, Diagnostic[]>();

  constructor(
    private readonly connection: ScanConnection,
    private readonly cache: AnalysisCache,
  ) {}

  /** conduct/policyFiles: the listed files that are policies. */
  async policyFiles(params: PolicyFilesParams, token: CancellationToken): Promise<PolicyFilesResult> {
    const uris: string[] = [];
    for (const uri of params.uris) {
      if (token.isCancellationRequested) break;
      if (await this.cache.isPolicy(uri)) uris.push(uri);
    }
    return { uris };
  }

  /** conduct/checkFiles: checks each file, remembers it, and publishes its findings when it is not open. */
  async checkFiles(params: CheckFilesParams, token: CancellationToken): Promise<CheckFilesResult> {
    let checked = 0;
    for (const { uri, text } of params.files) {
      if (token.isCancellationRequested) break;
      await this.check(uri, params.folder, text);
      this.publish(uri);
      checked++;
    }
    return { checked };
  }

  /** conduct/finishScan: forgets files no longer found (after a complete scan), judges names and drift, and publishes them. */
  finish(params: FinishScanParams): ScanSummary {
    if (params.complete) {
      const found = new Set(params.uris);
      for (const uri of [...this.files.keys()]) if (!found.has(uri)) this.forget(uri);
    }
    this.judgeFolders();
    const summary: ScanSummary = { files: this.files.size, findings: 0, misspelled: 0, drifted: 0 };
    for (const [uri, file] of this.files) {
      const extra = this.folderFindings.get(uri) ?? [];
      summary.findings += extra.length + file.diagnostics.length;
      summary.misspelled += extra.filter((d) => d.code === MISSPELLED_FILE_NAME).length;
      summary.drifted += extra.filter((d) => d.code === TRANSLATION_DRIFT).length;
      this.publish(uri);
    }
    return summary;
  }

  /** A scanned file was opened: its own findings now come from the pulled diagnostics. */
  didOpen(uri: string): void {
    if (this.files.has(uri)) this.publish(uri);
  }

  /** A scanned file was closed: checked again as the editor last held it, unless it is gone (renamed or deleted). */
  async didClose(document: TextDocument): Promise<void> {
    const file = this.files.get(document.uri);
    if (!file) return;
    if (!stillExists(document.uri)) {
      this.forget(document.uri);
      this.judgeFolders();
      return;
    }
    await this.check(document.uri, file.folder, document.getText());
    this.judgeFolders();
    for (const uri of this.files.keys()) this.publish(uri);
  }

  /** Files deleted on disk are cleared from Problems; a rename arrives as a deletion too. */
  filesChanged(changes: readonly FileEvent[]): void {
    const deleted = changes.filter((c) => c.type === FileChangeType.Deleted && this.files.has(c.uri));
    if (!deleted.length) return;
    for (const change of deleted) this.forget(change.uri);
    this.judgeFolders();
    for (const uri of this.files.keys()) this.publish(uri);
  }

  /** Settings changed: every scanned file is checked again from the text last read. */
  async refresh(): Promise<void> {
    for (const [uri, file] of [...this.files]) await this.check(uri, file.folder, file.text);
    this.judgeFolders();
    for (const uri of this.files.keys()) this.publish(uri);
  }

  private async check(uri: string, folder: string, text: string): Promise<void> {
    // An open file is judged by what the editor holds, so drift agrees with its own findings.
    const open = await this.cache.get(uri);
    const result: CheckResult | undefined = open?.analysis ?? (await this.cache.checkFile(uri, text));
    const library = this.cache.getLibrary();
    const diagnostics = result && library ? toDiagnostics({ document: TextDocument.create(uri, 'markdown', 0, open?.document.getText() ?? text), analysis: { version: 0, ...result }, library }) : [];
    const base = result?.base && { family: result.base.family, kind: result.base.kind, version: result.base.version, language: result.base.language, revision: result.base.revision };
    this.files.set(uri, { folder, text: open?.document.getText() ?? text, diagnostics, ...(base && { base }) });
  }

  /** Names and drift, judged among the files of each workspace folder. */
  private judgeFolders(): void {
    this.folderFindings.clear();
    const byFolder = new Map<string, string[]>();
    for (const [uri, file] of this.files) byFolder.set(file.folder, [...(byFolder.get(file.folder) ?? []), uri]);
    for (const [folder, uris] of byFolder) {
      const prefix = `${folder.replace(/\/+$/, '')}/`;
      const pathOf = (uri: string) => decodeURIComponent(uri.startsWith(prefix) ? uri.slice(prefix.length) : uri.slice(uri.lastIndexOf('/') + 1));
      const byPath = new Map(uris.map((uri) => [pathOf(uri), uri]));
      const findings = projectFindings(uris.map((uri) => ({ path: pathOf(uri), ...(this.files.get(uri)?.base && { base: this.files.get(uri)!.base }) })));
      for (const finding of findings) {
        const uri = byPath.get(finding.path)!;
        const list = this.folderFindings.get(uri) ?? [];
        list.push(projectFindingDiagnostic(uri, finding, this.firstLine(uri)));
        this.folderFindings.set(uri, list);
      }
    }
  }

  private firstLine(uri: string): Range {
    return firstLineRange(this.cache.documents.get(uri)?.getText() ?? this.files.get(uri)?.text ?? '');
  }

  private publish(uri: string): void {
    const file = this.files.get(uri);
    if (!file) return;
    const open = this.cache.documents.get(uri) !== undefined;
    // An open file's own findings, its misspelled name among them, come with its pulled diagnostics.
    const folder = (this.folderFindings.get(uri) ?? []).filter((d) => !open || d.code !== MISSPELLED_FILE_NAME);
    void this.connection.sendDiagnostics({ uri, diagnostics: [...(open ? [] : file.diagnostics), ...folder] });
  }

  private forget(uri: string): void {
    this.files.delete(uri);
    this.folderFindings.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function stillExists(uri: string): boolean {
  try {
    return !uri.startsWith('file:') || existsSync(fileURLToPath(uri));
  } catch {
    return true;
  }
}
