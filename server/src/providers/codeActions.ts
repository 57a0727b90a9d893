import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from '../analysisCache';
import { insertSectionFixes } from './insertSection';

/** What a diagnostic carries for its quick fix: the edit, and the document version it was computed on. */
export interface FixData {
  fix: { range: Range; newText: string };
  version: number;
}

function isFixData(data: unknown): data is FixData {
  const candidate = data as FixData | undefined;
  return typeof candidate?.version === 'number' && typeof candidate.fix?.newText === 'string' && typeof candidate.fix.range?.start?.line === 'number';
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/**
 * Quick fixes for the diagnostics the client sends back: one edit each, exactly over the
 * range the rule computed, so undo restores the text and nothing outside it changes. A fix
 * computed on an older version of the document is not offered: its range may have moved.
 */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'conduct' || !isFixData(diagnostic.data) || diagnostic.data.version !== document.version) continue;
    const { range, newText } = diagnostic.data.fix;
    const old = document.getText(range);
    const title = newText === '' ? `Delete "${shorten(old)}"` : old === '' ? `Insert "${shorten(newText)}"` : `Replace "${shorten(old)}" with "${shorten(newText)}"`;
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range, newText }] } },
    });
  }
  return actions;
}

/**
 * textDocument/codeAction. Most fixes travel in the diagnostics themselves, so any open
 * document qualifies and nothing is analysed again; inserting a missing standard section
 * reads the current analysis (insertSection.ts).
 */
export async function provideCodeActions(cache: AnalysisCache, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const document = cache.documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  return [...quickFixes(document, params.context.diagnostics), ...(await insertSectionFixes(cache, document, params.context.diagnostics, token))];
}
