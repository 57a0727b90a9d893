import { CodeActionKind, type CancellationToken, type CodeAction, type TextEdit } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { fixAllEdits } from '../core/index';

/** The code action kind of fix-all, as `editor.codeActionsOnSave` names it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.conduct`;

/**
 * Whether a request's `only` asks for fix-all: it names our kind or a kind above it
 * ("source", "source.fixAll"). A request without `only` (the light bulb) gets the quick
 * fixes alone, as fix-all is a source action.
 */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return only?.some((kind) => kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${kind}.`)) ?? false;
}

/**
 * Every certain fix of the document's current version in one edit, so one undo reverts it.
 * The analysis is the cache's for the version open now, never a diagnostic's older copy;
 * fixes that would overlap are left out (the next run picks them up). None when nothing is
 * fixable or the document is not a policy (an empty list, as the request expects).
 */
export async function fixAllAction(cache: AnalysisCache, uri: string, token: CancellationToken): Promise<CodeAction[]> {
  const policy = await cache.get(uri);
  if (!policy || token.isCancellationRequested) return [];
  const { document, analysis } = policy;
  const edits: TextEdit[] = fixAllEdits(document.getText(), analysis.findings).map((fix) => ({
    range: { start: document.positionAt(fix.span.start), end: document.positionAt(fix.span.end) },
    newText: fix.text,
  }));
  if (edits.length === 0) return [];
  return [{
    title: edits.length === 1 ? 'Fix the one certain Conduct problem' : `Fix all ${edits.length} certain Conduct problems`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: edits } },
  }];
}
