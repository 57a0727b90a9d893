import { CodeLensRefreshRequest, type CancellationToken, type ClientCapabilities, type CodeLens, type CodeLensParams, type Connection } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { hasOwnHeading, sectionStatusTitle, type ComparedAgainst } from '../core/index';
import { COMPARE_SECTION_COMMAND, type CompareSectionArgs } from '../protocol';
import type { ComparisonProvider } from './comparison';

/**
 * textDocument/codeLens: on each section's heading (and each rung's label), its standing
 * against the detected base ("identical to 2.1", "modified 12%", "your addendum") and a
 * "Compare" lens that opens the diff view there. The comparison is the diff view's own,
 * computed once per policy version, so lenses and the diff never disagree.
 */
export class CodeLensProvider {
  private canRefresh = false;

  constructor(
    private readonly connection: Connection,
    private readonly cache: AnalysisCache,
    private readonly comparison: ComparisonProvider,
  ) {}

  /** Whether the client lets the server ask for fresh lenses (after a settings change). */
  configure(capabilities: ClientCapabilities): void {
    this.canRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
  }

  /** Asks the client for every policy's lenses again: `conduct.codeLens.enabled` or the base may have changed. */
  async refresh(): Promise<void> {
    if (this.canRefresh) await this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  provide(params: CodeLensParams, token: CancellationToken): Promise<CodeLens[] | null> {
    return provideCodeLenses(this.cache, this.comparison, params, token);
  }
}

/** The lenses of one policy (see {@link CodeLensProvider}). */
export async function provideCodeLenses(cache: AnalysisCache, comparison: ComparisonProvider, params: CodeLensParams, token: CancellationToken): Promise<CodeLens[] | null> {
  const uri = params.textDocument.uri;
  try {
    if ((await cache.settings.get(uri)).codeLens === false) return [];
    // Only policies get lenses; asking first keeps a note file from getting a comparison error.
    if (!(await cache.get(uri))?.analysis.doc || token.isCancellationRequested) return null;
    const view = await comparison.compare({ uri }, token);
    // A policy that follows no Covenant text has nothing to stand against.
    if ('error' in view || !view.target || token.isCancellationRequested) return null;
    const against: ComparedAgainst = { family: 'contributor-covenant', version: view.target.version, language: view.target.language };
    const lenses: CodeLens[] = [];
    for (const section of view.sections) {
      if (!section.range || !hasOwnHeading(section)) continue;
      const line = { start: { line: section.range.start.line, character: 0 }, end: { line: section.range.start.line, character: 0 } };
      const args: CompareSectionArgs = { uri, target: view.target, range: section.range };
      // A command with no id shows as plain text: the status is information, not an action.
      lenses.push({ range: line, command: { title: sectionStatusTitle(section, against), command: '' } });
      lenses.push({ range: line, command: { title: 'Compare', command: COMPARE_SECTION_COMMAND, arguments: [args] } });
    }
    return lenses;
  } catch (error) {
    cache.logOnce(`codeLens:${(error as Error)?.message}`, `Code lenses failed: ${(error as Error)?.stack ?? error}`);
    return null;
  }
}
