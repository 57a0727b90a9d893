import { Emitter, MessageType, ShowMessageNotification, TextDocuments, type Connection, type Disposable, type InitializeParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildDetectionIndex, checkText, readPolicy, resolveTarget, type CheckOptions, type CheckResult, type UpstreamLibrary } from './core/index';
import { environmentFor } from './fileEnvironment';
import { OFF_THREAD_MIN_LENGTH, StaleAnalysis, type OffThreadAnalysis } from './offThreadAnalysis';
import { PolicySelector } from './policySelector';
import { ProjectConfigCache } from './projectConfigFiles';
import type { ConductInitializationOptions } from './protocol';
import { SettingsCache } from './settingsCache';
import { toCheckOptions, type ConductSettings } from './settings';

/** The analysis of one version of a document. */
export type Analysis = CheckResult & { readonly version: number };

/** What a provider gets for an open policy: its analysis is of the document's current version. */
export interface PolicyAnalysis {
  document: TextDocument;
  analysis: Analysis;
  library: UpstreamLibrary;
}

/**
 * Everything the providers share: the open documents, the settings per resource, which
 * documents are policies, the upstream texts (loaded on first need) and one analysis per
 * document version. Providers ask it for a policy and never analyse on their own.
 */
export class AnalysisCache {
  readonly documents = new TextDocuments(TextDocument);
  readonly settings: SettingsCache;
  /** The `.conductrc.json` that applies to each document, read again after any file change. */
  readonly projectConfigs: ProjectConfigCache;

  private selector = new PolicySelector();
  private readonly analyses = new Map<string, Analysis>();
  // Bumped by every invalidation, so an analysis started before one is returned but not kept.
  private generation = 0;
  private readonly invalidated = new Emitter<string | undefined>();
  private library: UpstreamLibrary | undefined;
  private libraryError: string | undefined;
  private readonly failedOnce = new Set<string>();

  /** Analyses of large policies running on the worker thread, per URI, with the version each is of. */
  private readonly inFlight = new Map<string, { version: number; result: Promise<CheckResult> }>();

  constructor(
    private readonly connection: Connection,
    private readonly loadLibrary: () => UpstreamLibrary,
    /** Where large policies are analysed, off the main thread; without it (tests in one process) they are analysed here. */
    private readonly offThread?: OffThreadAnalysis,
  ) {
    this.settings = new SettingsCache(connection);
    this.projectConfigs = new ProjectConfigCache((message) => connection.console.warn(message));
    this.documents.onDidClose((event) => {
      this.invalidate(event.document.uri);
      this.settings.forget(event.document.uri);
    });
    this.documents.listen(connection);
  }

  /** Takes what initialize says: whether settings can be pulled, marked policies, workspace folders. */
  configure(params: InitializeParams): void {
    this.settings.configure(params.capabilities.workspace?.configuration === true);
    const init = (params.initializationOptions ?? {}) as ConductInitializationOptions;
    this.selector = new PolicySelector(Array.isArray(init.markedPolicies) ? init.markedPolicies.filter((u) => typeof u === 'string') : []);
    this.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
  }

  /** The folders `conduct.files` globs are relative to. Does not invalidate: callers recheck. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.selector.setWorkspaceFolders(uris);
    this.projectConfigs.setWorkspaceFolders(uris);
  }

  /** Treats a document as a policy whatever its name, from its next analysis on. */
  mark(uri: string): void {
    this.selector.mark(uri);
    this.invalidate(uri);
  }

