import type { CancellationToken } from 'vscode-languageserver';
import type { Analysis, AnalysisCache, PolicyAnalysis } from '../analysisCache';
import { againstLabel, comparePolicies, comparePolicyWithUpstream, detectedText, LineIndex, readPolicy, resolveTarget, statusLabel, unreadableReason, upstreamAgainst, type PolicyComparison, type UpstreamLibrary, type UpstreamText } from '../core/index';
import type {
  BaseDocumentParams,
  BaseDocumentResult,
  CompareChoice,
  CompareChoicesParams,
  CompareChoicesResult,
  CompareResult,
  CompareTarget,
  ComparisonError,
  ComparisonSubject,
  ComparisonView,
  OtherPolicy,
} from '../protocol';

/** How many comparisons of one policy version are kept: a diff view, its raw toggle and a report or two. */
const KEPT_PER_VERSION = 8;

interface Cached {
  result: PolicyComparison;
  view?: ComparisonView;
}

interface Computed {
  policy: PolicyAnalysis;
  cached: Cached;
}

/**
 * conduct/compare, conduct/baseDocument and conduct/compareChoices. A comparison is computed
 * once per policy version and subject: it is kept beside the analysis it was made from, so
 * the diff view, its left side and the report share it, and it goes when the analysis does.
 */
export class ComparisonProvider {
  private readonly computed = new WeakMap<Analysis, Map<string, Cached>>();

  constructor(private readonly cache: AnalysisCache) {}

  /** The comparison's summary and sections, with ranges in the policy. */
  compare(params: ComparisonSubject, token: CancellationToken): Promise<CompareResult> {
    return this.guarded('compare', async () => {
      const found = await this.comparisonOf(params, token);
      if ('error' in found) return found;
      found.cached.view ??= toView(found.policy.analysis, found.cached.result);
      return found.cached.view;
    });
  }

  /** The left side of a diff view: the base in the policy's layout, or as published. */
  baseDocument(params: BaseDocumentParams, token: CancellationToken): Promise<BaseDocumentResult> {
    return this.guarded('baseDocument', async () => {
      if (params?.layout !== 'policy' && params?.layout !== 'raw') return { error: `Unexpected layout "${String(params?.layout)}", expected "policy" or "raw".` };
      const found = await this.comparisonOf(params, token);
      if ('error' in found) return found;
      const { result } = found.cached;
      return { text: params.layout === 'raw' ? result.raw : result.reflowed, against: againstLabel(result.against), version: found.policy.analysis.version };
    });
  }

  /** The upstream texts to offer: the detected base and its revision, then 2.1 and 3.0, then the whole catalog. */
  choices(params: CompareChoicesParams, token: CancellationToken): Promise<CompareChoicesResult> {
    return this.guarded('compareChoices', async () => {
      const policy = await this.policyOf(params, token);
      if ('error' in policy) return policy;
      return { choices: compareChoices(policy.library, policy.analysis) };
    });
  }

  private async guarded<T>(request: string, answer: () => Promise<T | ComparisonError>): Promise<T | ComparisonError> {
    try {
      return await answer();
    } catch (error) {
      this.cache.logOnce(`${request}:${(error as Error)?.message}`, `conduct/${request} failed: ${(error as Error)?.stack ?? error}`);
      return { error: `The comparison failed: ${(error as Error)?.message ?? error}. See "Conduct: Show Language Server Output".` };
    }
  }

  private async policyOf(params: { uri?: unknown } | undefined, token: CancellationToken): Promise<PolicyAnalysis | ComparisonError> {
    const uri = params?.uri;
    if (typeof uri !== 'string') return { error: 'Expected the URI of an open policy.' };
    const policy = await this.cache.get(uri);
    if (token.isCancellationRequested) return { error: 'The request was cancelled.' };
    if (!policy) {
      if (!this.cache.documents.get(uri)) return { error: `${nameOf(uri)} is not open: open it first.` };
      if (!this.cache.getLibrary()) return { error: 'The upstream texts could not be loaded. See "Conduct: Show Language Server Output".' };
      return { error: `${nameOf(uri)} is not checked as a conduct policy: run "Check This File as a Conduct Policy" first.` };
    }
    if (!policy.analysis.doc) return { error: `${nameOf(uri)} cannot be compared: ${policy.analysis.findings[0]?.message ?? 'it could not be read.'}` };
    return policy;
  }

