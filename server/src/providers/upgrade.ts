import type { AnnotatedTextEdit, CancellationToken, ChangeAnnotation, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache, PolicyAnalysis } from '../analysisCache';
import { LineIndex, type ConductDocument } from '../core/index';
import { againstLabel, detectedText, migrateToV3, parseTarget, resolveTarget, upgradePolicy, upgradeProblem, upstreamAgainst, type TextEdit, type UpgradeItem, type UpgradeResult as CoreUpgrade } from '../core/compare/index';
import type { MigrateParams, MigrateResult, UpgradeChoice, UpgradeChoicesParams, UpgradeChoicesResult, UpgradeError, UpgradeItemView, UpgradeParams, UpgradeResult, UpgradeView } from '../upgradeProtocol';

type Kind = UpgradeItem['kind'];

/** The refactor preview's categories: one per kind of applied change. */
const CATEGORIES: Record<Kind, string> = {
  wording: 'Upstream wording',
  field: 'Upstream values (version, permalink)',
  link: 'Upstream link targets',
};

/** An open policy that parsed, with its document model. */
type ReadPolicy = PolicyAnalysis & { doc: ConductDocument; name: string };

/** conduct/upgradeChoices: the upstream texts the policy can be upgraded to, newest first. */
export function upgradeChoices(cache: AnalysisCache, params: UpgradeChoicesParams, token: CancellationToken): Promise<UpgradeChoicesResult> {
  return answer(cache, 'upgradeChoices', params, token, ({ library, analysis, name }) => {
    const base = detectedText(library, analysis.base);
    if (!base) return notCovenant(name);
    const targets = library.texts
      .filter((text) => text.entry.language === base.entry.language && !upgradeProblem(base, text))
      .sort((a, b) => b.entry.version.localeCompare(a.entry.version, 'en', { numeric: true }));
    const choices = targets.map((text, index): UpgradeChoice => {
      const description = text.entry.version === base.entry.version ? `today's wording of ${text.entry.version}` : index === 0 ? 'newest' : undefined;
      return { label: againstLabel(upstreamAgainst(text)), ...(description && { description }), to: `${text.entry.version}/${text.entry.language}` };
    });
    const migration = !base.entry.version.startsWith('3.') && library.texts.some((text) => text.entry.version.startsWith('3.'));
    return { from: againstLabel(upstreamAgainst(base)), choices, migration };
  });
}

/**
 * conduct/upgrade: the three-way upgrade from the policy's detected base wording to `to`, as
 * one workspace edit on the policy's current version, with what was applied, kept and left
 * to decide. A target that is no upgrade (3.0, an older version, the same wording) gets a
 * message saying why.
 */
export function upgrade(cache: AnalysisCache, params: UpgradeParams, token: CancellationToken): Promise<UpgradeResult> {
  return answer(cache, 'upgrade', params, token, ({ document, doc, library, analysis, name }) => {
    const spec = params.to;
    const target = typeof spec === 'string' ? parseTarget(spec) : undefined;
    if (!target) return { error: `Unexpected target ${JSON.stringify(spec)}, expected a version such as "2.1" or "2.1/de".` };
    const base = detectedText(library, analysis.base);
    if (!base) return notCovenant(name);
    const found = resolveTarget(library, { ...target, language: target.language ?? base.entry.language }, analysis.base);
    if (typeof found === 'string') return { error: sentence(found) };
    const problem = upgradeProblem(base, found);
    if (problem) return { error: sentence(problem) };
    return upgradeView(document, upgradePolicy(doc, library, base, found));
  });
}

/** conduct/migrate: a guided draft of the policy in Contributor Covenant 3.0, with a note per decision. */
export function migrate(cache: AnalysisCache, params: MigrateParams, token: CancellationToken): Promise<MigrateResult> {
  return answer(cache, 'migrate', params, token, ({ doc, library, analysis }) => {
    const draft = migrateToV3(doc, library, analysis.base);
    if (typeof draft === 'string') return { error: draft };
    return { text: draft.text, notes: draft.notes, from: draft.from ?? 'no Contributor Covenant text', to: againstLabel({ family: 'contributor-covenant', version: '3.0', language: 'en' }) };
  });
}

