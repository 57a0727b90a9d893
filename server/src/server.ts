import type { Connection, Diagnostic, DocumentDiagnosticReport, Hover, InitializeResult } from 'vscode-languageserver';
import { CodeActionKind, DiagnosticRefreshRequest, DiagnosticSeverity, DocumentDiagnosticReportKind, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildDetectionIndex, checkText, hoverAt, type CheckResult, type Finding, type UpstreamLibrary } from './core/index';
import { quickFixes, type FixData } from './codeActions';
import { environmentFor } from './fileEnvironment';
import { PolicySelector } from './policySelector';
import { ruleDocsUrl } from './ruleDocs';
import { DOCUMENT_INFO, MARK_AS_POLICY, type ConductInitializationOptions, type DocumentInfo, type DocumentInfoParams, type MarkAsPolicyParams, type MarkAsPolicyResult } from './protocol';
import { SettingsCache } from './settingsCache';
import { toCheckOptions } from './settings';

export interface ServerOptions {
  /** Loads the bundled upstream texts; called once, on first need. */
  loadLibrary: () => UpstreamLibrary;
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Wires the analysis core to an LSP connection. Handlers stay thin: find the document,
 * return nothing for non-policies, call the core. Diagnostics are pulled when the client
 * supports it (VS Code) and pushed otherwise (Neovim 0.7, older clients), never both.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let selector = new PolicySelector();
  let pull = false;
  let refreshSupport = false;
  let workspaceFolderEvents = false;
  const settings = new SettingsCache(connection);
  const analyses = new Map<string, { version: number } & CheckResult>();

  let library: UpstreamLibrary | undefined;
  let libraryError: string | undefined;
  const getLibrary = (): UpstreamLibrary | undefined => {
    if (library || libraryError) return library;
    try {
      library = options.loadLibrary();
    } catch (error) {
      libraryError = (error as Error).message;
      connection.console.error(libraryError);
      // A notification, not window/showMessageRequest: there is nothing to answer, and a
      // client that rejects the request would leave an unhandled rejection behind.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Conduct Lens cannot check policies: ${libraryError}` });
    }
    return library;
  };

  const failedOnce = new Set<string>();
  const logOnce = (key: string, message: string) => {
    if (failedOnce.has(key)) return;
    failedOnce.add(key);
    connection.console.error(message);
  };

  async function analyse(uri: string) {
    const document = documents.get(uri);
    if (!document) return undefined;
    const resourceSettings = await settings.get(uri);
    if (!selector.isPolicy(uri, resourceSettings.files)) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === document.version) return cached;
    const lib = getLibrary();
    if (!lib) return undefined;
    const result = checkText(document.getText(), lib, { ...toCheckOptions(resourceSettings), env: environmentFor(uri) }, (rule, error) =>
      logOnce(`rule:${rule.id}`, `Rule ${rule.id} failed and was skipped: ${(error as Error)?.stack ?? error}`),
    );
    const entry = { version: document.version, ...result };
    analyses.set(uri, entry);
    return entry;
  }

  async function diagnose(uri: string): Promise<Diagnostic[]> {
    try {
      const document = documents.get(uri);
      const analysis = await analyse(uri);
      if (!document || !analysis) return [];
      return analysis.findings.map((f) => ({
        range: { start: document.positionAt(f.span.start), end: document.positionAt(f.span.end) },
        severity: SEVERITY[f.severity],
        source: 'conduct',
        code: f.rule,
        codeDescription: { href: ruleDocsUrl(f.rule) },
        message: f.message,
        ...(f.fix && {
          data: {
            fix: { range: { start: document.positionAt(f.fix.span.start), end: document.positionAt(f.fix.span.end) }, newText: f.fix.text },
            version: document.version,
          } satisfies FixData,
        }),
      }));
    } catch (error) {
      // An empty report beats stale findings; the log says why, once per cause.
      logOnce(`diagnose:${(error as Error)?.message}`, `Checking ${uri} failed: ${(error as Error)?.stack ?? error}`);
      return [];
    }
  }

  // Only clients that declare refreshSupport may be sent the request; a refusal or a
  // connection closing mid-request is no reason to fail, the next pull gets fresh results.
  function requestRefresh(): void {
    if (refreshSupport) connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => {});
  }

  async function refresh(): Promise<void> {
    analyses.clear();
    if (pull) {
      requestRefresh();
      return;
    }
    for (const document of documents.all()) await push(document.uri);
  }

  async function push(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (document) await connection.sendDiagnostics({ uri, version: document.version, diagnostics: await diagnose(uri) });
  }

  connection.onInitialize((params): InitializeResult => {
    pull = params.capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    workspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    settings.configure(params.capabilities.workspace?.configuration === true);
    const init = (params.initializationOptions ?? {}) as ConductInitializationOptions;
    selector = new PolicySelector(Array.isArray(init.markedPolicies) ? init.markedPolicies.filter((u) => typeof u === 'string') : []);
    selector.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'conduct-lens' },
    };
  });

  connection.onInitialized(() => {
    settings.subscribe(() => {
      for (const problem of settings.takeProblems()) connection.console.warn(problem);
      void refresh();
    });
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        selector.setWorkspaceFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
        await refresh();
      });
    }
    // Read the bundled texts and build the detection index now, off the first request's path,
    // so opening the first policy does not wait for them.
    setImmediate(() => {
      const lib = getLibrary();
      if (lib) buildDetectionIndex(lib);
    });
  });

  // A file created or deleted beside a policy changes what missing-link-target reports.
  connection.onDidChangeWatchedFiles(() => void refresh());

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const items = await diagnose(params.textDocument.uri);
    for (const problem of settings.takeProblems()) connection.console.warn(problem);
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  documents.onDidChangeContent((event) => {
    if (!pull) void push(event.document.uri);
  });
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    settings.forget(event.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    try {
      const document = documents.get(params.textDocument.uri);
      const analysis = await analyse(params.textDocument.uri);
      const lib = getLibrary();
      if (!document || !analysis?.doc || !lib) return null;
      const hover = hoverAt(analysis.doc, document.offsetAt(params.position), lib);
      if (!hover) return null;
      return {
        contents: { kind: 'markdown', value: hover.markdown },
        range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) },
      };
    } catch (error) {
      logOnce(`hover:${(error as Error)?.message}`, `Hover failed: ${(error as Error)?.stack ?? error}`);
      return null;
    }
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? quickFixes(document, params.context.diagnostics) : [];
  });

  connection.onRequest(DOCUMENT_INFO, async (params: DocumentInfoParams): Promise<DocumentInfo> => {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    const analysis = await analyse(params.uri).catch(() => undefined);
    if (!analysis) return { policy: false, counts };
    for (const finding of analysis.findings) counts[finding.severity]++;
    const base = analysis.base && { family: analysis.base.family, version: analysis.base.version, language: analysis.base.language, similarity: analysis.base.similarity };
    return { policy: true, ...(base && { base }), counts };
  });

  connection.onRequest(MARK_AS_POLICY, async (params: MarkAsPolicyParams): Promise<MarkAsPolicyResult> => {
    selector.mark(params.uri);
    analyses.delete(params.uri);
    const diagnostics = await diagnose(params.uri);
    if (pull) requestRefresh();
    else await push(params.uri);
    return { findings: diagnostics.length };
  });

  documents.listen(connection);
  connection.listen();
}
