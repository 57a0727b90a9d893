import type { CancellationToken, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { foldableSpans } from '../core/index';

/** textDocument/foldingRange: every section and rung of the policy, from its heading line to its last line with text. */
export async function provideFoldingRanges(cache: AnalysisCache, params: FoldingRangeParams, token: CancellationToken): Promise<FoldingRange[] | null> {
  try {
    const policy = await cache.get(params.textDocument.uri);
    const doc = policy?.analysis.doc;
    if (!policy || !doc || token.isCancellationRequested) return null;
    const ranges: FoldingRange[] = [];
    for (const span of foldableSpans(doc)) {
      const startLine = policy.document.positionAt(span.start).line;
      const endLine = policy.document.positionAt(span.end).line;
      // A heading with nothing under it has nothing to fold.
      if (endLine > startLine) ranges.push({ startLine, endLine });
    }
    return ranges;
  } catch (error) {
    cache.logOnce(`folding:${(error as Error)?.message}`, `Folding ranges failed: ${(error as Error)?.stack ?? error}`);
    return null;
  }
}
