import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MARK_AS_POLICY, type MarkAsPolicyParams, type MarkAsPolicyResult } from '../../server/src/protocol';

const MARKED_KEY = 'conduct.markedPolicies';
const SUPPORTED_LANGUAGES = new Set(['markdown', 'plaintext']);

/** Documents marked as policies in this workspace, remembered across sessions. */
export function markedPolicies(context: vscode.ExtensionContext): string[] {
  return context.workspaceState.get<string[]>(MARKED_KEY, []);
}

/**
 * "Check This File as a Conduct Policy": for a policy with an unconventional name. The
 * file keeps its language (Markdown preview and other tools go on working); the server is
 * told to treat it as a policy, and the choice is remembered for this workspace.
 */
export function registerCheckFileCommand(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('conduct.checkFile', async (target?: vscode.Uri) => {
    const uri = target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showErrorMessage('Conduct Lens: open the policy file first, then run "Check This File as a Conduct Policy".');
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    if (!SUPPORTED_LANGUAGES.has(document.languageId)) {
      void vscode.window.showErrorMessage(`Conduct Lens checks Markdown and plain-text policies; this file's language is ${document.languageId}. Change its language mode first.`);
      return;
    }
    const client = getClient();
    if (!client?.isRunning()) {
      void vscode.window.showErrorMessage('Conduct Lens: the language server is not running. See "Conduct: Show Language Server Output".');
      return;
    }
    const key = uri.toString();
    const marked = markedPolicies(context);
    if (!marked.includes(key)) await context.workspaceState.update(MARKED_KEY, [...marked, key]);
    const result = await client.sendRequest<MarkAsPolicyResult>(MARK_AS_POLICY, { uri: key } satisfies MarkAsPolicyParams);
    const summary = result.findings === 0 ? 'no findings' : result.findings === 1 ? '1 finding' : `${result.findings} findings`;
    void vscode.window.setStatusBarMessage(`Conduct Lens: checked ${vscode.workspace.asRelativePath(uri)}: ${summary}`, 5000);
  });
}