  private async comparisonOf(params: ComparisonSubject, token: CancellationToken): Promise<Computed | ComparisonError> {
    const policy = await this.policyOf(params, token);
    if ('error' in policy) return policy;
    const subject = params.other !== undefined ? await this.otherSubject(params.uri, params.other, policy.library) : this.upstreamSubject(params.target, policy);
    if ('error' in subject) return subject;
    let kept = this.computed.get(policy.analysis);
    if (!kept) this.computed.set(policy.analysis, (kept = new Map()));
    let cached = kept.get(subject.key);
    if (!cached) {
      const result = subject.compare(policy);
      if ('error' in result) return result;
      if (kept.size >= KEPT_PER_VERSION) kept.delete(kept.keys().next().value!);
      kept.set(subject.key, (cached = { result }));
    }
    return { policy, cached };
  }

  private upstreamSubject(target: unknown, policy: PolicyAnalysis): Subject | ComparisonError {
    const { library, analysis } = policy;
    let text: UpstreamText | undefined;
    if (target === undefined || target === null) {
      text = detectedText(library, analysis.base);
      if (!text) return { error: 'This policy does not follow a Contributor Covenant text closely enough to pick one: choose a version to compare with.' };
    } else {
      const checked = checkTarget(target);
      if (typeof checked === 'string') return { error: checked };
      const found = resolveTarget(library, checked, analysis.base);
      if (typeof found === 'string') return { error: found.charAt(0).toUpperCase() + found.slice(1) };
      text = found;
    }
    const resolved = text;
    return {
      key: `upstream\0${resolved.entry.version}\0${resolved.entry.language}\0${resolved.revision?.commit ?? ''}`,
      compare: ({ analysis: { doc, base } }) => comparePolicyWithUpstream(doc!, library, base, resolved) ?? { error: `Nothing to compare with ${againstLabel(upstreamAgainst(resolved))}.` },
    };
  }

  private async otherSubject(uri: string, other: unknown, library: UpstreamLibrary): Promise<Subject | ComparisonError> {
    if (!isOtherPolicy(other)) return { error: 'Expected the other policy as { uri, name, text }.' };
    // The open document is newer than what the client read from disk.
    const text = this.cache.documents.get(other.uri)?.getText() ?? other.text;
    const { maxFileLength } = await this.cache.settings.get(uri);
    const unreadable = unreadableReason(text, maxFileLength);
    if (unreadable) return { error: `${other.name} cannot be compared: ${unreadable}` };
    return {
      key: `other\0${other.uri}\0${other.name}\0${text}`,
      compare: ({ analysis: { doc } }) => {
        const parsed = readPolicy(text, library, maxFileLength).doc;
        return parsed ? comparePolicies(parsed, other.name, doc!, library) : { error: `${other.name} cannot be compared: it could not be read.` };
      },
    };
  }
}

/** What one comparison is of: a cache key, and how to compute it for a policy. */
interface Subject {
  key: string;
  compare: (policy: PolicyAnalysis) => PolicyComparison | ComparisonError;
}

