import * as vscode from 'vscode';
import { suiteFixtures } from './fixtures';
import { hoverText, waitForDiagnostics } from './waitFor';

/**
 * Scenes for the README's editor screenshots, registered only when CONDUCT_E2E_SCENE names
 * one: each leaves the workbench as the picture shows it, and runCodeServer.mjs takes the
 * picture when the suite ends (CONDUCT_E2E_SCREENSHOT). They assert nothing of their own:
 * every feature they show is tested elsewhere in this suite.
 */
const SCENES = ['editor-hover', 'editor-problems', 'editor-quickfix', 'editor-outline', 'editor-codelens'] as const;
type Scene = (typeof SCENES)[number];

/** 2.1 as bundled with its ladder kept, a rung reworded, an addendum, and the contact left as the template has it. */
function scenePolicy(body: string): string {
  return body
    .replace('A private, written warning from community leaders', 'A private, written warning from the Pebble stewards')
    .replace('\n## Attribution', '\n## Meetups\n\nWe meet on Tuesdays, and whoever hosts brings the snacks.\n\n## Attribution');
}

export function registerSceneTests(): void {
  const scene = process.env.CONDUCT_E2E_SCENE as Scene | undefined;
  if (!scene || !SCENES.includes(scene)) return;
  describe('README scene', () => {
    it(`sets the ${scene} scene for a screenshot`, async () => {
      const fixtures = await suiteFixtures();
      const text = scenePolicy(fixtures.upstreamBody('2.1'));
      const uri = await fixtures.write('scene/CODE_OF_CONDUCT.md', text);
      for (const command of ['workbench.action.closeSidebar', 'workbench.action.closeAuxiliaryBar', 'notifications.clearAll', 'workbench.action.closePanel']) await vscode.commands.executeCommand(command);
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await waitForDiagnostics(uri, (ds) => ds.some((d) => d.source === 'conduct'));
      const lines = text.split('\n');
      const at = (needle: string, offset = 0) => {
        const line = lines.findIndex((l) => l.includes(needle));
        return new vscode.Position(line, lines[line].indexOf(needle) + offset);
      };
      const show = (position: vscode.Position, top = position.line - 3) => {
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(Math.max(0, top), 0, Math.max(0, top), 0), vscode.TextEditorRevealType.AtTop);
      };
      if (scene === 'editor-hover') {
        const rung = at('### 1. Correction', 6);
        await hoverText(uri, rung);
        show(rung, rung.line - 2);
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        await vscode.commands.executeCommand('editor.action.showHover');
      } else if (scene === 'editor-problems') {
        show(at('[INSERT CONTACT METHOD]'), at('[INSERT CONTACT METHOD]').line - 6);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
      } else if (scene === 'editor-quickfix') {
        show(at('[INSERT CONTACT METHOD]', 1));
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        await vscode.commands.executeCommand('editor.action.quickFix');
      } else if (scene === 'editor-outline') {
        show(at('## Enforcement Guidelines'), 0);
        await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
        await vscode.commands.executeCommand('outline.focus');
        await vscode.commands.executeCommand('outline.expandAll').then(undefined, () => undefined);
      } else {
        show(at('### 1. Correction'), at('### 1. Correction').line - 2);
      }
      // The workbench draws the widget after the command returns.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // The harness takes the picture on this line (runCodeServer.mjs, SCENE_READY), while the extension still runs.
      console.log('conduct-e2e: scene ready');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    });
  });
}
