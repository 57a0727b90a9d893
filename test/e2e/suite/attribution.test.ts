import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadUpstreamLibrary } from '../../../server/src/upstream/loader';
import { suiteFixtures, type SuiteFixtures } from './fixtures';
import { hoverText, waitForDiagnostics } from './waitFor';

const isEarlierWording = (d: vscode.Diagnostic) => d.source === 'conduct' && typeof d.code === 'object' && d.code.value === 'earlier-wording';

/** The oldest earlier wording of a version the extension bundles, read at run time: no upstream text is kept in the repository. */
function earliestWording(version: string): { body: string; firstMonth: string } {
  const extension = vscode.extensions.getExtension('conduct-lens.conduct-lens');
  assert.ok(extension, 'the extension under test is not loaded');
  const library = loadUpstreamLibrary(path.join(extension.extensionPath, 'upstream-texts'));
  const today = library.find(version, 'en');
  assert.ok(today, `Contributor Covenant ${version} (en) is not bundled`);
  const earliest = library.revisionsOf(today)[0];
  assert.ok(earliest?.revision, `no earlier wording of ${version} is bundled`);
  return { body: earliest.body, firstMonth: earliest.revision.firstDate.slice(0, 7) };
}

export function registerAttributionTests(): void {
  describe('The attribution and earlier wordings in the real editor', () => {
    let fixtures: SuiteFixtures;
    before(async () => {
      fixtures = await suiteFixtures();
    });

    it('explains the attribution on hover: what the body follows and the licence that goes with it', async () => {
      const body = fixtures.upstreamBody('2.1').replace('[INSERT CONTACT METHOD]', 'conduct@lantern.example');
      const uri = await fixtures.write('attribution/hover/CODE_OF_CONDUCT.md', body);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const offset = document.getText().indexOf('version 2.1');
      assert.ok(offset >= 0, 'the bundled 2.1 text cites version 2.1');
      const text = await hoverText(uri, document.positionAt(offset + 3));
      assert.match(text, /This policy's text follows \*\*Contributor Covenant 2\.1 \(en\)\*\*/);
      assert.match(text, /CC BY 4\.0/);
    });

    it('notes that a policy follows an earlier upstream wording, and the attribution hover names the months upstream published it', async () => {
      const { body, firstMonth } = earliestWording('1.4');
      const uri = await fixtures.write('attribution/earlier/CODE_OF_CONDUCT.md', body);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(isEarlierWording));
      const note = diagnostics.find(isEarlierWording)!;
      assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
      assert.match(note.message, /1\.4/);
      const offset = document.getText().indexOf('version 1.4');
      assert.ok(offset >= 0, 'the earlier 1.4 wording cites version 1.4');
      const text = await hoverText(uri, document.positionAt(offset + 3));
      assert.match(text, new RegExp(`Contributor Covenant 1\\.4 \\(en\\), as published ${firstMonth}`));
    });
  });
}
