import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, waitForDiagnostics } from './waitFor';

const EXTENSION_ID = 'conduct-lens.conduct-lens';

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test runner must open the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, relative);
}

async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

function lineOf(document: vscode.TextDocument, needle: string): number {
  const line = document.getText().split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `fixture has no line with ${needle}`);
  return line;
}

const isPlaceholder = (d: vscode.Diagnostic) => d.source === 'conduct' && typeof d.code === 'object' && d.code.value === 'unfilled-placeholder';

export function registerConductTests(): void {
  describe('Conduct Lens in a real VS Code extension host', () => {
    before(async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not loaded`);
      await extension.activate();
    });

    it('reports [INSERT CONTACT METHOD] left in CODE_OF_CONDUCT.md, keeping the Markdown language', async () => {
      const document = await open('CODE_OF_CONDUCT.md');
      assert.equal(document.languageId, 'markdown');
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some(isPlaceholder));
      const placeholder = diagnostics.filter(isPlaceholder);
      assert.equal(placeholder.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
      const line = lineOf(document, '[INSERT CONTACT METHOD]');
      assert.equal(placeholder[0].range.start.line, line);
      assert.equal(document.getText(placeholder[0].range), '[INSERT CONTACT METHOD]');
      assert.equal(placeholder[0].severity, vscode.DiagnosticSeverity.Error);
      assert.match(placeholder[0].message, /\[INSERT CONTACT METHOD\]/);
    });

    it('explains a ladder rung when hovering its heading', async () => {
      const document = await open('CODE_OF_CONDUCT.md');
      const line = lineOf(document, '### 2. Warning');
      const text = await hoverText(document.uri, new vscode.Position(line, 8));
      assert.match(text, /\*\*Warning\*\*: rung 2 of 4/);
      assert.match(text, /Contributor Covenant 2\.1 \(en\) defines it as/);
    });

    it('checks files matched by the conduct.files setting', async () => {
      const document = await open('policies/community.md');
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some(isPlaceholder));
      assert.equal(diagnostics.filter(isPlaceholder)[0].range.start.line, lineOf(document, '[INSERT CONTACT METHOD]'));
    });

    it('repairs mojibake with a quick fix that undo reverts', async () => {
      const document = await open('policies/garbled.md');
      const original = document.getText();
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => typeof d.code === 'object' && d.code.value === 'mojibake'));
      const garbled = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'mojibake')!;
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, garbled.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const fix = actions.find((a) => a.title === 'Replace "Â©" with "©"');
      assert.ok(fix?.edit, `no quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.getText(), original.replace('Â©', '©'));
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), original);
    });

    it('leaves other Markdown alone until "Check This File as a Conduct Policy" is run on it', async () => {
      const document = await open('docs/house-rules.md');
      const rung = new vscode.Position(lineOf(document, '### 2. Warning'), 8);
      // A hover is a request the server answers, so its emptiness is a real "not a policy".
      assert.equal(await hoverText(document.uri, rung), '');
      await vscode.commands.executeCommand('conduct.checkFile', document.uri);
      const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some(isPlaceholder));
      assert.equal(diagnostics.filter(isPlaceholder)[0].range.start.line, lineOf(document, '[INSERT EMAIL ADDRESS]'));
      assert.match(await hoverText(document.uri, rung), /\*\*Warning\*\*: rung 1 of 1/);
    });
  });
}
