import type { CancellationToken, Connection, InitializeResult } from 'vscode-languageserver';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import { AnalysisCache } from './analysisCache';
import type { OffThreadAnalysis } from './offThreadAnalysis';
import type { UpstreamLibrary } from './core/index';
import { BASE_DOCUMENT, COMPARE, COMPARE_CHOICES, DOCUMENT_INFO, MARK_AS_POLICY, STANDARD_SECTIONS, type BaseDocumentParams, type CompareChoicesParams, type CompareParams, type DocumentInfoParams, type MarkAsPolicyParams, type StandardSectionsParams } from './protocol';
import { provideCodeActions } from './providers/codeActions';
import { CodeLensProvider } from './providers/codeLens';
import { FIX_ALL_KIND } from './providers/fixAll';
import { provideCompletion } from './providers/completion';
import { ComparisonProvider } from './providers/comparison';
import { DiagnosticsProvider } from './providers/diagnostics';
import { documentInfo } from './providers/documentInfo';
import { provideFoldingRanges } from './providers/folding';
import { provideHover } from './providers/hover';
import { markAsPolicy } from './providers/markAsPolicy';
import { standardSectionsFor } from './providers/standardSections';
import { provideDocumentSymbols } from './providers/symbols';
import { migrate, upgrade, upgradeChoices } from './providers/upgrade';
import { WorkspaceScan } from './providers/workspaceScan';
import { MIGRATE, UPGRADE, UPGRADE_CHOICES, type MigrateParams, type UpgradeChoicesParams, type UpgradeParams } from './upgradeProtocol';
import { CHECK_FILES, FINISH_SCAN, POLICY_FILES, type CheckFilesParams, type FinishScanParams, type PolicyFilesParams } from './workspaceProtocol';

export interface ServerOptions {
  /** Loads the bundled upstream texts; called once, on first need. */
  loadLibrary: () => UpstreamLibrary;
  /** Analyses large policies on a worker thread; without it they are analysed on this one. */
  offThread?: OffThreadAnalysis;
}

/**
 * Wires the providers to an LSP connection: capabilities, and one short handler per request
 * that passes the cancellation token on. Each feature lives in server/src/providers/ and
 * gets its documents and analyses from the one AnalysisCache.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const cache = new AnalysisCache(connection, options.loadLibrary, options.offThread);
  const diagnostics = new DiagnosticsProvider(connection, cache);
  const comparison = new ComparisonProvider(cache);
  const codeLenses = new CodeLensProvider(connection, cache);
  const scan = new WorkspaceScan(connection, cache);
  let workspaceFolderEvents = false;
  const recheck = () => {
    cache.clear();
    return diagnostics.refresh();
  };

  connection.onInitialize((params): InitializeResult => {
    cache.configure(params);
    workspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    codeLenses.configure(params.capabilities);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'Conduct policy' },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        // "#" at a line's start begins a heading: offer the standard sections then.
        completionProvider: { triggerCharacters: ['#'] },
        ...diagnostics.configure(params.capabilities),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'conduct-lens' },
    };
  });

  connection.onInitialized(() => {
    cache.settings.subscribe(() => {
      cache.warnSettingsProblems();
      void recheck();
      void scan.refresh();
      void codeLenses.refresh();
    });
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        cache.setWorkspaceFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
        await recheck();
      });
    }
    // Off the first request's path, so opening the first policy does not wait for the texts.
    setImmediate(() => cache.warmUp());
  });

  // A file created or deleted beside a policy changes what missing-link-target reports.
  connection.onDidChangeWatchedFiles((params) => {
    scan.filesChanged(params.changes);
    void recheck();
  });

  connection.languages.diagnostics.on((params, token) => diagnostics.report(params.textDocument.uri, token));
  cache.documents.onDidChangeContent((event) => diagnostics.didChange(event.document.uri));
  cache.documents.onDidClose((event) => diagnostics.didClose(event.document.uri));
  cache.documents.onDidOpen((event) => scan.didOpen(event.document.uri));
  cache.documents.onDidClose((event) => void scan.didClose(event.document));

  connection.onHover((params, token) => provideHover(cache, params, token));
  connection.onCodeAction((params, token) => provideCodeActions(cache, params, token));
  connection.onCompletion((params, token) => provideCompletion(cache, params, token));
  connection.onDocumentSymbol((params, token) => provideDocumentSymbols(cache, params, token));
  connection.onFoldingRanges((params, token) => provideFoldingRanges(cache, params, token));
  connection.onCodeLens((params, token) => codeLenses.provide(params, token));

  connection.onRequest(DOCUMENT_INFO, (params: DocumentInfoParams, token: CancellationToken) => documentInfo(cache, params.uri, token));
  connection.onRequest(MARK_AS_POLICY, (params: MarkAsPolicyParams, token: CancellationToken) => markAsPolicy(cache, diagnostics, params.uri, token));
  connection.onRequest(COMPARE, (params: CompareParams, token: CancellationToken) => comparison.compare(params, token));
  connection.onRequest(BASE_DOCUMENT, (params: BaseDocumentParams, token: CancellationToken) => comparison.baseDocument(params, token));
  connection.onRequest(COMPARE_CHOICES, (params: CompareChoicesParams, token: CancellationToken) => comparison.choices(params, token));
  connection.onRequest(UPGRADE_CHOICES, (params: UpgradeChoicesParams, token: CancellationToken) => upgradeChoices(cache, params, token));
  connection.onRequest(UPGRADE, (params: UpgradeParams, token: CancellationToken) => upgrade(cache, params, token));
  connection.onRequest(STANDARD_SECTIONS, (params: StandardSectionsParams, token: CancellationToken) => standardSectionsFor(cache, params, token));
  connection.onRequest(MIGRATE, (params: MigrateParams, token: CancellationToken) => migrate(cache, params, token));

  connection.onRequest(POLICY_FILES, (params: PolicyFilesParams, token: CancellationToken) => scan.policyFiles(params, token));
  connection.onRequest(CHECK_FILES, (params: CheckFilesParams, token: CancellationToken) => scan.checkFiles(params, token));
  connection.onRequest(FINISH_SCAN, (params: FinishScanParams) => scan.finish(params));

  connection.listen();
}
