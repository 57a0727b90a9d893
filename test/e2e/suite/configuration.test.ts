import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suiteFixtures, type SuiteFixtures } from './fixtures';
import { waitForDiagnostics } from './waitFor';

const PLACEHOLDER = '[INSERT CONTACT METHOD]';

/** A small policy of our own words, with one contact placeholder on line 5 (0-based 4). */
const POLICY = `# Lantern Makers Code of Conduct

## Reporting

If someone makes you feel unwelcome, write to the organisers at ${PLACEHOLDER}.
We answer every message within three days.

## Enforcement

Organisers may warn, suspend or remove anyone who ignores this policy.
`;

const isPlaceholder = (d: vscode.Diagnostic) => d.source === 'conduct' && typeof d.code === 'object' && d.code.value === 'unfilled-placeholder';
const hasPlaceholder = (ds: vscode.Diagnostic[]) => ds.some(isPlaceholder);
// Every test first waits for the placeholder to show, so its absence afterwards is a new answer from the server.
const lacksPlaceholder = (ds: vscode.Diagnostic[]) => !ds.some(isPlaceholder);

/** Opens the policy written at `relative` and waits for its placeholder diagnostic. */
async function openPolicy(fixtures: SuiteFixtures, relative: string, text = POLICY): Promise<{ document: vscode.TextDocument; placeholder: vscode.Diagnostic }> {
  const uri = await fixtures.write(relative, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const diagnostics = await waitForDiagnostics(uri, hasPlaceholder);
  return { document, placeholder: diagnostics.find(isPlaceholder)! };
}

/**
 * Configuration in the real editor: a project config file and a setting that turn a rule
 * off and on again, a suppression comment, and the fill-placeholder quick fix applied and
 * undone. Each test works in a folder of its own, so no config file reaches another suite.
 */
export function registerConfigurationTests(): void {
  describe('configuration in the editor', () => {
    let fixtures: SuiteFixtures;

    before(async () => {
      fixtures = await suiteFixtures();
    });

    afterEach(async () => {
      while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('a .conductrc.json that turns unfilled-placeholder off removes the diagnostic, and editing it back brings it back', async () => {
      const { document } = await openPolicy(fixtures, 'configured/CODE_OF_CONDUCT.md');
      const configUri = await fixtures.write('configured/.conductrc.json', '{\n  // the contact is filled at release time\n  "rules": { "unfilled-placeholder": "off" }\n}\n');
      await waitForDiagnostics(document.uri, lacksPlaceholder);

      const config = await vscode.workspace.openTextDocument(configUri);
      assert.equal(config.languageId, 'jsonc', 'the config file opens as JSON with comments');
      // Edited in the background, so the policy stays the visible editor whose diagnostics are pulled.
      const off = config.getText().indexOf('"off"');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(configUri, new vscode.Range(config.positionAt(off), config.positionAt(off + '"off"'.length)), '"warning"');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await config.save());
      const back = await waitForDiagnostics(document.uri, hasPlaceholder);
      assert.equal(back.find(isPlaceholder)!.severity, vscode.DiagnosticSeverity.Warning, 'the file\'s severity applies');
      await vscode.workspace.fs.delete(configUri);
    });

    it('the conduct.rules setting turns unfilled-placeholder off and on again', async () => {
      const { document } = await openPolicy(fixtures, 'by-setting/CODE_OF_CONDUCT.md');
      const settings = vscode.workspace.getConfiguration('conduct', document.uri);
      try {
        await settings.update('rules', { 'unfilled-placeholder': 'off' }, vscode.ConfigurationTarget.Workspace);
        await waitForDiagnostics(document.uri, lacksPlaceholder);
      } finally {
        await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForDiagnostics(document.uri, hasPlaceholder);
    });

    it('a conduct-disable-next-line comment silences the placeholder below it, and undo brings it back', async () => {
      const { document } = await openPolicy(fixtures, 'suppressed/CODE_OF_CONDUCT.md');
      const line = document.lineAt(document.positionAt(document.getText().indexOf(PLACEHOLDER)).line);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, line.range.start, '<!-- conduct-disable-next-line unfilled-placeholder -->\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(document.uri, lacksPlaceholder);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), POLICY);
      await waitForDiagnostics(document.uri, hasPlaceholder);
    });

    it('fills the placeholder from conduct.contact with a quick fix, and undo restores it', async () => {
      const { document, placeholder } = await openPolicy(fixtures, 'contact/CODE_OF_CONDUCT.md');
      const settings = vscode.workspace.getConfiguration('conduct', document.uri);
      try {
        await settings.update('contact', 'organisers@lantern.example', vscode.ConfigurationTarget.Workspace);
        const title = 'Fill placeholder with "organisers@lantern.example"';
        // The setting reaches the server as a notification: ask again (each ask a round trip to the server) until it has.
        let actions: vscode.CodeAction[] = [];
        for (let attempt = 0; attempt < 200 && !actions.some((a) => a.title === title); attempt++) {
          actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, placeholder.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
        }
        const fill = actions.find((a) => a.title === title);
        assert.ok(fill?.edit, `no "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.ok(actions.some((a) => a.title === 'Fill placeholder…' && a.command?.command === 'conduct.fillPlaceholder'), 'the prompt is offered too');
        assert.ok(await vscode.workspace.applyEdit(fill.edit));
        assert.equal(document.getText(), POLICY.replace(PLACEHOLDER, 'organisers@lantern.example'));
        await vscode.commands.executeCommand('undo');
        assert.equal(document.getText(), POLICY);
      } finally {
        await settings.update('contact', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('"Fill placeholder…" asks for the text, and Escape leaves the document as it was', async () => {
      const { document, placeholder } = await openPolicy(fixtures, 'prompted/CODE_OF_CONDUCT.md');
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, placeholder.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const prompt = actions.find((a) => a.title === 'Fill placeholder…');
      assert.ok(prompt?.command, `no prompt among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(!actions.some((a) => a.title.startsWith('Fill placeholder with')), 'without a contact configured, only the prompt is offered');
      let settled = false;
      const answered = vscode.commands.executeCommand<boolean>(prompt.command.command, ...(prompt.command.arguments ?? [])).then((result) => {
        settled = true;
        return result;
      });
      // Press Escape on the input box once it is open (each try is a round trip to the workbench).
      for (let attempt = 0; attempt < 200 && !settled; attempt++) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await answered, false);
      assert.equal(document.getText(), POLICY);
    });
  });
}