/** The upgrade as the protocol gives it: an annotated edit on this version of the document, and every decision with its ranges. */
export function upgradeView(document: TextDocument, result: CoreUpgrade): UpgradeView {
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const after = new LineIndex(result.text);
  const view = (item: UpgradeItem): UpgradeItemView => ({
    kind: item.kind,
    range: range(item.policy.start, item.policy.end),
    rangeAfter: { start: after.positionAt(shifted(result.edits, item.policy.start, false)), end: after.positionAt(shifted(result.edits, item.policy.end, true)) },
    baseText: item.baseText,
    text: item.text,
    targetText: item.targetText,
  });
  const from = againstLabel(result.from);
  const to = againstLabel(result.to);
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  const edits = result.edits.map((edit): AnnotatedTextEdit => {
    const kind = kindOf(edit, result.applied);
    changeAnnotations[kind] ??= { label: CATEGORIES[kind], description: `${from} → ${to}, where your policy kept the earlier words`, needsConfirmation: true };
    return { range: range(edit.span.start, edit.span.end), newText: edit.text, annotationId: kind };
  });
  return {
    from,
    to,
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }], changeAnnotations },
    text: result.text,
    summary: `${count(result.applied.length, 'upstream change')}, ${count(result.kept.length, 'of your edits', 'of your edits')} kept, ${result.conflicts.length ? `${count(result.conflicts.length, 'conflict')} to decide` : 'no conflicts'}`,
    applied: result.applied.map(view),
    kept: result.kept.map(view),
    conflicts: result.conflicts.map(view),
  };
}

/**
 * Runs one request on an open policy that parsed. Every failure is an answer, never a
 * thrown error: a request from any client gets a sentence it can show.
 */
async function answer<T>(cache: AnalysisCache, request: string, params: { uri?: unknown } | undefined, token: CancellationToken, compute: (policy: ReadPolicy) => T | UpgradeError): Promise<T | UpgradeError> {
  try {
    const uri = params?.uri;
    if (typeof uri !== 'string') return { error: 'Expected the URI of an open policy.' };
    const policy = await cache.get(uri);
    if (token.isCancellationRequested) return { error: 'The request was cancelled.' };
    const name = fileName(uri);
    if (!policy) {
      if (!cache.documents.get(uri)) return { error: `${name} is not open: open it first.` };
      if (!cache.getLibrary()) return { error: 'The upstream texts could not be loaded. See "Conduct: Show Language Server Output".' };
      return { error: `${name} is not checked as a conduct policy: run "Check This File as a Conduct Policy" first.` };
    }
    const { doc } = policy.analysis;
    if (!doc) return { error: `${name} cannot be read as a policy: ${policy.analysis.findings[0]?.message ?? 'its text is unreadable.'}` };
    return compute({ ...policy, doc, name });
  } catch (error) {
    cache.logOnce(`${request}:${(error as Error)?.message}`, `conduct/${request} failed: ${(error as Error)?.stack ?? error}`);
    return { error: `conduct/${request} failed: ${(error as Error)?.message ?? error}. See "Conduct: Show Language Server Output".` };
  }
}

function notCovenant(name: string): UpgradeError {
  return { error: `${name} does not follow a Contributor Covenant text closely enough to upgrade it; compare it with one instead.` };
}

/** The kind of the applied change an edit carries out: the one whose span it covers or touches. */
function kindOf(edit: TextEdit, applied: readonly UpgradeItem[]): Kind {
  const exact = applied.find((item) => item.policy.start === edit.span.start && item.policy.end === edit.span.end);
  const near = exact ?? applied.find((item) => item.kind === 'wording' && item.policy.start <= edit.span.end && edit.span.start <= item.policy.end);
  return near?.kind ?? 'wording';
}

/**
 * Where an offset of the policy lands once the edits (ordered, disjoint) are applied. An
 * offset inside an edit goes to that edit's start, or its end for the end of a range; an
 * insertion exactly at the offset counts before an end and after a start.
 */
export function shifted(edits: readonly TextEdit[], offset: number, isEnd: boolean): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.span.start > offset || (edit.span.start === offset && (!isEnd || edit.span.end > offset))) break;
    if (edit.span.end > offset) return edit.span.start + delta + (isEnd ? edit.text.length : 0);
    delta += edit.text.length - (edit.span.end - edit.span.start);
  }
  return offset + delta;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A core message ("there is no …") as a sentence of its own. */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** The file name at the end of a URI, for messages. */
function fileName(uri: string): string {
  const name = uri.replace(/[?#].*$/, '').replace(/^.*\//, '');
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}
