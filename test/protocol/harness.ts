// Runs the language server in this process over a pair of in-memory streams and drives it
// from a real JSON-RPC client, so protocol tests see exactly the messages an editor would.
import { PassThrough } from 'node:stream';
import { afterEach, before } from 'node:test';
import {
  createConnection,
  createMessageConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ErrorCodes,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
  type Position,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { UpstreamLibrary } from '../../server/src/core/index';
import { startServer } from '../../server/src/server';
import { upstreamLibrary } from '../support/upstream';

/** How long any single wait may take before the test fails with what was seen instead. */
export const TIMEOUT_MS = 5_000;

/** Capabilities of a client that pulls diagnostics and answers workspace/configuration, like VS Code. */
export const PULL_CLIENT: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown', 'plaintext'] } },
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
};

/** Capabilities of a client that only takes pushed diagnostics, like Neovim 0.7. */
export const PUSH_CLIENT: ClientCapabilities = {
  textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
};

export interface SessionOptions {
  capabilities?: ClientCapabilities;
  workspaceFolders?: WorkspaceFolder[] | null;
  initializationOptions?: unknown;
  /** The raw `conduct` section the client answers to workspace/configuration, per resource. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** In-process sessions only: replaces the bundled upstream texts, e.g. with a loader that fails. */
  loadLibrary?: () => UpstreamLibrary;
}

/** A message the server sent to the client: a notification, or a request the client answered. */
export interface ServerMessage {
  method: string;
  params: unknown;
}

/** Resolves with `promise`, or rejects after `ms` with a message saying what was awaited. */
export function within<T>(promise: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A client, initialized, talking to one server: in this process, or a spawned one. */
export class LspSession {
  /** Every message from the server, in arrival order. */
  readonly received: ServerMessage[] = [];
  /** What the client answers to workspace/configuration; tests may replace it mid-session. */
  settings: (scopeUri: string | undefined) => unknown;
  initializeResult!: InitializeResult;

  private readonly taken = new Set<number>();
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly client: MessageConnection,
    private readonly closeConnections: () => void,
    settings: (scopeUri: string | undefined) => unknown,
  ) {
    this.settings = settings;
  }

  /** Starts a server in this process, connects a client and completes initialize/initialized. */
  static start(options: SessionOptions = {}): Promise<LspSession> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(server, { loadLibrary: options.loadLibrary ?? upstreamLibrary });
    return LspSession.connect(new StreamMessageReader(toClient), new StreamMessageWriter(toServer), options, () => {
      server.dispose();
      toServer.destroy();
      toClient.destroy();
    });
  }

  /**
   * Connects a client to a server already listening at the other end of `reader` and
   * `writer` (in process, or a spawned `--stdio` server) and completes initialize/initialized.
   * `processId` defaults to null: an in-process server would otherwise start a watchdog
   * timer on this very process.
   */
  static async connect(
    reader: MessageReader,
    writer: MessageWriter,
    options: SessionOptions & { processId?: number | null; timeoutMs?: number },
    closeServerSide: () => void = () => {},
  ): Promise<LspSession> {
    const client = createMessageConnection(reader, writer);
    const session = new LspSession(
      client,
      () => {
        client.dispose();
        closeServerSide();
      },
      options.settings ?? (() => null),
    );
    client.onNotification((method, params) => session.record(method, params));
    client.onRequest((method, params) => {
      session.record(method, params);
      return session.answer(method, params);
    });
    // A server that writes garbage or dies while starting fails the start at once, not after a timeout.
    const broken = new Promise<never>((_, reject) => {
      reader.onError((error) => reject(new Error(`the client cannot read what the server sent: ${error.message}`)));
      reader.onClose(() => reject(new Error('the server closed the connection while starting')));
    });
    broken.catch(() => {});
    client.listen();

    const initialize = client.sendRequest(InitializeRequest.type, {
      processId: options.processId ?? null,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? PULL_CLIENT,
      initializationOptions: options.initializationOptions,
    });
    session.initializeResult = await within(Promise.race([initialize, broken]), 'the initialize response', options.timeoutMs);
    await client.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Opens a document with version 1. */
  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces a document's whole text, as a full-content change. */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server the settings changed; a pulling server asks for them again. */
  async changeConfiguration(settings: unknown = null): Promise<void> {
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** The diagnostics of a document, pulled with textDocument/diagnostic. */
  async pullDiagnostics(uri: string, ms = TIMEOUT_MS): Promise<Diagnostic[]> {
    const report = await within(this.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), `the diagnostic report of ${uri}`, ms);
    if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error(`expected a full report for ${uri}, got ${JSON.stringify(report)}`);
    return report.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return within(this.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), `a hover on ${uri}`);
  }

  /**
   * The first message with this method, not yet taken by an earlier call, that `accept`
   * holds for. Messages that arrived before the call count, so no message can be missed
   * between sending something and waiting for its effect.
   */
  next<P = unknown>(method: string, accept: (params: P) => boolean = () => true, ms = TIMEOUT_MS): Promise<P> {
    return new Promise<P>((resolve, reject) => {
      const check = () => {
        const index = this.received.findIndex((m, i) => !this.taken.has(i) && m.method === method && accept(m.params as P));
        if (index < 0) return;
        this.taken.add(index);
        done();
        resolve(this.received[index].params as P);
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.received.map((m) => `${m.method} ${JSON.stringify(m.params).slice(0, 300)}`);
        reject(new Error(`timed out after ${ms} ms waiting for ${method}; the server sent:\n${seen.join('\n') || '(nothing)'}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Parameters of every message with this method received so far. */
  all<P = unknown>(method: string): P[] {
    return this.received.filter((m) => m.method === method).map((m) => m.params as P);
  }

  /**
   * Waits until the server has handled everything sent before this call: messages are
   * handled in order, so once a later request is answered, earlier ones are done.
   */
  async settle(): Promise<void> {
    await this.hover('untitled:settle', { line: 0, character: 0 });
  }

  /**
   * Shuts the server down and closes both ends. The shutdown answer means every earlier
   * message, including the client's answers to server requests, has been handled. Never
   * sends `exit`: the server would end this process with it.
   */
  async dispose(): Promise<void> {
    try {
      await within(this.client.sendRequest(ShutdownRequest.type), 'the shutdown response');
    } finally {
      this.disconnect();
    }
  }

  /** Closes both ends at once, without the shutdown handshake. */
  disconnect(): void {
    this.closeConnections();
  }

  private record(method: string, params: unknown): void {
    this.received.push({ method, params });
    for (const waiter of [...this.waiters]) waiter();
  }

  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration':
        return (params as ConfigurationParams).items.map((item) => (item.section === 'conduct' ? this.settings(item.scopeUri) : null));
      case 'workspace/diagnostic/refresh':
      case 'window/showMessageRequest':
      case 'client/registerCapability':
      case 'client/unregisterCapability':
        return null;
      default:
        return new ResponseError(ErrorCodes.MethodNotFound, `the test client does not handle ${method}`);
    }
  }
}

/**
 * For a describe block: reads the bundled texts once beforehand (a one-off cost per process,
 * kept out of the first request's timeout) and disposes, after each test, the session it
 * started. Returns how a test starts its session.
 */
export function sessionPerTest(): (options?: SessionOptions) => Promise<LspSession> {
  let session: LspSession | undefined;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });
  return async (options) => (session = await LspSession.start(options));
}
