import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suiteFixtures, type SuiteFixtures } from './fixtures';
import { waitForDiagnostics } from './waitFor';

/** What conduct.checkWorkspace returns. */
interface ScanResult {
  files: number;
  findings: number;
  misspelled: number;
  drifted: number;
  cancelled: boolean;
}

/** Our own words: a short policy with its contact left as a placeholder. */
const OWN_POLICY = '# Lantern Club Code of Conduct\n\nBe kind to each other at our meetups and online.\n\nReport problems to [INSERT CONTACT METHOD].\n';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const has = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => d.source === 'conduct' && codeOf(d) === rule);
const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * The rename quick fix. The editor drops a code action request that is in flight when the
 * file's diagnostics change (as they do just after it opens), so it is asked again, a few
 * times at most, each time after the previous answer.
 */
async function renameAction(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction> {
  const offered: string[][] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const rename = actions.find((a) => a.title === 'Rename to "CODE_OF_CONDUCT.md"');
    if (rename) return rename;
    offered.push(actions.map((a) => a.title));
  }
  throw new Error(`the rename quick fix was never offered; offered: ${JSON.stringify(offered)}`);
}

export function registerWorkspaceTests(): void {
  describe('Check All Conduct Policies in the Workspace', () => {
    let fixtures: SuiteFixtures;
    let result: ScanResult;
    let primary: vscode.Uri;
    let german: vscode.Uri;
    let misspelled: vscode.Uri;
    let plain: vscode.Uri;
    let hiddenByFiles: vscode.Uri;
    let hiddenBySearch: vscode.Uri;

    before(async () => {
      fixtures = await suiteFixtures();
      // The fixture's root CODE_OF_CONDUCT.md is no Covenant text, so an English 2.1 beside it
      // is the primary policy (nearest the root, whatever other suites write deeper down); a
      // German translation still on 2.0, a policy
      // whose name GitHub will not recognise, and two that the user's excludes hide.
      primary = await fixtures.write('CODE_OF_CONDUCT.txt', fixtures.upstreamBody('2.1'));
      german = await fixtures.write('scan/CODE_OF_CONDUCT.de.md', fixtures.upstreamBody('2.0', 'de'));
      misspelled = await fixtures.write('scan/docs/CCODE_OF_CONDUCT.md', OWN_POLICY);
      plain = await fixtures.write('scan/team/CODE_OF_CONDUCT.md', OWN_POLICY);
      hiddenByFiles = await fixtures.write('scan/hidden-files/CODE_OF_CONDUCT.md', OWN_POLICY);
      hiddenBySearch = await fixtures.write('scan/hidden-search/CODE_OF_CONDUCT.md', OWN_POLICY);
      await vscode.workspace.getConfiguration('files').update('exclude', { '**/hidden-files': true }, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.getConfiguration('search').update('exclude', { '**/hidden-search': true }, vscode.ConfigurationTarget.Workspace);
      result = (await vscode.commands.executeCommand<ScanResult>('conduct.checkWorkspace'))!;
    });

    after(async () => {
      await vscode.workspace.fs.delete(primary);
      await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.getConfiguration('search').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('reports the findings of policies that are not open into Problems, honouring files.exclude and search.exclude', async () => {
      assert.equal(result.cancelled, false);
      assert.ok(!isOpen(plain) && !isOpen(misspelled), 'the scan must not open the files it checks');
      const diagnostics = await waitForDiagnostics(plain, has('unfilled-placeholder'));
      const placeholder = diagnostics.find((d) => codeOf(d) === 'unfilled-placeholder')!;
      assert.equal(placeholder.range.start.line, 4);
      assert.deepEqual(vscode.languages.getDiagnostics(hiddenByFiles), []);
      assert.deepEqual(vscode.languages.getDiagnostics(hiddenBySearch), []);
      assert.ok(result.files >= 3, JSON.stringify(result));
    });

    it('reports a misspelled policy name among them, with its own findings', async () => {
      const diagnostics = await waitForDiagnostics(misspelled, (ds) => has('misspelled-file-name')(ds) && has('unfilled-placeholder')(ds));
      const name = diagnostics.find((d) => codeOf(d) === 'misspelled-file-name')!;
      assert.match(name.message, /GitHub does not recognise "CCODE_OF_CONDUCT\.md" as a code of conduct .*expected "CODE_OF_CONDUCT\.md"/);
      assert.equal(name.range.start.line, 0);
      assert.equal(result.misspelled, 1);
    });

    it('reports a translation that drifted from the primary policy', async () => {
      const diagnostics = await waitForDiagnostics(german, has('translation-drift'));
      const drift = diagnostics.filter((d) => codeOf(d) === 'translation-drift');
      assert.equal(drift.length, 1);
      assert.match(drift[0].message, /\(de\) follows Contributor Covenant 2\.0, but the primary policy CODE_OF_CONDUCT\.txt follows Contributor Covenant 2\.1/);
      assert.equal(drift[0].severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(result.drifted >= 1);
    });

    it('renames a misspelled policy with its quick fix, Problems following the file, and undo renames it back', async () => {
      // Until the file is open, the scan's report holds its name finding; once open, the
      // scan withdraws it and the pulled diagnostics bring it back, once.
      let changes = 0;
      const counting = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((u) => u.toString() === misspelled.toString())) changes++;
      });
      const document = await vscode.workspace.openTextDocument(misspelled);
      await vscode.window.showTextDocument(document);
      const names = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'misspelled-file-name');
      const diagnostics = await waitForDiagnostics(misspelled, (ds) => changes >= 2 && names(ds).length === 1 && has('unfilled-placeholder')(ds));
      counting.dispose();
      const name = names(diagnostics)[0];
      const rename = await renameAction(misspelled, name.range);
      const renamed = vscode.Uri.joinPath(misspelled, '..', 'CODE_OF_CONDUCT.md');
      assert.ok(rename.edit && (await vscode.workspace.applyEdit(rename.edit)));
      assert.ok(await exists(renamed), 'the conventional name exists after the fix');
      assert.ok(!(await exists(misspelled)), 'the misspelled name is gone after the fix');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(renamed)), OWN_POLICY);
      await waitForDiagnostics(misspelled, (ds) => ds.length === 0);
      await waitForDiagnostics(renamed, (ds) => has('unfilled-placeholder')(ds) && !has('misspelled-file-name')(ds));
      await vscode.commands.executeCommand('undo');
      assert.ok(await exists(misspelled), 'undo brings the misspelled name back');
      assert.ok(!(await exists(renamed)), 'undo removes the conventional name');
      await waitForDiagnostics(misspelled, has('misspelled-file-name'));
    });

    it('stops when cancelled, leaving files it did not reach out of Problems', async () => {
      const late = await fixtures.write('scan/late/CODE_OF_CONDUCT.md', OWN_POLICY);
      const source = new vscode.CancellationTokenSource();
      source.cancel();
      const cancelled = await vscode.commands.executeCommand<ScanResult>('conduct.checkWorkspace', { token: source.token });
      assert.equal(cancelled?.cancelled, true);
      // The server publishes before it answers, so a file it had checked would show by now.
      assert.deepEqual(vscode.languages.getDiagnostics(late), []);
      const complete = await vscode.commands.executeCommand<ScanResult>('conduct.checkWorkspace');
      assert.equal(complete?.cancelled, false);
      await waitForDiagnostics(late, has('unfilled-placeholder'));
    });

    it('is offered by the status item\'s menu and the command palette', async () => {
      const items = await vscode.commands.executeCommand<{ label: string; command: string }[]>('conduct._statusActionItems');
      assert.ok(items?.some((i) => i.command === 'conduct.checkWorkspace' && i.label.endsWith('Check All Conduct Policies in the Workspace')), JSON.stringify(items));
      const extension = vscode.extensions.getExtension('conduct-lens.conduct-lens')!;
      const contributed = (extension.packageJSON.contributes.commands as { command: string; title: string }[]).find((c) => c.command === 'conduct.checkWorkspace');
      assert.equal(contributed?.title, 'Check All Conduct Policies in the Workspace');
      assert.ok((await vscode.commands.getCommands(true)).includes('conduct.checkWorkspace'));
    });
  });
}
