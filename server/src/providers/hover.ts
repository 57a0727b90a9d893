import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { hoverAt } from '../core/index';

/** textDocument/hover: a ladder rung or its field, a placeholder, the attribution or a section heading under the cursor (see hoverAt). */
export async function provideHover(cache: AnalysisCache, params: HoverParams, token: CancellationToken): Promise<Hover | null> {
  try {
    const policy = await cache.get(params.textDocument.uri);
    const doc = policy?.analysis.doc;
    if (!policy || !doc || token.isCancellationRequested) return null;
    const { document, library } = policy;
    const hover = hoverAt(doc, document.offsetAt(params.position), library, policy.analysis.base, policy.analysis.blocks);
    if (!hover) return null;
    return {
      contents: { kind: 'markdown', value: hover.markdown },
      range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) },
    };
  } catch (error) {
    cache.logOnce(`hover:${(error as Error)?.message}`, `Hover failed: ${(error as Error)?.stack ?? error}`);
    return null;
  }
}
