import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decodeBaseQuery } from '../../../client/src/compare/baseUri';
import type { ReportState } from '../../../client/src/report/panel';
import type { BaseDocumentResult } from '../../../server/src/protocol';
import { loadUpstreamTexts } from '../../../server/src/upstream/loader';
import { ADDENDUM_HEADING, derivedPolicy, FILLED_CONTACT, REWORDED } from '../../support/derivedPolicy';
import { hoverText, waitFor } from './waitFor';

const BASE_SCHEME = 'conduct-base';
const TARGET = { version: '2.1', language: 'en' };
const TIMEOUT_MS = 20_000;

/** The comparison diff tab whose left side matches `accept`, once it is open. */
function comparisonTab(what: string, accept: (original: vscode.Uri, modified: vscode.Uri) => boolean): Promise<vscode.TabInputTextDiff> {
  return waitFor(
    what,
    () => {
      for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
        if (tab.input instanceof vscode.TabInputTextDiff && tab.input.original.scheme === BASE_SCHEME && accept(tab.input.original, tab.input.modified)) return tab.input;
      }
      return undefined;
    },
    [vscode.window.tabGroups.onDidChangeTabs],
  );
}

async function serverText(left: vscode.Uri): Promise<string> {
  const result = await vscode.commands.executeCommand<BaseDocumentResult>('conduct._baseDocument', left);
  assert.ok(result && 'text' in result, `the server gave no text for ${left}: ${JSON.stringify(result)}`);
  return result.text;
}

