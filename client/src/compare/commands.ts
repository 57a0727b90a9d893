import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPARE_SECTION_COMMAND, type BaseLayout, type CompareChoice, type CompareSectionArgs, type CompareTarget } from '../../../server/src/protocol';
import { ReportPanels } from '../report/panel';
import { BaseDocumentProvider } from './baseDocuments';
import { BASE_SCHEME, basePath, decodeBaseQuery, encodeBaseQuery, isTarget, type BaseSide, type Subject } from './baseUri';
import { ComparisonRequests } from './requests';

/** What a command was given: URIs (the policy first, then another policy) and an upstream target, in any order. */
interface CommandInput {
  policy?: vscode.Uri;
  other?: vscode.Uri;
  target?: CompareTarget;
}

const GROUP_LABELS: Record<CompareChoice['group'], string> = { detected: 'Detected', suggested: 'Current versions', catalog: 'Every bundled text' };

/**
 * The comparison commands: a diff view against an upstream text or another policy (its
 * left side served by {@link BaseDocumentProvider}), the raw/policy-layout toggle, and the
 * report. Commands take their policy from an argument, else from the active comparison or
 * editor, so menus, the status item and tests can all call them.
 */
export function registerComparison(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const requests = new ComparisonRequests(getClient);
  const bases = new BaseDocumentProvider(requests);
  const reports = new ReportPanels(requests);

  async function compare(...args: unknown[]): Promise<void> {
    const input = commandInput(args);
    const policy = await policyOf(input);
    if (!policy) return;
    const target = input.target ?? (await pickTarget(policy));
    if (target) await openDiff({ policy, target }, 'policy');
  }

  async function compareWithPolicy(...args: unknown[]): Promise<void> {
    const input = commandInput(args);
    const policy = await policyOf(input);
    if (!policy) return;
    const other = input.other ?? (await pickOtherPolicy());
    if (other) await openDiff({ policy, other: other.toString() }, 'policy');
  }

  /** A section's "Compare" lens: the diff view against the lens's base, with the section revealed and selected on the policy's side. */
  async function compareSection(args: unknown): Promise<void> {
    if (!isCompareSectionArgs(args)) {
      void vscode.window.showErrorMessage('Conduct Lens: Compare Section expects { uri, target, range }.');
      return;
    }
    const policy = await policyOf({ policy: vscode.Uri.parse(args.uri) });
    if (!policy) return;
    const { start, end } = args.range;
    await openDiff({ policy, target: args.target }, 'policy', undefined, new vscode.Range(start.line, start.character, end.line, end.character));
  }

  async function showReport(...args: unknown[]): Promise<void> {
    const input = commandInput(args);
    const active = !input.policy && activeComparison();
    if (active) return reports.show(active.side);
    const policy = await policyOf(input);
    if (!policy) return;
    if (input.other) return reports.show({ policy, other: input.other.toString() });
    const target = input.target ?? (await pickTarget(policy));
    if (target) await reports.show({ policy, target });
  }

  async function showLayout(layout: BaseLayout): Promise<void> {
    const active = activeComparison();
    if (!active || active.side.layout === layout) return;
    if (await openDiff(active.side, layout, active.tab.group.viewColumn)) {
      // The new diff has its own tab; the one with the other layout goes.
      await Promise.resolve(vscode.window.tabGroups.close(active.tab, true)).catch(() => undefined);
    }
  }

  /** Opens the diff view of a subject; says why in an error message and returns false when it cannot. */
  async function openDiff(subject: Subject, layout: BaseLayout, viewColumn?: vscode.ViewColumn, selection?: vscode.Range): Promise<boolean> {
    const view = await requests.compare(subject);
    if ('error' in view) {
      void vscode.window.showErrorMessage(`Conduct Lens: ${view.error}`);
      return false;
    }
    // The resolved target, so the left side names the very text compared with (language, revision).
    const side: BaseSide = subject.other !== undefined ? { policy: subject.policy, other: subject.other, layout } : { policy: subject.policy, ...(view.target && { target: view.target }), layout };
    const right = vscode.Uri.parse(subject.policy);
    const left = vscode.Uri.from({ scheme: BASE_SCHEME, path: basePath(view.against, right.path), query: encodeBaseQuery(side) });
    const title = `${view.against}${layout === 'raw' ? ' (as written)' : ''} ↔ ${vscode.workspace.asRelativePath(right)}`;
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false, ...(viewColumn && { viewColumn }), ...(selection && { selection }) });
    return true;
  }

  async function pickTarget(policy: string): Promise<CompareTarget | undefined> {
    const answer = await requests.choices(policy);
    if ('error' in answer) {
      void vscode.window.showErrorMessage(`Conduct Lens: ${answer.error}`);
      return undefined;
    }
    const items: (vscode.QuickPickItem & { target?: CompareTarget })[] = [];
    let group: CompareChoice['group'] | undefined;
    for (const choice of answer.choices) {
      if (choice.group !== group) items.push({ label: GROUP_LABELS[(group = choice.group)], kind: vscode.QuickPickItemKind.Separator });
      items.push({ label: choice.label, ...(choice.description && { description: choice.description }), target: choice.target });
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Compare with Contributor Covenant', placeHolder: 'The upstream text to compare the policy with', matchOnDescription: true });
    return picked?.target;
  }

  const contextKeys = () => {
    const active = activeComparison();
    void vscode.commands.executeCommand('setContext', 'conduct.inComparison', active !== undefined);
    void vscode.commands.executeCommand('setContext', 'conduct.comparisonLayout', active?.side.layout ?? '');
  };

  return vscode.Disposable.from(
    bases,
    reports,
    vscode.commands.registerCommand('conduct.compare', compare),
    vscode.commands.registerCommand('conduct.compareWithPolicy', compareWithPolicy),
    vscode.commands.registerCommand(COMPARE_SECTION_COMMAND, compareSection),
    vscode.commands.registerCommand('conduct.showReport', showReport),
    vscode.commands.registerCommand('conduct.showRawBase', () => showLayout('raw')),
    vscode.commands.registerCommand('conduct.showPolicyLayout', () => showLayout('policy')),
    // For the real-editor tests only: what the last report showed, and what the server gives a left side.
    vscode.commands.registerCommand('conduct._reportState', () => reports.lastState),
    vscode.commands.registerCommand('conduct._baseDocument', (uri: vscode.Uri) => {
      const side = uri instanceof vscode.Uri ? decodeBaseQuery(uri.query) : undefined;
      return side ? requests.baseDocument(side, side.layout) : { error: 'not a comparison document' };
    }),
    vscode.window.tabGroups.onDidChangeTabs(contextKeys),
    vscode.window.tabGroups.onDidChangeTabGroups(contextKeys),
  );
}

