import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { byPosition, SEED_EXPECTATIONS } from '../../support/seedExpectations';
import { waitForDiagnostics } from './waitFor';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/**
 * The seed policies, opened in place from ../shared/seeds beside the extension (their names
 * are not conventional, so each is marked with "Check This File as a Conduct Policy"): the
 * editor must show exactly the findings the core's seed table lists.
 */
export function registerSeedTests(): void {
  describe('seed policies in the editor', () => {
    let seedsDir: string;
    before(() => {
      const extension = vscode.extensions.getExtension('conduct-lens.conduct-lens');
      assert.ok(extension);
      seedsDir = path.resolve(extension.extensionPath, '..', 'shared', 'seeds');
      assert.ok(fs.existsSync(seedsDir), `${seedsDir} is missing`);
    });

    for (const [number, expected] of Object.entries(SEED_EXPECTATIONS)) {
      it(`shows seed ${number}'s findings, and only those`, async () => {
        const file = fs.readdirSync(seedsDir).find((f) => f.startsWith(`${number}_`));
        assert.ok(file, `no seed ${number}`);
        const uri = vscode.Uri.file(path.join(seedsDir, file));
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        await vscode.commands.executeCommand('conduct.checkFile', uri);
        const diagnostics = await waitForDiagnostics(uri, (ds) => ds.filter((d) => d.source === 'conduct').length >= expected.findings.length);
        const actual = diagnostics
          .filter((d) => d.source === 'conduct')
          .map((d) => ({ rule: codeOf(d), line: d.range.start.line + 1 }))
          .sort(byPosition);
        assert.deepEqual(actual, expected.findings.map(({ rule, line }) => ({ rule, line })).sort(byPosition));
      });
    }
  });
}