  /**
   * The document, its analysis and the upstream texts, when `uri` is an open policy that can
   * be analysed. An analysis is reused only for the version it was computed on.
   */
  async get(uri: string): Promise<PolicyAnalysis | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const generation = this.generation;
    const settings = await this.settings.get(uri);
    // Read the document after the wait: it may have changed or closed meanwhile.
    const document = this.documents.get(uri);
    if (!document || !this.selector.isPolicy(uri, settings.files)) return undefined;
    const library = this.getLibrary();
    if (!library) return undefined;
    const cached = this.analyses.get(uri);
    if (cached?.version === document.version) return { document, analysis: cached, library };
    const text = document.getText();
    if (this.offThread && text.length >= OFF_THREAD_MIN_LENGTH && text.length <= settings.maxFileLength) return this.getOffThread(uri, document, text, settings, library, generation);
    const analysis: Analysis = { version: document.version, ...this.analyse(uri, text, settings, library) };
    // Settings read before an invalidation may be stale: answer with them, but do not keep them.
    if (generation === this.generation) this.analyses.set(uri, analysis);
    return { document, analysis, library };
  }

  /**
   * A large policy's analysis from the worker thread, so this thread keeps answering other
   * requests meanwhile. The parsed document does not cross threads: it is read here on first
   * use (a hover on this very policy), not for diagnostics.
   */
  private async getOffThread(uri: string, document: TextDocument, text: string, settings: ConductSettings, library: UpstreamLibrary, generation: number): Promise<PolicyAnalysis | undefined> {
    const version = document.version;
    const options = this.optionsFor(uri, settings, library);
    let flight = this.inFlight.get(uri);
    if (flight?.version !== version) {
      const result = this.offThread!.analyse(uri, text, options, library, () => this.documents.get(uri)?.version !== version);
      flight = { version, result };
      this.inFlight.set(uri, flight);
      const clear = () => {
        if (this.inFlight.get(uri) === flight) this.inFlight.delete(uri);
      };
      result.then(clear, clear);
    }
    let result: CheckResult;
    try {
      result = await flight.result;
    } catch (error) {
      if (error instanceof StaleAnalysis) return this.get(uri);
      this.logOnce(`worker:${(error as Error)?.message}`, `${(error as Error)?.message ?? error}; analysing on the main thread instead.`);
      result = this.analyse(uri, text, settings, library);
    }
    // The document changed while the worker ran: answer for the version there is now.
    const current = this.documents.get(uri);
    if (!current) return undefined;
    if (current.version !== version) return this.get(uri);
    const cached = this.analyses.get(uri);
    if (cached?.version === version) return { document: current, analysis: cached, library };
    // A result from the main thread (the worker failed) already holds its document.
    const analysis: Analysis = result.doc ? { version, ...result } : withLazyDocument({ version, ...result }, () => readPolicy(text, library, settings.maxFileLength, options.base).doc);
    if (generation === this.generation) this.analyses.set(uri, analysis);
    return { document: current, analysis, library };
  }

  /** Whether `uri` is checked as a policy, open or not: its name, a `conduct.files` glob, or the user's mark. */
  async isPolicy(uri: string): Promise<boolean> {
    const settings = await this.settings.get(uri);
    return this.selector.isPolicy(uri, settings.files);
  }

  /** Checks the text of a file that is not open (a workspace scan) with the settings that apply to it. Nothing is kept. */
  async checkFile(uri: string, text: string): Promise<CheckResult | undefined> {
    const settings = await this.settings.get(uri);
    const library = this.getLibrary();
    return library && this.analyse(uri, text, settings, library);
  }

  private optionsFor(uri: string, settings: ConductSettings, library: UpstreamLibrary): CheckOptions {
    const options = toCheckOptions(settings, this.projectConfigs.get(uri)?.config);
    const unknownBase = options.base && resolveTarget(library, options.base);
    if (typeof unknownBase === 'string') this.logOnce(`base:${unknownBase}`, `The configured base is not bundled, so the detected one is used: ${unknownBase}`);
    return options;
  }

  private analyse(uri: string, text: string, settings: ConductSettings, library: UpstreamLibrary): CheckResult {
    const options = this.optionsFor(uri, settings, library);
    return checkText(text, library, { ...options, env: environmentFor(uri) }, (rule, error) =>
      this.logOnce(`rule:${rule.id}`, `Rule ${rule.id} failed and was skipped: ${(error as Error)?.stack ?? error}`),
    );
  }

  /** Drops the analysis of one document. */
  invalidate(uri: string): void {
    this.generation++;
    this.analyses.delete(uri);
    this.invalidated.fire(uri);
  }

  /** Drops every analysis, e.g. after settings or files beside the policies changed. */
  clear(): void {
    this.generation++;
    this.projectConfigs.clear();
    this.analyses.clear();
    this.invalidated.fire(undefined);
  }

  /** Calls `listener` with the URI whose analysis was dropped, or undefined when all were. */
  onDidInvalidate(listener: (uri: string | undefined) => void): Disposable {
    return this.invalidated.event(listener);
  }

  /**
   * The upstream texts, loaded on first need. A failure to load is logged and shown to the
   * user once, and every later call returns undefined without trying again.
   */
  getLibrary(): UpstreamLibrary | undefined {
    if (this.library || this.libraryError) return this.library;
    try {
      this.library = this.loadLibrary();
    } catch (error) {
      this.libraryError = (error as Error).message;
      this.connection.console.error(this.libraryError);
      // A notification, not window/showMessageRequest: there is nothing to answer, and a
      // client that rejects the request would leave an unhandled rejection behind.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Conduct Lens cannot check policies: ${this.libraryError}` });
    }
    return this.library;
  }

  /** Loads the upstream texts and builds the detection index, so the first policy opened does not wait for them. */
  warmUp(): void {
    const library = this.getLibrary();
    if (library) buildDetectionIndex(library);
  }

  /** Logs `message` as an error the first time `key` is seen: a failure that repeats on every keystroke is logged once. */
  logOnce(key: string, message: string): void {
    if (this.failedOnce.has(key)) return;
    this.failedOnce.add(key);
    this.connection.console.error(message);
  }

  /** Logs the problems found in settings since the last call, as warnings. */
  warnSettingsProblems(): void {
    for (const problem of this.settings.takeProblems()) this.connection.console.warn(problem);
  }
}

/** An analysis whose parsed document is read on first access, then kept. */
function withLazyDocument(analysis: Analysis, read: () => CheckResult['doc']): Analysis {
  let doc: CheckResult['doc'];
  let done = false;
  return Object.defineProperty(analysis, 'doc', {
    enumerable: true,
    get() {
      if (!done) {
        doc = read();
        done = true;
      }
      return doc;
    },
  });
}
