// A stand-in for the LSP connection in provider tests. It plays the client's side of
// document sync and settings, so the server's real TextDocuments and SettingsCache run on
// it, and it records what the server sends. It has only the members the server uses.
import type { ConfigurationItem, Connection, InitializeParams } from 'vscode-languageserver';
import { AnalysisCache } from '../../server/src/analysisCache';
import type { UpstreamLibrary } from '../../server/src/core/index';
import { upstreamLibrary } from '../support/upstream';

/** A message the server sent: a notification, a request, published diagnostics or a log line (`console/<level>`). */
export interface Sent {
  method: string;
  params: unknown;
}

export class FakeClient {
  readonly sent: Sent[] = [];
  /** The raw `conduct` section per resource, for a server that pulls settings; may answer late. */
  settings: (scopeUri: string | undefined) => unknown = () => null;
  /** Whether requests from the server (e.g. a diagnostics refresh) are refused. */
  refuseRequests = false;
  readonly connection: Connection;

  private readonly handlers = new Map<string, (params: unknown) => void>();
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  constructor() {
    const on = (method: string) => (handler: (params: unknown) => void) => {
      this.handlers.set(method, handler);
      return { dispose: () => this.handlers.delete(method) };
    };
    const log = (level: string) => (message: string) => this.record(`console/${level}`, message);
    this.connection = {
      console: { error: log('error'), warn: log('warn'), info: log('info'), log: log('log') },
      workspace: { getConfiguration: async (item: ConfigurationItem) => this.settings(item.scopeUri) },
      sendNotification: async (type: { method: string }, params: unknown) => this.record(type.method, params),
      sendRequest: async (type: { method: string }, params: unknown) => {
        this.record(type.method, params);
        if (this.refuseRequests) throw new Error(`the client refuses ${type.method}`);
        return null;
      },
      sendDiagnostics: async (params: unknown) => this.record('textDocument/publishDiagnostics', params),
      onDidChangeConfiguration: on('workspace/didChangeConfiguration'),
      onDidOpenTextDocument: on('textDocument/didOpen'),
      onDidChangeTextDocument: on('textDocument/didChange'),
      onDidCloseTextDocument: on('textDocument/didClose'),
      onWillSaveTextDocument: on('textDocument/willSave'),
      onWillSaveTextDocumentWaitUntil: on('textDocument/willSaveWaitUntil'),
      onDidSaveTextDocument: on('textDocument/didSave'),
    } as unknown as Connection;
  }

  /** Opens a document with version 1. */
  open(uri: string, text: string, languageId = 'markdown'): void {
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces a document's whole text and bumps its version. */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.versions.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Parameters of every message with this method sent so far. */
  all<P = unknown>(method: string): P[] {
    return this.sent.filter((m) => m.method === method).map((m) => m.params as P);
  }

  /** The parameters of the `count`th message with this method, once it has been sent. */
  nth<P = unknown>(method: string, count = 1): Promise<P> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.all<P>(method);
        if (found.length < count) return;
        this.waiters.delete(check);
        resolve(found[count - 1]);
      };
      this.waiters.add(check);
      check();
    });
  }

  private notify(method: string, params: unknown): void {
    const handler = this.handlers.get(method);
    if (!handler) throw new Error(`the server does not listen to ${method}`);
    handler(params);
  }

  private record(method: string, params: unknown): void {
    this.sent.push({ method, params });
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** The `initialize` parameters of a client with these capabilities and folders. */
export function initializeParams(overrides: Partial<InitializeParams> = {}): InitializeParams {
  return { processId: null, rootUri: null, capabilities: {}, ...overrides };
}

/** A client and a cache over it, with the bundled upstream texts unless told otherwise. */
export function startCache(loadLibrary: () => UpstreamLibrary = upstreamLibrary): { client: FakeClient; cache: AnalysisCache } {
  const client = new FakeClient();
  return { client, cache: new AnalysisCache(client.connection, loadLibrary) };
}

/** An upstream library every use of which throws, to drive a provider into its failure path. */
export const BROKEN_LIBRARY = new Proxy({} as UpstreamLibrary, {
  get() {
    throw new Error('the library is broken');
  },
});

/** Lets every promise chain already started run to its end. */
export const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

// Shared texts. UNFILLED's placeholder is on line 2, characters 26–49.
export const POLICY_URI = 'file:///w/CODE_OF_CONDUCT.md';
export const NOTES_URI = 'file:///w/notes.md';
export const UNFILLED = '# Code of Conduct\n\nPlease report problems to [INSERT CONTACT METHOD].\n';
export const FILLED = '# Code of Conduct\n\nPlease report problems to stewards@example.org.\n';
// Line 4 is "Â© 2025 Pebble Club": a copyright sign garbled through Windows-1252.
export const GARBLED = '# Pebble Club Code of Conduct\n\nWrite to stewards@pebble.dev about anything.\n\nÂ© 2025 Pebble Club\n';
