import type { CancellationToken } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { FAMILY_NAMES } from '../core/index';
import type { DocumentInfo } from '../protocol';

/** conduct/documentInfo: whether a document is checked as a policy, its detected base and its findings per severity. */
export async function documentInfo(cache: AnalysisCache, uri: string, token: CancellationToken): Promise<DocumentInfo> {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  const policy = await cache.get(uri).catch(() => undefined);
  if (!policy || token.isCancellationRequested) return { policy: false, counts };
  const { findings, base } = policy.analysis;
  for (const finding of findings) counts[finding.severity]++;
  return { policy: true, ...(base && { base: { family: base.family, ...(base.family !== 'unknown' && { familyName: FAMILY_NAMES[base.family] }), kind: base.kind, version: base.version, language: base.language, similarity: base.similarity } }), counts };
}