function commandInput(args: unknown[]): CommandInput {
  const input: CommandInput = {};
  for (const arg of args) {
    if (arg instanceof vscode.Uri) {
      if (!input.policy) input.policy = arg;
      else input.other ??= arg;
    } else if (isTarget(arg)) input.target ??= arg;
  }
  return input;
}

/** The comparison diff view in the active tab, if that is one. */
function activeComparison(): { tab: vscode.Tab; side: BaseSide } | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  if (!(tab?.input instanceof vscode.TabInputTextDiff) || tab.input.original.scheme !== BASE_SCHEME) return undefined;
  const side = decodeBaseQuery(tab.input.original.query);
  return side && { tab, side };
}

/**
 * The policy a command is about, as a URI string, opened so the server has it: the given
 * one, else the active comparison's, else the active editor's. Says what to do when none.
 */
async function policyOf(input: CommandInput): Promise<string | undefined> {
  let uri = input.policy;
  if (!uri) {
    const editor = vscode.window.activeTextEditor?.document.uri;
    const compared = activeComparison()?.side.policy ?? (editor?.scheme === BASE_SCHEME ? decodeBaseQuery(editor.query)?.policy : undefined);
    uri = compared ? vscode.Uri.parse(compared) : editor;
  }
  if (!uri || uri.scheme === BASE_SCHEME) {
    void vscode.window.showErrorMessage('Conduct Lens: open the policy first, then compare it.');
    return undefined;
  }
  try {
    await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(`Conduct Lens: cannot open ${vscode.workspace.asRelativePath(uri)}: ${(error as Error)?.message ?? error}`);
    return undefined;
  }
  return uri.toString();
}

function isCompareSectionArgs(args: unknown): args is CompareSectionArgs {
  if (typeof args !== 'object' || args === null) return false;
  const { uri, target, range } = args as Record<string, unknown>;
  const position = (p: unknown) => typeof p === 'object' && p !== null && typeof (p as { line?: unknown }).line === 'number' && typeof (p as { character?: unknown }).character === 'number';
  const isRange = typeof range === 'object' && range !== null && position((range as { start?: unknown }).start) && position((range as { end?: unknown }).end);
  return typeof uri === 'string' && isTarget(target) && isRange;
}

async function pickOtherPolicy(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Compare',
    title: 'Compare with Another Policy',
    filters: { Policies: ['md', 'markdown', 'txt', 'rst'], 'All files': ['*'] },
  });
  return picked?.[0];
}
