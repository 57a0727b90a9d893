import { SymbolKind, type CancellationToken, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from '../analysisCache';
import { documentOutline, type OutlineEntry } from '../core/index';

const KINDS: Record<OutlineEntry['kind'], SymbolKind> = {
  title: SymbolKind.File,
  // As VS Code's own Markdown outline shows headings, so the icons read the same.
  section: SymbolKind.String,
  rung: SymbolKind.EnumMember,
};

/** textDocument/documentSymbol: the Outline and breadcrumbs, from the policy's cached model. */
export async function provideDocumentSymbols(cache: AnalysisCache, params: DocumentSymbolParams, token: CancellationToken): Promise<DocumentSymbol[] | null> {
  try {
    const policy = await cache.get(params.textDocument.uri);
    const doc = policy?.analysis.doc;
    if (!policy || !doc || token.isCancellationRequested) return null;
    return documentOutline(doc).map((entry) => toSymbol(policy.document, entry));
  } catch (error) {
    cache.logOnce(`symbols:${(error as Error)?.message}`, `Document symbols failed: ${(error as Error)?.stack ?? error}`);
    return null;
  }
}

function toSymbol(document: TextDocument, entry: OutlineEntry): DocumentSymbol {
  const range = (span: { start: number; end: number }) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  return {
    // VS Code rejects a symbol with an empty name.
    name: entry.name || '(untitled)',
    ...(entry.detail && { detail: entry.detail }),
    kind: KINDS[entry.kind],
    range: range(entry.span),
    selectionRange: range(entry.selectionSpan),
    children: entry.children.map((child) => toSymbol(document, child)),
  };
}
