import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suiteFixtures, type SuiteFixtures } from './fixtures';
import { hoverText, waitForDiagnostics } from './waitFor';

const UNREADABLE = (d: vscode.Diagnostic) => d.source === 'conduct' && typeof d.code === 'object' && d.code.value === 'unreadable-input';
const LADDER = ['# Code of Conduct', '', 'Write to conduct@lantern.example with any concern.', '', '## Consequences', '', '### 1. Correction', '', '### 2. Warning', '', '### 3. Temporary Ban', '', '### 4. Permanent Ban', ''].join('\n');

/** A hover on rung 2 of a small, normal policy: the proof that the server still answers. */
async function hoverStillAnswers(fixtures: SuiteFixtures, name: string): Promise<void> {
  const uri = await fixtures.write(`${name}/CODE_OF_CONDUCT.md`, LADDER);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const line = LADDER.split('\n').indexOf('### 2. Warning');
  assert.match(await hoverText(uri, new vscode.Position(line, 6)), /rung 2 of 4/);
}

export function registerReliabilityTests(): void {
  describe('Conduct Lens with hostile files in the real editor', () => {
    let fixtures: SuiteFixtures;
    before(async () => {
      fixtures = await suiteFixtures();
    });

    it('declines a 10 MB policy with one clear warning, and still answers a hover on a normal policy afterwards', async () => {
      const sentence = 'Everyone at Lantern is welcome, and the stewards answer every note within a week.\n\n';
      const uri = await fixtures.write('huge/CODE_OF_CONDUCT.md', sentence.repeat(Math.ceil((10 << 20) / sentence.length)));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(UNREADABLE), 60_000);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
      assert.match(diagnostics[0].message, /^This file has [\d,]+ characters; policies are checked up to [\d,]+\. Split it, or raise the limit\.$/);
      await hoverStillAnswers(fixtures, 'after-huge');
    });

    it('declines a binary file named like a policy, or lets the editor refuse it, and still answers a hover afterwards', async () => {
      // Text first, so the editor may open it as text; NUL bytes after, as in a binary file.
      const bytes = Buffer.concat([Buffer.from('# Code of Conduct\n\nBe kind.\n'.repeat(40)), Buffer.from([0, 1, 2, 0, 255, 0, 0, 7])]);
      const root = vscode.workspace.workspaceFolders![0].uri;
      const uri = vscode.Uri.joinPath(root, 'binary/CODE_OF_CONDUCT.md');
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, bytes);
      let document: vscode.TextDocument | undefined;
      try {
        document = await vscode.workspace.openTextDocument(uri);
      } catch (error) {
        // The editor's own binary detection: then the file never reaches the server at all.
        assert.match(String((error as Error).message), /binary/i);
      }
      if (document) {
        await vscode.window.showTextDocument(document);
        const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(UNREADABLE), 30_000);
        assert.deepEqual(diagnostics.map((d) => d.message), ['This file looks binary (it contains NUL bytes), so it was not checked as a conduct policy.']);
      }
      await hoverStillAnswers(fixtures, 'after-binary');
    });
  });
}
