import { CodeLensRefreshRequest, type CancellationToken, type ClientCapabilities, type CodeLens, type CodeLensParams, type Connection } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { hasOwnHeading, sectionStandings, sectionStatusTitle, standingParts } from '../core/index';
import { COMPARE_SECTION_COMMAND, type CompareSectionArgs } from '../protocol';

/**
 * textDocument/codeLens: on each section's heading (and each rung's label), its standing
 * against the detected base ("identical to 2.1", "modified 12%", "your addendum") and a
 * "Compare" lens that opens the diff view there. In a file holding several versions of the
 * policy, each version stands against its own base.
 */
export class CodeLensProvider {
  private canRefresh = false;

  constructor(
    private readonly connection: Connection,
    private readonly cache: AnalysisCache,
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
    return provideCodeLenses(this.cache, params, token);
  }
}

/** The lenses of one policy (see {@link CodeLensProvider}), computed from its cached analysis. */
export async function provideCodeLenses(cache: AnalysisCache, params: CodeLensParams, token: CancellationToken): Promise<CodeLens[] | null> {
  const uri = params.textDocument.uri;
  try {
    if ((await cache.settings.get(uri)).codeLens === false) return [];
    const policy = await cache.get(uri);
    const doc = policy?.analysis.doc;
    if (!policy || !doc || token.isCancellationRequested) return null;
    const parts = standingParts(doc, policy.library, policy.analysis.base, policy.analysis.blocks);
    // A policy that follows no Covenant text has nothing to stand against.
    if (!parts.length || token.isCancellationRequested) return null;
    const { document } = policy;
    const lenses: CodeLens[] = [];
    for (const { section, span, part } of sectionStandings(parts)) {
      if (!hasOwnHeading(section)) continue;
      const start = document.positionAt(span.start);
      const line = { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } };
      const { entry, revision } = part.upstream;
      const args: CompareSectionArgs = {
        uri,
        target: { version: entry.version, language: entry.language, ...(revision && { commit: revision.commit }) },
        range: { start, end: document.positionAt(span.end) },
      };
      // A command with no id shows as plain text: the status is information, not an action.
      lenses.push({ range: line, command: { title: sectionStatusTitle(section, part.against), command: '' } });
      lenses.push({ range: line, command: { title: 'Compare', command: COMPARE_SECTION_COMMAND, arguments: [args] } });
    }
    return lenses;
  } catch (error) {
    cache.logOnce(`codeLens:${(error as Error)?.message}`, `Code lenses failed: ${(error as Error)?.stack ?? error}`);
    return null;
  }
}
