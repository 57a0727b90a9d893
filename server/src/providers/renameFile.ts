import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { MISSPELLED_FILE_NAME } from '../core/index';
import { fileNameOf, type RenameData } from './fileNames';

function isRenameData(data: unknown): data is RenameData {
  const rename = (data as RenameData | undefined)?.rename;
  return typeof rename?.oldUri === 'string' && typeof rename.newUri === 'string';
}

/**
 * The quick fix of a misspelled policy file name: a workspace edit that renames the file,
 * and nothing else. It never overwrites: if the conventional name was taken meanwhile, the
 * editor refuses the edit and the file stays as it was.
 */
export function renameFileFixes(diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((diagnostic): CodeAction[] => {
    if (diagnostic.source !== 'conduct' || diagnostic.code !== MISSPELLED_FILE_NAME || !isRenameData(diagnostic.data)) return [];
    const { oldUri, newUri } = diagnostic.data.rename;
    return [
      {
        title: `Rename to "${fileNameOf(newUri)}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { documentChanges: [{ kind: 'rename', oldUri, newUri, options: { overwrite: false, ignoreIfExists: false } }] },
      },
    ];
  });
}