/** Polls a state only the extension knows (the report's), for at most the timeout. */
async function eventually<T>(what: string, read: () => Thenable<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Comparison in the real editor: the diff view against upstream (its left side a virtual
 * document the server writes), the raw toggle, the report, live updates and two-policy
 * compare. The policy is derived at run time from the bundled 2.1 text: one wording edit,
 * a filled contact and an addendum of our own.
 */
export function registerCompareTests(): void {
  describe('comparing a policy in the editor', () => {
    let policy: vscode.Uri;
    let upstreamBody: string;

    before(async () => {
      const extension = vscode.extensions.getExtension('conduct-lens.conduct-lens');
      assert.ok(extension);
      await extension.activate();
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder);
      const upstream = loadUpstreamTexts(path.join(extension.extensionPath, 'upstream-texts')).find((t) => t.entry.version === '2.1' && t.entry.language === 'en');
      assert.ok(upstream);
      upstreamBody = upstream.body;
      policy = vscode.Uri.joinPath(folder.uri, 'compare/CODE_OF_CONDUCT.md');
      await vscode.workspace.fs.writeFile(policy, new TextEncoder().encode(derivedPolicy(upstreamBody)));
    });

    beforeEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(policy));
    });

    const isPolicyLayout = (original: vscode.Uri) => decodeBaseQuery(original.query)?.layout === 'policy';

    it('opens a diff view whose left side is the upstream text in the policy\'s layout, with its fields', async () => {
      await vscode.commands.executeCommand('conduct.compare', TARGET);
      const diff = await comparisonTab('the comparison diff view', isPolicyLayout);
      assert.equal(diff.modified.toString(), policy.toString());
      assert.deepEqual(decodeBaseQuery(diff.original.query)?.target, TARGET);
      const left = await vscode.workspace.openTextDocument(diff.original);
      const text = left.getText();
      assert.equal(text, await serverText(diff.original));
      assert.ok(text.includes(FILLED_CONTACT), 'the policy\'s contact fills the field');
      assert.ok(!text.includes(ADDENDUM_HEADING), 'the policy\'s addendum is not upstream');
      assert.ok(!text.includes(REWORDED) && text.includes('harassment-free experience'), 'the wording is upstream\'s');
      assert.deepEqual(vscode.languages.getDiagnostics(diff.original), [], 'the left side is not checked as a policy');
    });

    it('toggles the left side to the raw upstream text and back', async () => {
      await vscode.commands.executeCommand('conduct.compare', TARGET);
      await comparisonTab('the comparison diff view', isPolicyLayout);
      await vscode.commands.executeCommand('conduct.showRawBase');
      const raw = await comparisonTab('the raw diff view', (original) => decodeBaseQuery(original.query)?.layout === 'raw');
      assert.equal((await vscode.workspace.openTextDocument(raw.original)).getText(), upstreamBody);
      await waitFor('the policy-layout tab to close', () => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputTextDiff && isPolicyLayout(t.input.original)) ? undefined : true), [vscode.window.tabGroups.onDidChangeTabs]);
      await vscode.commands.executeCommand('conduct.showPolicyLayout');
      await comparisonTab('the policy-layout diff view again', isPolicyLayout);
    });

    it('opens the report beside the diff view, listing every section with its status', async () => {
      await vscode.commands.executeCommand('conduct.compare', TARGET);
      await comparisonTab('the comparison diff view', isPolicyLayout);
      await vscode.commands.executeCommand('conduct.showReport');
      const webview = await waitFor('the report', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('conduct.report')), [vscode.window.tabGroups.onDidChangeTabs]);
      assert.match(webview.label, /CODE_OF_CONDUCT\.md/);
      // The page tells the extension when its script runs: the nonce and the CSP let it.
      const state = await eventually('the report page\'s script to run', () => vscode.commands.executeCommand<ReportState>('conduct._reportState'), (s) => s?.ready === true);
      assert.equal(state.policy, policy.toString());
      assert.equal(state.summary, '99% identical to Contributor Covenant 2.1 (en) · 1 section customised · 1 addendum · 1 field filled');
      const status = Object.fromEntries(state.sections.map((s) => [s.heading, s.status]));
      assert.deepEqual(
        state.sections.map((s) => s.heading),
        ['Contributor Covenant Code of Conduct', 'Our Pledge', 'Our Standards', 'Enforcement Responsibilities', 'Scope', 'Enforcement', 'Enforcement Guidelines', '1. Correction', '2. Warning', '3. Temporary Ban', '4. Permanent Ban', ADDENDUM_HEADING, 'Attribution'],
      );
      assert.equal(status['Our Pledge'], 'modified');
      assert.equal(status[ADDENDUM_HEADING], 'added');
      assert.ok(state.sections.filter((s) => s.heading !== 'Our Pledge' && s.heading !== ADDENDUM_HEADING).every((s) => s.status === 'identical'), JSON.stringify(state.sections));
    });

    it('updates the left side and the report as the policy is edited', async () => {
      await vscode.commands.executeCommand('conduct.compare', TARGET);
      const diff = await comparisonTab('the comparison diff view', isPolicyLayout);
      await vscode.commands.executeCommand('conduct.showReport', policy, TARGET);
      const left = await vscode.workspace.openTextDocument(diff.original);
      const document = await vscode.workspace.openTextDocument(policy);
      const original = document.getText();
      const edit = new vscode.WorkspaceEdit();
      const at = (needle: string) => {
        const start = document.positionAt(original.indexOf(needle));
        return new vscode.Range(start, start.translate(0, needle.length));
      };
      edit.replace(policy, at(FILLED_CONTACT), 'stewards@pebble.example');
      edit.replace(policy, at(`## ${ADDENDUM_HEADING}`), '## Meetups and Snacks');
      assert.ok(await vscode.workspace.applyEdit(edit));
      try {
        await waitFor('the left side to follow the edit', () => (left.getText().includes('stewards@pebble.example') ? true : undefined), [vscode.workspace.onDidChangeTextDocument]);
        assert.equal(left.getText(), await serverText(diff.original));
        assert.ok(!left.getText().includes(FILLED_CONTACT));
        await eventually('the report to follow the edit', () => vscode.commands.executeCommand<ReportState>('conduct._reportState'), (state) => state?.sections.some((s) => s.heading === 'Meetups and Snacks' && s.status === 'added') === true);
      } finally {
        await vscode.commands.executeCommand('undo');
        assert.equal(document.getText(), original);
      }
    });

    it("hovers a rung with its base's definition and how the policy's rung differs, word by word", async () => {
      const document = await vscode.workspace.openTextDocument(policy);
      const line = document.getText().split('\n').findIndex((l) => l.startsWith('### 2.'));
      assert.ok(line >= 0, 'the derived policy has a second rung heading');
      const rung = new vscode.Position(line, 8);
      const same = await hoverText(document.uri, rung);
      assert.match(same, /Contributor Covenant 2\.1 \(en\) defines it as/);
      assert.match(same, /Your rung has the same wording/);
      const impact = document.getText().split('\n').findIndex((l, i) => i > line && l.startsWith('**'));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(impact + 1, 0), 'Only after a conversation in private.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      try {
        const differs = await eventually('the hover to see the edit', () => hoverText(document.uri, rung), (text) => /Your rung differs/.test(text));
        assert.match(differs, /- added: \*Only after a conversation in private/);
      } finally {
        await vscode.commands.executeCommand('undo');
      }
    });

    it('compares the policy with another policy in a diff view with both files', async () => {
      const other = vscode.Uri.joinPath(policy, '../sister-project.md');
      await vscode.commands.executeCommand('conduct.compareWithPolicy', policy, other);
      const diff = await comparisonTab('the two-policy diff view', (original) => decodeBaseQuery(original.query)?.other === other.toString());
      assert.equal(diff.modified.toString(), policy.toString());
      const left = await vscode.workspace.openTextDocument(diff.original);
      assert.equal(left.getText(), await serverText(diff.original));
      assert.ok(left.getText().includes('Sister Project'), 'the left side has the other policy\'s words');
      assert.ok(!left.getText().includes(ADDENDUM_HEADING), 'the policy\'s own addendum is not in the other policy');
      await vscode.commands.executeCommand('conduct.showRawBase');
      const raw = await comparisonTab('the raw two-policy diff view', (original) => decodeBaseQuery(original.query)?.layout === 'raw');
      assert.equal((await vscode.workspace.openTextDocument(raw.original)).getText(), new TextDecoder().decode(await vscode.workspace.fs.readFile(other)));
    });

    // CONDUCT_E2E_SCENE leaves the workbench as the README's screenshots show it (see its Compare section).
    const scene = process.env.CONDUCT_E2E_SCENE;
    if (scene === 'compare-diff' || scene === 'compare-report') {
      it(`sets the ${scene} scene for a screenshot`, async () => {
        for (const command of ['workbench.action.closeSidebar', 'workbench.action.closeAuxiliaryBar', 'notifications.clearAll']) await vscode.commands.executeCommand(command);
        if (scene === 'compare-diff') {
          await vscode.commands.executeCommand('conduct.compare', TARGET);
          await comparisonTab('the comparison diff view', isPolicyLayout);
        } else {
          await vscode.commands.executeCommand('conduct.showReport', policy, TARGET);
          await eventually('the report page', () => vscode.commands.executeCommand<ReportState>('conduct._reportState'), (s) => s?.ready === true);
        }
      });
    }
  });
}
