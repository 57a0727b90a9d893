import {
  CancellationToken,
  DiagnosticRefreshRequest,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { AnalysisCache, PolicyAnalysis } from '../analysisCache';
import type { Finding, RuleFix } from '../core/index';
import { ruleDocsUrl } from '../ruleDocs';
import type { FixData, FixEdit } from './codeActions';
import { misspelledNameDiagnostics } from './fileNames';

/** What diagnostics send to the client; a Connection is one. */
export type DiagnosticsConnection = Pick<Connection, 'sendDiagnostics' | 'sendRequest'>;

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Findings as LSP diagnostics. They are pulled when the client supports it (VS Code) and
 * pushed otherwise (Neovim 0.7, older clients), never both.
 */
/**
 * How long a pushed document waits after a change before it is analysed: typing sends a
 * change per keystroke, and only the version the typist pauses on needs findings. (A client
 * that pulls, as VS Code does, paces its own requests.)
 */
export const PUSH_DELAY_MS = 120;

export class DiagnosticsProvider {
  private pull = false;
  private refreshSupport = false;
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: DiagnosticsConnection,
    private readonly cache: AnalysisCache,
    private readonly pushDelayMs = PUSH_DELAY_MS,
  ) {}

  /** Chooses pull or push from the client's capabilities, and returns what to announce. */
  configure(capabilities: ClientCapabilities): Pick<ServerCapabilities, 'diagnosticProvider'> {
    this.pull = capabilities.textDocument?.diagnostic !== undefined;
    this.refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    return this.pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {};
  }

  /** The diagnostics of one document: none when it is not a policy, or when checking it fails. */
  async diagnose(uri: string, token: CancellationToken): Promise<Diagnostic[]> {
    try {
      const policy = await this.cache.get(uri);
      if (!policy || token.isCancellationRequested) return [];
      return [...misspelledNameDiagnostics(uri, policy.document.getText()), ...toDiagnostics(policy)];
    } catch (error) {
      // An empty report beats stale findings; the log says why, once per cause.
      this.cache.logOnce(`diagnose:${(error as Error)?.message}`, `Checking ${uri} failed: ${(error as Error)?.stack ?? error}`);
      return [];
    }
  }

  /** textDocument/diagnostic. */
  async report(uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const items = await this.diagnose(uri, token);
    this.cache.warnSettingsProblems();
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }

  /** After the cache was cleared: a pulling client is asked to pull again, a pushed one gets every open document anew. */
  async refresh(): Promise<void> {
    if (this.pull) return this.requestRefresh();
    for (const document of this.cache.documents.all()) await this.push(document.uri);
  }

  /** After one document's analysis was dropped, e.g. when it was marked as a policy. */
  async update(uri: string): Promise<void> {
    if (this.pull) this.requestRefresh();
    else await this.push(uri);
  }

  /**
   * A document's text changed: a pulling client will ask; a pushed one is told once the
   * changes pause for {@link PUSH_DELAY_MS}, so a burst of keystrokes is analysed once.
   */
  didChange(uri: string): void {
    if (this.pull) return;
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        void this.push(uri);
      }, this.pushDelayMs),
    );
  }

  /** A document closed: a pushed client's diagnostics for it are cleared, and a push still waiting is dropped. */
  didClose(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async push(uri: string): Promise<void> {
    const diagnostics = await this.diagnose(uri, CancellationToken.None);
    // Read after the wait: a document closed meanwhile keeps the empty list its closing sent.
    const document = this.cache.documents.get(uri);
    if (document) await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  // Only clients that declare refreshSupport may be sent the request; a refusal or a
  // connection closing mid-request is no reason to fail, the next pull gets fresh results.
  private requestRefresh(): void {
    if (this.refreshSupport) this.connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => {});
  }
}

/** A policy's findings as diagnostics, each with its quick fixes and the version they were computed on. */
export function toDiagnostics({ document, analysis }: PolicyAnalysis): Diagnostic[] {
  return analysis.findings.map((f) => ({
    range: { start: document.positionAt(f.span.start), end: document.positionAt(f.span.end) },
    severity: SEVERITY[f.severity],
    source: 'conduct',
    code: f.rule,
    codeDescription: { href: ruleDocsUrl(f.rule) },
    message: f.message,
    ...((f.fix || f.fixes?.length) && {
      data: {
        ...(f.fix && { fix: toFixEdit(document, f.fix) }),
        ...(f.fixes?.length && { fixes: f.fixes.map((fix) => toFixEdit(document, fix)) }),
        version: analysis.version,
      } satisfies FixData,
    }),
  }));
}

function toFixEdit(document: PolicyAnalysis['document'], fix: RuleFix): FixEdit {
  return {
    range: { start: document.positionAt(fix.span.start), end: document.positionAt(fix.span.end) },
    newText: fix.text,
    ...(fix.title !== undefined && { title: fix.title }),
  };
}
