import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from '../analysisCache';
import { toDiagnostics } from './diagnostics';
import { fixAllAction, wantsFixAll } from './fixAll';
import { fillPlaceholderFixes } from './fillPlaceholder';
import { insertSectionFixes } from './insertSection';
import { renameFileFixes } from './renameFile';

/** One edit a diagnostic offers, with the title its rule gave it. */
export interface FixEdit {
  range: Range;
  newText: string;
  title?: string;
}

/**
 * What a diagnostic carries for its quick fixes: the certain edit, the alternatives the user
 * may choose among instead, and the document version they were computed on.
 */
export interface FixData {
  fix?: FixEdit;
  fixes?: FixEdit[];
  version: number;
}

function isFixEdit(edit: unknown): edit is FixEdit {
  const candidate = edit as FixEdit | undefined;
  return typeof candidate?.newText === 'string' && typeof candidate.range?.start?.line === 'number' && (candidate.title === undefined || typeof candidate.title === 'string');
}

function isFixData(data: unknown): data is FixData {
  const candidate = data as FixData | undefined;
  return typeof candidate?.version === 'number' && (isFixEdit(candidate.fix) || (Array.isArray(candidate.fixes) && candidate.fixes.some(isFixEdit)));
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
    const { fix, fixes = [] } = diagnostic.data;
    // The certain fix is the preferred one; alternatives follow it, none preferred.
    const offered = [...(isFixEdit(fix) ? [{ edit: fix, preferred: true }] : []), ...fixes.filter(isFixEdit).map((edit) => ({ edit, preferred: false }))];
    for (const { edit: { range, newText, title: named }, preferred } of offered) {
      const old = document.getText(range);
      const title = named ?? (newText === '' ? `Delete "${shorten(old)}"` : old === '' ? `Insert "${shorten(newText)}"` : `Replace "${shorten(old)}" with "${shorten(newText)}"`);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: { changes: { [document.uri]: [{ range, newText }] } },
      });
    }
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
  // Fix-all is asked for by kind (on save, the Source Action menu), never with the light bulb's quick fixes.
  if (wantsFixAll(params.context.only)) return fixAllAction(cache, document.uri, token);
  return [
    ...quickFixes(document, await withCurrentFixData(cache, document, params.context.diagnostics, token)),
    ...(await insertSectionFixes(cache, document, params.context.diagnostics, token)),
    ...(await fillPlaceholderFixes(cache, document, params.context.diagnostics, token)),
    ...renameFileFixes(params.context.diagnostics),
  ];
}

/**
 * The diagnostics with fix data for the document's current version. The client sends back
 * what it holds, and a diagnostic can arrive without its data, or with data of an older
 * version, when a pull lands just as the light bulb asks (seen in VS Code's own host): such
 * a diagnostic takes the data of the current analysis's finding with the same rule, range
 * and message, if there is one. The analysis is read only when some diagnostic needs it.
 */
async function withCurrentFixData(cache: AnalysisCache, document: TextDocument, diagnostics: readonly Diagnostic[], token: CancellationToken): Promise<readonly Diagnostic[]> {
  const needing = diagnostics.filter((d) => d.source === 'conduct' && !(isFixData(d.data) && d.data.version === document.version));
  if (!needing.length) return diagnostics;
  const policy = await cache.get(document.uri);
  if (!policy || token.isCancellationRequested || policy.document.version !== document.version) return diagnostics;
  const current = toDiagnostics(policy).filter((d) => d.data !== undefined);
  const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  return diagnostics.map((d) => {
    if (!needing.includes(d)) return d;
    const match = current.find((c) => c.code === d.code && c.message === d.message && same(c.range, d.range));
    return match ? { ...d, data: match.data } : d;
  });
}
