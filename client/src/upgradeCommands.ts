import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  MIGRATE,
  UPGRADE,
  UPGRADE_CHOICES,
  type MigrateParams,
  type MigrateResult,
  type UpgradeChoicesParams,
  type UpgradeChoicesResult,
  type UpgradeError,
  type UpgradeParams,
  type UpgradeResult,
  type UpgradeView,
} from '../../server/src/upgradeProtocol';

type GetClient = () => LanguageClient | undefined;

/** What a command was given: the policy (from a menu) and a target (from a test or a keybinding), in any order. */
interface CommandInput {
  policy?: vscode.Uri;
  to?: string;
}

type TargetItem = vscode.QuickPickItem & { to?: string; migrate?: boolean };

/**
 * "Upgrade to a Newer Covenant Version…" and "Draft a Migration to Covenant 3.0". The server
 * computes both; the upgrade comes back as one workspace edit whose changes ask for
 * confirmation, so VS Code shows it in the refactor preview and one undo reverts it.
 */
export function registerUpgradeCommands(getClient: GetClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('conduct.upgrade', (...args: unknown[]) => upgradeCommand(getClient, commandInput(args))),
    vscode.commands.registerCommand('conduct.migrate', (...args: unknown[]) => migrateCommand(getClient, commandInput(args))),
  );
}

async function upgradeCommand(getClient: GetClient, input: CommandInput): Promise<void> {
  const document = await policyDocument(input.policy, 'upgrade');
  if (!document) return;
  const uri = document.uri.toString();
  let to = input.to;
  if (to === undefined) {
    const picked = await pickTarget(getClient, uri);
    if (picked?.migrate) return migrateCommand(getClient, { policy: document.uri });
    to = picked?.to;
    if (to === undefined) return;
  }
  const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Conduct Lens: upgrading the policy' }, () =>
    request<UpgradeResult>(getClient, UPGRADE, { uri, to } satisfies UpgradeParams),
  );
  if ('error' in answer) return void vscode.window.showErrorMessage(`Conduct Lens: ${answer.error}`);
  const change = answer.edit.documentChanges?.[0];
  const version = change && 'textDocument' in change ? change.textDocument.version : undefined;
  if (!change || !('edits' in change) || change.edits.length === 0) return report(document, answer, `nothing to apply for ${answer.to}: ${answer.summary}.`, false);
  if (version !== document.version) return void vscode.window.showErrorMessage('Conduct Lens: the policy changed while the upgrade was computed. Run the upgrade again.');
  const client = getClient();
  if (!client?.isRunning()) return void vscode.window.showErrorMessage(`Conduct Lens: ${NOT_RUNNING}`);
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
  // needsConfirmation on every change opens the refactor preview; applyEdit resolves once it is applied or discarded.
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) {
    return void vscode.window.showInformationMessage(`Conduct Lens: the upgrade to ${answer.to} was not applied (discarded in the preview, or the policy changed meanwhile).`);
  }
  const complete = document.getText() === answer.text;
  const head = complete ? `upgraded to ${answer.to}: ${answer.summary}.` : `upgraded to ${answer.to} with the changes you took in the preview (offered: ${answer.summary}).`;
  return report(document, answer, head, complete);
}

/** Says what the upgrade did; when conflicts are left, where the first is, with a button to reveal it. */
async function report(document: vscode.TextDocument, answer: UpgradeView, head: string, applied: boolean): Promise<void> {
  const first = answer.conflicts[0];
  if (!first) return void vscode.window.showInformationMessage(`Conduct Lens: ${head}`);
  const range = applied ? first.rangeAfter : first.range;
  const where = answer.conflicts.map((c) => (applied ? c.rangeAfter : c.range).start.line + 1);
  const reveal = 'Show First Conflict';
  const choice = await vscode.window.showWarningMessage(`Conduct Lens: ${head} Your words were kept where upstream changed them too: line${where.length === 1 ? '' : 's'} ${where.join(', ')}.`, reveal);
  if (choice !== reveal) return;
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await vscode.window.showTextDocument(document, { selection, preview: false });
}

async function migrateCommand(getClient: GetClient, input: CommandInput): Promise<void> {
  const document = await policyDocument(input.policy, 'migrate');
  if (!document) return;
  const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Conduct Lens: drafting the migration' }, () =>
    request<MigrateResult>(getClient, MIGRATE, { uri: document.uri.toString() } satisfies MigrateParams),
  );
  if ('error' in answer) return void vscode.window.showErrorMessage(`Conduct Lens: ${answer.error}`);
  const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: answer.text });
  await vscode.window.showTextDocument(draft, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const notes = answer.notes.length === 1 ? '1 note' : `${answer.notes.length} notes`;
  void vscode.window.showInformationMessage(`Conduct Lens: drafted ${answer.to} from ${answer.from} with ${notes}, each a <!-- Conduct Lens: … --> comment where it applies. Review them before you replace your policy with the draft.`);
}

/** The newer texts the server offers, and 3.0's migration after them; undefined when the user picks nothing. */
async function pickTarget(getClient: GetClient, uri: string): Promise<TargetItem | undefined> {
  const answer = await request<UpgradeChoicesResult>(getClient, UPGRADE_CHOICES, { uri } satisfies UpgradeChoicesParams);
  if ('error' in answer) return void vscode.window.showErrorMessage(`Conduct Lens: ${answer.error}`);
  const items: TargetItem[] = answer.choices.map((choice) => ({ label: choice.label, ...(choice.description && { description: choice.description }), to: choice.to }));
  if (answer.migration) {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: 'Draft a Migration to Covenant 3.0…', description: 'a rewrite, not an upgrade', migrate: true });
  }
  if (!answer.choices.length && !answer.migration) return void vscode.window.showInformationMessage(`Conduct Lens: this policy follows ${answer.from}, and there is nothing newer to upgrade to.`);
  return vscode.window.showQuickPick(items, { title: `Upgrade from ${answer.from}`, placeHolder: 'The newer Contributor Covenant text to upgrade the policy to' });
}

function commandInput(args: unknown[]): CommandInput {
  const input: CommandInput = {};
  for (const arg of args) {
    if (arg instanceof vscode.Uri) input.policy ??= arg;
    else if (typeof arg === 'object' && arg !== null && typeof (arg as { to?: unknown }).to === 'string') input.to ??= (arg as { to: string }).to;
  }
  return input;
}

/** The policy a command is about, opened: the given one, else the active editor's. Says what to do when there is none. */
async function policyDocument(uri: vscode.Uri | undefined, action: string): Promise<vscode.TextDocument | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) return void vscode.window.showErrorMessage(`Conduct Lens: open the policy first, then ${action} it.`);
  try {
    return await vscode.workspace.openTextDocument(target);
  } catch (error) {
    return void vscode.window.showErrorMessage(`Conduct Lens: cannot open ${vscode.workspace.asRelativePath(target)}: ${(error as Error)?.message ?? error}`);
  }
}

const NOT_RUNNING = 'The language server is not running. See "Conduct: Show Language Server Output".';

/** Sends a request; every failure comes back as `{ error }`, never thrown. */
async function request<T>(getClient: GetClient, method: string, params: object): Promise<T | UpgradeError> {
  const client = getClient();
  if (!client?.isRunning()) return { error: NOT_RUNNING };
  try {
    return await client.sendRequest<T>(method, params);
  } catch (error) {
    return { error: `The language server did not answer: ${(error as Error)?.message ?? error}` };
  }
}
