import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCheckFileCommand, markedPolicies } from './checkFileCommand';
import { BASE_SCHEME } from './compare/baseUri';
import { registerComparison } from './compare/commands';
import { registerInsertSectionCommand } from './insertSectionCommand';
import { registerFixAllCommand } from './fixAllCommand';
import { registerFillPlaceholder } from './fillPlaceholder';
import { registerStatusItem } from './statusItem';
import { trustAwareConfiguration } from './trust';
import { registerUpgradeCommands } from './upgradeCommands';
import { registerWorkspaceScan } from './workspaceScan';

/** Documents the server is told about; it decides which of them are policies. */
export const DOCUMENT_SELECTOR = [{ language: 'markdown' }, { language: 'plaintext' }];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: { markedPolicies: markedPolicies(context) },
    // Creations and deletions only: they decide whether a policy's relative links resolve.
    // Project config files also on change: the server reads them again when they are saved.
    synchronize: {
      configurationSection: 'conduct',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*', false, true, false), vscode.workspace.createFileSystemWatcher('**/.conductrc.json', true, false, true)],
    },
    middleware: {
      workspace: { configuration: trustAwareConfiguration },
      // A comparison's left side is Markdown the server wrote: it is not sent back to be checked.
      didOpen: (document, next) => (document.uri.scheme === BASE_SCHEME ? Promise.resolve() : next(document)),
      didChange: (event, next) => (event.document.uri.scheme === BASE_SCHEME ? Promise.resolve() : next(event)),
      didClose: (document, next) => (document.uri.scheme === BASE_SCHEME ? Promise.resolve() : next(document)),
    },
  };
  client = new LanguageClient('conduct', 'Conduct Lens', serverOptions, clientOptions);

  const status = registerStatusItem(DOCUMENT_SELECTOR, () => client);
  context.subscriptions.push(
    status.disposable,
    registerCheckFileCommand(context, () => client),
    registerComparison(() => client),
    registerUpgradeCommands(() => client),
    registerWorkspaceScan(context, () => client),
    registerInsertSectionCommand(() => client),
    registerFixAllCommand(),
    registerFillPlaceholder(),
    vscode.commands.registerCommand('conduct.showOutput', () => client?.outputChannel.show()),
    // Trust changes which settings apply: ask the server to pull them again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null })),
  );
  await client.start();
  void status.update();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
