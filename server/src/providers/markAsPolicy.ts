import type { CancellationToken } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import type { MarkAsPolicyResult } from '../protocol';
import type { DiagnosticsProvider } from './diagnostics';

/**
 * conduct/markAsPolicy: checks a document as a policy whatever its name, and brings its
 * diagnostics to the client. Cancelling only loses the count: the mark and the diagnostics
 * are what the user asked for.
 */
export async function markAsPolicy(cache: AnalysisCache, diagnostics: DiagnosticsProvider, uri: string, token: CancellationToken): Promise<MarkAsPolicyResult> {
  cache.mark(uri);
  const found = await diagnostics.diagnose(uri, token);
  await diagnostics.update(uri);
  return { findings: found.length };
}
