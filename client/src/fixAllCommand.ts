import * as vscode from 'vscode';

/** The code action kind the server offers fix-all under; `editor.codeActionsOnSave` names it too. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('conduct');

/**
 * "Conduct: Fix All": asks for the server's fix-all action on the active editor's document
 * and applies its one edit, so a single undo reverts it. The server computes it on the
 * version open now; the client only applies what comes back.
 */
export function registerFixAllCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('conduct.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Open a Code of Conduct policy to fix its problems.');
      return;
    }
    const document = editor.document;
    const wholeDocument = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, wholeDocument, FIX_ALL_KIND.value)) ?? [];
    // Other extensions may answer under a kind above ours ("source.fixAll"): take only ours.
    const ours = actions.find((action) => action.kind?.value === FIX_ALL_KIND.value && action.edit);
    if (!ours?.edit) {
      void vscode.window.showInformationMessage('Conduct Lens found nothing it can fix for certain in this file.');
      return;
    }
    if (!(await vscode.workspace.applyEdit(ours.edit))) void vscode.window.showWarningMessage('Conduct Lens could not apply its fixes: the file changed meanwhile. Run the command again.');
  });
}
