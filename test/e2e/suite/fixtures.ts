import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { UpstreamText } from '../../../server/src/core/index';
import { loadUpstreamTexts } from '../../../server/src/upstream/loader';

/** What a suite builds its fixtures from: the workspace (a scratch copy per run) and the texts the extension bundles. */
export interface SuiteFixtures {
  /** Writes a file into the scratch workspace, creating its folder. */
  write(relative: string, text: string): Promise<vscode.Uri>;
  /** A bundled upstream text's body, read at run time so no upstream text is kept in the repository. */
  upstreamBody(version: string, language?: string): string;
}

/** Activates the extension and gives the fixtures of a suite. */
export async function suiteFixtures(): Promise<SuiteFixtures> {
  const extension = vscode.extensions.getExtension('conduct-lens.conduct-lens');
  assert.ok(extension, 'the extension under test is not loaded');
  await extension.activate();
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the test runner must open the fixture workspace');
  let texts: UpstreamText[] | undefined;
  return {
    async write(relative, text) {
      const uri = vscode.Uri.joinPath(root, relative);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      return uri;
    },
    upstreamBody(version, language = 'en') {
      texts ??= loadUpstreamTexts(path.join(extension.extensionPath, 'upstream-texts'));
      const found = texts.find((t) => t.entry.version === version && t.entry.language === language);
      assert.ok(found, `Contributor Covenant ${version} (${language}) is not bundled`);
      return found.body;
    },
  };
}
