import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suiteFixtures, type SuiteFixtures } from './fixtures';
import { waitForDiagnostics } from './waitFor';

const isMissingSection = (d: vscode.Diagnostic) => d.source === 'conduct' && typeof d.code === 'object' && d.code.value === 'missing-section';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** `body` without the `## heading` section, with `gap` where it was. */
function cut(body: string, heading: string, gap = ''): { text: string; at: number } {
  const start = body.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, `the bundled text has no "## ${heading}"`);
  const end = body.indexOf('\n## ', start) + 1;
  return { text: body.slice(0, start) + gap + body.slice(end), at: start };
}

/** Opens a policy written at run time and waits until the server reports its missing section. */
async function openPolicy(fixtures: SuiteFixtures, relative: string, text: string): Promise<vscode.TextEditor> {
  const uri = await fixtures.write(relative, text);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await waitForDiagnostics(uri, (ds) => ds.some(isMissingSection));
  return editor;
}

/**
 * Snippets and standard sections in the real editor. Policies are built at run time from
 * the extension's bundled 2.1 text with one section cut out, so no upstream text is kept in
 * the repository, and inserting the section must give the bundled text back exactly.
 */
export function registerCompletionTests(): void {
  describe('snippets and standard sections in the editor', () => {
    let fixtures: SuiteFixtures;
    let body: string;

    before(async () => {
      fixtures = await suiteFixtures();
      body = fixtures.upstreamBody('2.1');
    });

    afterEach(async () => {
      // Each test leaves its file edited: revert it so closing asks nothing.
      while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('inserts the conduct-appeals snippet with its defaults, the first tab stop selected', async () => {
      const uri = await fixtures.write('sections/notes.md', '');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Conduct: appeals addendum' });
      const text = editor.document.getText();
      assert.ok(text.startsWith('## Appeals\n\nAnyone subject to an enforcement decision may appeal within 30 days by writing to appeals@example.org.\n'), text);
      assert.equal(editor.document.getText(editor.selection), '30 days');
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.equal(editor.document.getText(editor.selection), 'appeals@example.org');
    });

    it('offers the conduct- snippets as completions in Markdown', async () => {
      const uri = await fixtures.write('sections/more-notes.md', 'conduct-\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 'conduct-'.length));
      const labels = new Set(list.items.map(labelOf));
      for (const prefix of ['conduct-appeals', 'conduct-reporting', 'conduct-security', 'conduct-events', 'conduct-ai', 'conduct-contacts', 'conduct-footer', 'conduct-skeleton-2.1', 'conduct-skeleton-3.0']) {
        assert.ok(labels.has(prefix), `no ${prefix} among ${[...labels].join(', ')}`);
      }
    });

    it('completes the missing Enforcement section at the start of a line with upstream\'s text, its contact placeholder a tab stop', async () => {
      const { text, at } = cut(body, 'Enforcement', '\n\n');
      const editor = await openPolicy(fixtures, 'sections/completion/CODE_OF_CONDUCT.md', text);
      const position = editor.document.positionAt(at);
      assert.equal(editor.document.lineAt(position.line).text, '');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      const item = list.items.find((i) => labelOf(i) === 'Enforcement');
      assert.ok(item, `no Enforcement among ${list.items.map(labelOf).join(', ')}`);
      assert.equal(item.detail, 'Contributor Covenant 2.1 (en) · missing from this policy');
      assert.ok(item.insertText instanceof vscode.SnippetString);
      const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
      assert.ok(await editor.insertSnippet(item.insertText, range));
      assert.equal(editor.document.getText(), body);
      assert.equal(editor.document.getText(editor.selection), '[INSERT CONTACT METHOD]', 'the first tab stop is the contact placeholder');
    });

    it('inserts a standard section at its place with "Insert Standard Section…", and undo removes it', async () => {
      const { text } = cut(body, 'Scope');
      const editor = await openPolicy(fixtures, 'sections/command/CODE_OF_CONDUCT.md', text);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      assert.equal(await vscode.commands.executeCommand('conduct.insertStandardSection', { section: 'scope' }), true);
      assert.equal(editor.document.getText(), body);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), text);
    });

    it('inserts a standard section at the cursor when asked to, one blank line apart from the text above', async () => {
      const { text } = cut(body, 'Scope');
      const scope = body.slice(body.indexOf('## Scope\n'), body.indexOf('## Enforcement\n')).trimEnd();
      const editor = await openPolicy(fixtures, 'sections/cursor/CODE_OF_CONDUCT.md', text);
      const end = editor.document.positionAt(text.length);
      editor.selection = new vscode.Selection(end, end);
      assert.equal(await vscode.commands.executeCommand('conduct.insertStandardSection', { section: 'scope', where: 'cursor' }), true);
      assert.equal(editor.document.getText(), `${text.trimEnd()}\n\n${scope}\n`);
    });

    it('inserts the missing section with its quick fix, then undo restores the policy', async () => {
      const { text } = cut(body, 'Scope');
      const editor = await openPolicy(fixtures, 'sections/quickfix/CODE_OF_CONDUCT.md', text);
      const missing = vscode.languages.getDiagnostics(editor.document.uri).find(isMissingSection)!;
      assert.match(missing.message, /"Scope"/);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, missing.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const fix = actions.find((a) => a.title === 'Insert the Scope section from Contributor Covenant 2.1');
      assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(editor.document.getText(), body);
      await waitForDiagnostics(editor.document.uri, (ds) => !ds.some(isMissingSection));
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), text);
    });
  });
}
