import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suiteFixtures, type SuiteFixtures } from './fixtures';
import { waitForDiagnostics } from './waitFor';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('conduct');

const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

/** Replaces `from` (which must occur exactly once) with `to`: a fixture is one upstream text with one deliberate slip. */
function once(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one "${from}" in the fixture`);
  return text.replace(from, to);
}

/** Opens the file in an editor (undo acts on the active editor) and waits for the rule's diagnostic. */
async function openWith(uri: vscode.Uri, rule: string): Promise<{ document: vscode.TextDocument }> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  await waitForDiagnostics(uri, (ds) => ds.some((d) => d.source === 'conduct' && ruleOf(d) === rule));
  return { document };
}

/**
 * The quick fix with `title` that the editor lists for the rule's diagnostic. Asked twice at
 * most, with the diagnostics read afresh: when a diagnostics pull lands just as the request
 * is made, VS Code can hand the provider a copy of the diagnostic without its data (the fix),
 * and the light bulb a user opens a moment later is complete.
 */
async function quickFix(document: vscode.TextDocument, rule: string, title: string): Promise<vscode.CodeAction> {
  let listed: string[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'conduct' && ruleOf(d) === rule);
    assert.ok(diagnostic, `no ${rule} diagnostic on ${document.uri.fsPath}`);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const action = actions.find((a) => a.title === title);
    if (action?.edit) return action;
    listed = actions.map((a) => a.title);
  }
  assert.fail(`no quick fix "${title}" among ${JSON.stringify(listed)}`);
}

/** Applies the fix, checks the text is `fixed`, then undoes it and checks the original is back byte for byte. */
async function applyAndUndo(document: vscode.TextDocument, edit: vscode.WorkspaceEdit, fixed: string): Promise<void> {
  const original = document.getText();
  assert.ok(await vscode.workspace.applyEdit(edit));
  try {
    assert.equal(document.getText(), fixed);
  } finally {
    await vscode.commands.executeCommand('undo');
  }
  assert.equal(document.getText(), original);
}

export function registerQuickFixTests(): void {
  describe('Quick fixes and fix-all in a real VS Code extension host', () => {
    let fixtures: SuiteFixtures;
    let v21: string;
    before(async () => {
      fixtures = await suiteFixtures();
      v21 = fixtures.upstreamBody('2.1');
    });

    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    // Other suites scan the whole workspace for policies: leave them none of ours.
    after(async () => {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      if (root) await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, 'quick-fixes'), { recursive: true, useTrash: false });
    });

    it('quick fix changes an attribution claiming 2.1 on a 3.0 text to 3.0, and undo restores it', async () => {
      const v30 = fixtures.upstreamBody('3.0');
      const text = once(v30, 'version 3.0', 'version 2.1');
      const { document } = await openWith(await fixtures.write('quick-fixes/version/CODE_OF_CONDUCT.md', text), 'attribution-version');
      await applyAndUndo(document, (await quickFix(document, 'attribution-version', 'Change the version to 3.0')).edit!, v30);
    });

    it('quick fix points a permalink to 2.0 in a 2.1 policy at 2.1, and undo restores it', async () => {
      const link = 'version/2/1/code_of_conduct.html][v2.1]';
      const text = once(v21, link, link.replace('2/1', '2/0'));
      const { document } = await openWith(await fixtures.write('quick-fixes/permalink/CODE_OF_CONDUCT.md', text), 'attribution-permalink');
      await applyAndUndo(document, (await quickFix(document, 'attribution-permalink', 'Point the link at version 2.1')).edit!, v21);
    });

    it('quick fix renames CC BY-SA named in a 2.1 policy to CC BY, and undo restores it', async () => {
      const text = `${v21}\nThis page is shared under CC BY-SA 4.0.\n`;
      const { document } = await openWith(await fixtures.write('quick-fixes/licence/CODE_OF_CONDUCT.md', text), 'attribution-licence');
      await applyAndUndo(document, (await quickFix(document, 'attribution-licence', 'Change the licence to CC BY 4.0')).edit!, `${v21}\nThis page is shared under CC BY 4.0.\n`);
    });

    it('offers the claimed version\'s licence as a choice, not preferred, when claim and body disagree; applied and undone', async () => {
      // The body is 2.1 (CC BY) but the attribution claims 3.0 (CC BY-SA): either could be the slip.
      const text = `${once(v21, 'version 2.1', 'version 3.0')}\nThis page is shared under CC BY 4.0.\n`;
      const { document } = await openWith(await fixtures.write('quick-fixes/licence-choice/CODE_OF_CONDUCT.md', text), 'attribution-licence');
      const action = await quickFix(document, 'attribution-licence', 'Change the licence to CC BY-SA 4.0, the licence of the claimed 3.0');
      assert.notEqual(action.isPreferred, true);
      await applyAndUndo(document, action.edit!, text.replace('shared under CC BY 4.0', 'shared under CC BY-SA 4.0'));
    });

    it('quick fix defines the [homepage] reference the policy dropped, after its last definition, and undo removes it', async () => {
      const definition = /^\[homepage\]: (.*)\n/m.exec(v21);
      assert.ok(definition, 'the 2.1 text defines [homepage]');
      const text = v21.replace(definition[0], '');
      const { document } = await openWith(await fixtures.write('quick-fixes/reference/CODE_OF_CONDUCT.md', text), 'undefined-reference');
      const action = await quickFix(document, 'undefined-reference', `Define [homepage] as ${definition[1]}`);
      const lastDefinition = [...text.matchAll(/^\[[^\]\n]+\]: [^\n]*/gm)].pop()!;
      const at = lastDefinition.index + lastDefinition[0].length;
      await applyAndUndo(document, action.edit!, `${text.slice(0, at)}\n${definition[0].trimEnd()}${text.slice(at)}`);
    });

    it('quick fix joins a paragraph split by a blank line in mid-sentence, and undo splits it again', async () => {
      const sentence = 'We pledge to act and interact in ways';
      const text = once(v21, sentence, sentence.replace('act and', 'act\n\nand'));
      const { document } = await openWith(await fixtures.write('quick-fixes/split/CODE_OF_CONDUCT.md', text), 'split-paragraph');
      await applyAndUndo(document, (await quickFix(document, 'split-paragraph', 'Join the paragraph across the blank line')).edit!, v21);
    });

    describe('fix-all', () => {
      // Five certain slips at once: a licence, two dropped definitions (restored together after
      // the last one left, in the order their references come), a split sentence and mojibake in our own footer.
      const slips = (body: string) => {
        const dropped = ['homepage', 'FAQ'].map((label) => new RegExp(`^\\[${label}\\]: .*\\n`, 'm').exec(body)![0]);
        const kept = dropped.reduce((text, definition) => text.replace(definition, ''), body);
        const split = once(kept, 'We pledge to act and interact', 'We pledge to act\n\nand interact');
        const lastDefinition = [...kept.matchAll(/^\[[^\]\n]+\]: [^\n]*/gm)].pop()!;
        const at = lastDefinition.index + lastDefinition[0].length;
        const restored = `${kept.slice(0, at)}${dropped.map((d) => `\n${d.trimEnd()}`).join('')}${kept.slice(at)}`;
        return {
          text: `${split}\nThis page is shared under CC BY-SA 4.0.\n\nÂ© 2026 Pebble Club\n`,
          fixed: `${restored}\nThis page is shared under CC BY 4.0.\n\n© 2026 Pebble Club\n`,
        };
      };

      it('source.fixAll.conduct applies every certain fix in one edit, and one undo restores the file', async () => {
        const { text, fixed } = slips(v21);
        const { document } = await openWith(await fixtures.write('quick-fixes/fix-all/CODE_OF_CONDUCT.md', text), 'split-paragraph');
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL.value)) ?? [];
        const fixAll = actions.find((a) => a.kind?.value === FIX_ALL.value);
        assert.ok(fixAll?.edit, `no fix-all among ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.equal(fixAll.title, 'Fix all 5 certain Conduct problems');
        await applyAndUndo(document, fixAll.edit, fixed);
      });

      it('runs on save when editor.codeActionsOnSave enables source.fixAll.conduct, and undo restores the text', async () => {
        const { text, fixed } = slips(v21);
        const { document } = await openWith(await fixtures.write('quick-fixes/fix-on-save/CODE_OF_CONDUCT.md', text), 'split-paragraph');
        const editor = vscode.workspace.getConfiguration('editor', document);
        await editor.update('codeActionsOnSave', { [FIX_ALL.value]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
        try {
          // An edit of our own makes the file dirty, so saving runs the save participants.
          const edit = new vscode.WorkspaceEdit();
          edit.insert(document.uri, new vscode.Position(0, 0), 'Draft. ');
          assert.ok(await vscode.workspace.applyEdit(edit));
          assert.ok(await document.save());
          assert.equal(document.getText(), `Draft. ${fixed}`);
          await vscode.commands.executeCommand('undo');
          assert.equal(document.getText(), `Draft. ${text}`);
        } finally {
          await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
        }
      });

      it('"Conduct: Fix All" fixes the active policy, and undo restores it', async () => {
        const { text, fixed } = slips(v21);
        const { document } = await openWith(await fixtures.write('quick-fixes/fix-all-command/CODE_OF_CONDUCT.md', text), 'split-paragraph');
        const changed = new Promise<void>((resolve) => {
          const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
            if (event.document === document && event.contentChanges.length) {
              subscription.dispose();
              resolve();
            }
          });
        });
        await vscode.commands.executeCommand('conduct.fixAll');
        await changed;
        assert.equal(document.getText(), fixed);
        await vscode.commands.executeCommand('undo');
        assert.equal(document.getText(), text);
      });
    });
  });
}
