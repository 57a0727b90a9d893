import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_INFO, type DocumentInfo, type DocumentInfoParams } from '../../server/src/protocol';
import { statusText } from './statusText';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

/** What the status item offers for a policy. */
const POLICY_ACTIONS: (vscode.QuickPickItem & { command: string; takesPolicy: boolean })[] = [
  { label: '$(git-compare) Compare with Contributor Covenant…', command: 'conduct.compare', takesPolicy: true },
  { label: '$(checklist) Show Comparison Report', command: 'conduct.showReport', takesPolicy: true },
  { label: '$(files) Compare with Another Policy…', command: 'conduct.compareWithPolicy', takesPolicy: true },
  { label: '$(search) Check All Conduct Policies in the Workspace', command: 'conduct.checkWorkspace', takesPolicy: false },
  { label: '$(warning) Show Problems', command: 'workbench.actions.view.problems', takesPolicy: false },
];

/**
 * A language status item for the active Markdown or plain-text editor: the detected
 * Contributor Covenant base and the findings, or an offer to check the file. It asks the
 * server (DOCUMENT_INFO) and holds no analysis of its own.
 */
export function registerStatusItem(selector: vscode.DocumentSelector, getClient: () => LanguageClient | undefined): { disposable: vscode.Disposable; update: () => Promise<void> } {
  const item = vscode.languages.createLanguageStatusItem('conduct.status', selector);
  item.name = 'Conduct Lens';
  let pending = 0;

  async function update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const client = getClient();
    if (!editor) void vscode.commands.executeCommand('setContext', 'conduct.isPolicy', false);
    if (!editor || !client?.isRunning()) return;
    const ticket = ++pending;
    item.busy = true;
    try {
      const info = await client.sendRequest<DocumentInfo>(DOCUMENT_INFO, { uri: editor.document.uri.toString() } satisfies DocumentInfoParams);
      if (ticket !== pending) return;
      void vscode.commands.executeCommand('setContext', 'conduct.isPolicy', info.policy);
      const shown = statusText(info);
      item.text = shown.text;
      item.detail = shown.detail;
      item.severity = SEVERITY[shown.severity];
      item.command = info.policy
        ? { title: 'Compare…', command: 'conduct.statusActions', arguments: [editor.document.uri] }
        : { title: 'Check This File', command: 'conduct.checkFile', arguments: [editor.document.uri] };
    } catch {
      // The server restarting or the document closing mid-request: the next event refreshes it.
    } finally {
      if (ticket === pending) item.busy = false;
    }
  }

  const actions = vscode.commands.registerCommand('conduct.statusActions', async (uri?: vscode.Uri) => {
    const picked = await vscode.window.showQuickPick(POLICY_ACTIONS, { title: 'Conduct Lens', placeHolder: 'What to do with this policy' });
    if (picked) await vscode.commands.executeCommand(picked.command, ...(picked.takesPolicy && uri ? [uri] : []));
  });
  // What the menu offers, for the real-editor tests: a quick pick's items cannot be read from outside.
  const menu = vscode.commands.registerCommand('conduct._statusActionItems', () => POLICY_ACTIONS.map(({ label, command }) => ({ label, command })));
  const active = () => vscode.window.activeTextEditor?.document.uri.toString();
  const disposable = vscode.Disposable.from(
    item,
    actions,
    menu,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === active())) void update();
    }),
  );
  return { disposable, update };
}