function toView(analysis: Analysis, result: PolicyComparison): ComparisonView {
  const lines = new LineIndex(analysis.doc!.text);
  const range = (span: { start: number; end: number }) => ({ start: lines.positionAt(span.start), end: lines.positionAt(span.end) });
  const { comparison, against } = result;
  return {
    version: analysis.version,
    summary: result.summary,
    against: againstLabel(against),
    ...(against.family === 'contributor-covenant' && { target: { version: against.version!, language: against.language, ...(against.revision && { commit: against.revision.commit }) } }),
    similarity: comparison.similarity,
    counts: { ...comparison.summary },
    sections: comparison.sections.map((section) => ({
      ...(section.id !== undefined && { id: section.id }),
      heading: section.heading,
      ...(section.upstreamHeading !== undefined && { upstreamHeading: section.upstreamHeading }),
      status: section.status,
      label: statusLabel(section),
      similarity: section.similarity,
      ...(section.policy && { range: range(section.policy) }),
      changes: section.changes.map((change) => ({ kind: change.kind, range: range(change.policy), text: change.text, upstreamText: change.upstreamText })),
    })),
    ...(comparison.fallback && { fallback: comparison.fallback.message }),
  };
}

/** The detected base (and today's wording when an earlier one was detected), 2.1 and 3.0, then every text and earlier wording bundled. */
export function compareChoices(library: UpstreamLibrary, analysis: Analysis): CompareChoice[] {
  const choices: CompareChoice[] = [];
  const offered = new Set<string>();
  const newest = library.texts.map((t) => t.entry.version).sort(byVersion).at(-1);
  const offer = (text: UpstreamText | undefined, group: CompareChoice['group'], description?: string) => {
    if (!text) return;
    const target = targetOf(text);
    const key = `${target.version}/${target.language}@${target.commit ?? ''}`;
    if (offered.has(key)) return;
    offered.add(key);
    const why = description ?? (text.revision ? `earlier wording, ${text.revision.commit.slice(0, 7)}` : text.entry.version === newest ? 'latest' : undefined);
    choices.push({ label: againstLabel(upstreamAgainst(text)), ...(why && { description: why }), group, target });
  };
  const base = analysis.base;
  const detected = detectedText(library, base);
  if (detected && base) {
    offer(detected, 'detected', `detected base · ${Math.floor(base.similarity * 100)}% similar`);
    if (detected.revision) offer(library.find(detected.entry.version, detected.entry.language), 'detected', "today's wording of the detected version");
  }
  for (const version of ['2.1', '3.0']) {
    const language = base?.language && library.find(version, base.language) ? base.language : 'en';
    offer(library.find(version, language), 'suggested');
  }
  const texts = [...library.texts].sort((a, b) => byVersion(b.entry.version, a.entry.version) || a.entry.language.localeCompare(b.entry.language));
  for (const text of texts) {
    offer(text, 'catalog');
    for (const revision of library.revisionsOf(text)) offer(revision, 'catalog');
  }
  return choices;
}

function targetOf(text: UpstreamText): CompareTarget & { language: string } {
  return { version: text.entry.version, language: text.entry.language, ...(text.revision && { commit: text.revision.commit }) };
}

function byVersion(a: string, b: string): number {
  const [aMajor, aMinor] = a.split('.').map(Number);
  const [bMajor, bMinor] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** A target as sent by any client, checked field by field: a message when it is malformed. */
function checkTarget(target: unknown): CompareTarget | string {
  if (typeof target !== 'object' || target === null) return 'Expected the target as { version, language?, commit? }.';
  const { version, language, commit } = target as Record<string, unknown>;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) return `Unexpected version ${JSON.stringify(version)}, expected one such as "2.1".`;
  if (language !== undefined && (typeof language !== 'string' || !/^[A-Za-z-]+$/.test(language))) return `Unexpected language ${JSON.stringify(language)}, expected a code such as "de" or "pt-br".`;
  if (commit !== undefined && (typeof commit !== 'string' || !/^[0-9a-f]{7,40}$/.test(commit))) return `Unexpected commit ${JSON.stringify(commit)}, expected 7 to 40 hex digits.`;
  return { version, ...(language !== undefined && { language: language.toLowerCase() }), ...(commit !== undefined && { commit }) };
}

function isOtherPolicy(other: unknown): other is OtherPolicy {
  if (typeof other !== 'object' || other === null) return false;
  const { uri, name, text } = other as Record<string, unknown>;
  return typeof uri === 'string' && typeof name === 'string' && typeof text === 'string';
}

/** The file name at the end of a URI, for messages. */
function nameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}
