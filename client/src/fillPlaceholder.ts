import * as vscode from 'vscode';
import { FILL_PLACEHOLDER_COMMAND, type FillPlaceholderArgs } from '../../server/src/protocol';

/**
 * The "Fill placeholder…" quick fix's second half: asks for the text, then replaces exactly
 * the placeholder in one undoable edit. Nothing is written when the user cancels, or when
 * the document changed since the fix was offered (the range may no longer be the placeholder).
 */
export function registerFillPlaceholder(): vscode.Disposable {
  return vscode.commands.registerCommand(FILL_PLACEHOLDER_COMMAND, async (args: FillPlaceholderArgs) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
    const range = new vscode.Range(args.range.start.line, args.range.start.character, args.range.end.line, args.range.end.character);
    if (!document || document.version !== args.version || document.getText(range) !== args.placeholder) {
      void vscode.window.showWarningMessage('The placeholder has changed since the quick fix was offered; try it again.');
      return false;
    }
    const value = await vscode.window.showInputBox({
      title: `Fill ${args.placeholder}`,
      prompt: 'The text to put in place of the placeholder',
      placeHolder: /contact/i.test(args.placeholder) ? 'e.g. conduct@your-project.org' : undefined,
      validateInput: (text) => (text.trim() === '' ? 'Type the text, or press Escape to leave the placeholder as it is.' : undefined),
    });
    if (value === undefined || value.trim() === '') return false;
    // Checked again: the user may have typed in the document while the box was open.
    if (document.version !== args.version || document.getText(range) !== args.placeholder) {
      void vscode.window.showWarningMessage('The placeholder changed while you were typing; nothing was replaced.');
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, value.trim());
    return vscode.workspace.applyEdit(edit);
  });
}
