import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suiteFixtures } from './fixtures';

const CONTACT = 'stewards@pebble.example';
/** Words 2.1 added to 2.0's wording (checked against the bundled texts before use). */
const ADDED_IN_21 = 'caste, color';
/** The scheme of the documents VS Code's refactor preview shows a file's pending changes in; the query is the file's URI as the workbench names it (vscode-remote: here). */
const PREVIEW_SCHEME = 'vscode-bulkeditpreview-editor';
const TIMEOUT_MS = 20_000;

/** Resolves with `check`'s first defined value, checked now and on every `event`; rejects after `ms`, naming `what`. */
async function when<T>(what: string, check: () => T | undefined, event: vscode.Event<unknown>, ms = TIMEOUT_MS): Promise<T> {
  const now = check();
  if (now !== undefined) return now;
  let listener: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      listener = event(() => {
        const value = check();
        if (value !== undefined) resolve(value);
      });
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
  } finally {
    listener?.dispose();
    clearTimeout(timer);
  }
}

/**
 * Takes every change in the refactor preview. Changes that need confirmation start
 * unticked; ticking the file's row (the first, as the preview groups by file) ticks them
 * all, and only then does the preview document show the whole result.
 */
async function takeEveryChange(preview: vscode.TextDocument, complete: (text: string) => boolean): Promise<void> {
  for (let attempt = 1; !complete(preview.getText()); attempt++) {
    if (attempt > 3) throw new Error(`the refactor preview never showed every change; it shows:\n${preview.getText().slice(0, 500)}`);
    await vscode.commands.executeCommand('refactorPreview.focus');
    await vscode.commands.executeCommand('list.focusFirst');
    await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
    await when('the preview to show every change', () => (complete(preview.getText()) ? true : undefined), vscode.workspace.onDidChangeTextDocument, 10_000).catch(() => undefined);
  }
}

/**
 * The upgrade and the migration in the real editor. The policy is written at run time from
 * the extension's bundled 2.0 text with a contact filled in, so no upstream text is kept in
 * the repository.
 */
export function registerUpgradeTests(): void {
  describe('upgrading a policy in the editor', () => {
    let policy: vscode.Uri;
    let original: string;

    before(async () => {
      const fixtures = await suiteFixtures();
      const [v20, v21] = [fixtures.upstreamBody('2.0'), fixtures.upstreamBody('2.1')];
      assert.ok(v21.includes(ADDED_IN_21) && !v20.includes(ADDED_IN_21), `"${ADDED_IN_21}" no longer tells 2.1 from 2.0`);
      original = v20.replace('[INSERT CONTACT METHOD]', CONTACT);
      assert.notEqual(original, v20, 'the 2.0 text has its contact placeholder');
      policy = await fixtures.write('upgrade/CODE_OF_CONDUCT.md', original);
    });

    beforeEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('upgrades 2.0 to 2.1 through the refactor preview, keeps the filled contact, and one undo restores the file byte for byte', async () => {
      const document = await vscode.workspace.openTextDocument(policy);
      await vscode.window.showTextDocument(document);
      assert.equal(document.getText(), original);
      const upgraded = (text: string) => text.includes(ADDED_IN_21) && text.includes(CONTACT);

      const run = vscode.commands.executeCommand('conduct.upgrade', { to: '2.1' });
      const preview = await when(
        'the refactor preview of the policy',
        () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === PREVIEW_SCHEME && vscode.Uri.parse(d.uri.query).path === policy.path),
        vscode.workspace.onDidOpenTextDocument,
      );
      assert.equal(document.getText(), original, 'nothing changes before the preview is applied');
      await takeEveryChange(preview, upgraded);
      await vscode.commands.executeCommand('refactorPreview.apply');
      await run;

      const text = document.getText();
      assert.ok(upgraded(text), `the policy has 2.1's wording and its contact:\n${text.slice(0, 800)}`);
      assert.ok(text.includes('version/2/1/code_of_conduct.html'), 'the permalink follows 2.1');

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), original);
      assert.equal(document.isDirty, false);
    });

    it('drafts the migration to 3.0 beside the policy as an untitled Markdown document with its notes', async () => {
      const document = await vscode.workspace.openTextDocument(policy);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('conduct.migrate');
      const draft = await when(
        'the migration draft',
        () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'untitled'),
        vscode.window.onDidChangeVisibleTextEditors,
      );
      try {
        assert.equal(draft.document.languageId, 'markdown');
        assert.equal(draft.viewColumn, vscode.ViewColumn.Two, 'beside the policy');
        const text = draft.document.getText();
        assert.ok(text.includes('## Encouraged Behaviors'), "3.0's headings");
        assert.ok(text.includes('<!-- Conduct Lens: '), 'the notes');
        assert.ok(text.includes(CONTACT), 'the contact carried over');
      } finally {
        // An untitled document with text is dirty: revert it, or closing every editor would ask to save it.
        await vscode.window.showTextDocument(draft.document, draft.viewColumn);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  });
}
