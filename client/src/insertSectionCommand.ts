import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMPARE_CHOICES,
  STANDARD_SECTIONS,
  type CompareChoicesParams,
  type CompareChoicesResult,
  type CompareTarget,
  type SnippetInsertion,
  type StandardSectionItem,
  type StandardSectionsParams,
  type StandardSectionsResult,
} from '../../server/src/protocol';

/**
 * What "Insert Standard Section…" may be given instead of asking: a section id ("scope"),
 * a version and language to take it from, and where it goes. Tests and keybindings pass
 * these; from the palette the command asks.
 */
export interface InsertSectionArgs {
  section?: string;
  version?: string;
  language?: string;
  /** `place`: where upstream puts it among the policy's sections (the default); `cursor`: at the cursor. */
  where?: 'place' | 'cursor';
}

const NOT_RUNNING = 'Conduct Lens: the language server is not running. See "Conduct: Show Language Server Output".';

async function ask<T>(client: LanguageClient, method: string, params: object): Promise<T | { error: string; chooseVersion?: boolean }> {
  try {
    return await client.sendRequest<T>(method, params);
  } catch (error) {
    return { error: `The language server did not answer: ${(error as Error)?.message ?? error}` };
  }
}

/** Lets the user pick the version to take sections from, for a policy that follows no Covenant text. */
async function pickVersion(client: LanguageClient, uri: string): Promise<CompareTarget | undefined> {
  const answer = await ask<CompareChoicesResult>(client, COMPARE_CHOICES, { uri } satisfies CompareChoicesParams);
  if ('error' in answer) {
    void vscode.window.showErrorMessage(`Conduct Lens: ${answer.error}`);
    return undefined;
  }
  // Earlier wordings are for comparing; a new section comes from today's text.
  const items = answer.choices.filter((c) => !c.target.commit).map((choice) => ({ label: choice.label, description: choice.description, target: choice.target }));
  return (await vscode.window.showQuickPick(items, { title: 'Insert Standard Section: which Contributor Covenant?', placeHolder: 'This policy follows no Covenant text; pick the version to take sections from' }))?.target;
}

async function pickSection(sections: readonly StandardSectionItem[], against: string): Promise<StandardSectionItem | undefined> {
  // Missing sections first, in upstream order: they are what a user usually comes for.
  const ordered = [...sections.filter((s) => !s.present), ...sections.filter((s) => s.present)];
  const items = ordered.map((section) => ({
    label: section.heading,
    description: section.present ? 'already in this policy' : `missing · goes ${section.place}`,
    section,
  }));
  return (await vscode.window.showQuickPick(items, { title: `Insert Standard Section from ${against}`, placeHolder: 'Pick a section; its upstream text is inserted with placeholders to fill' }))?.section;
}

async function pickWhere(section: StandardSectionItem, cursorLine: number): Promise<SnippetInsertion | undefined> {
  if (!section.atCursor) return section.atPlace;
  const items = [
    { label: `At its place, ${section.place}`, insertion: section.atPlace },
    { label: `At the cursor, line ${cursorLine + 1}`, insertion: section.atCursor },
  ];
  return (await vscode.window.showQuickPick(items, { title: `Insert "${section.heading}"`, placeHolder: 'Where should the section go?' }))?.insertion;
}

/**
 * "Insert Standard Section…": the server lists the sections of the detected base (or the
 * chosen version) with ready snippets; the client only asks which and where, then inserts
 * the snippet, so tab stops land on the placeholders and one undo removes it.
 */
export function registerInsertSectionCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('conduct.insertStandardSection', async (args: InsertSectionArgs = {}) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showErrorMessage('Conduct Lens: open the policy first, then run "Insert Standard Section…".');
      return false;
    }
    const client = getClient();
    if (!client?.isRunning()) {
      void vscode.window.showErrorMessage(NOT_RUNNING);
      return false;
    }
    const uri = editor.document.uri.toString();
    const cursor = editor.selection.active;
    const params = (target?: CompareTarget): StandardSectionsParams => ({ uri, position: { line: cursor.line, character: cursor.character }, ...(target && { target }) });
    let target: CompareTarget | undefined = args.version ? { version: args.version, ...(args.language && { language: args.language }) } : undefined;
    let answer = await ask<StandardSectionsResult>(client, STANDARD_SECTIONS, params(target));
    if ('error' in answer && answer.chooseVersion && !args.section) {
      target = await pickVersion(client, uri);
      if (!target) return false;
      answer = await ask<StandardSectionsResult>(client, STANDARD_SECTIONS, params(target));
    }
    if ('error' in answer) {
      void vscode.window.showErrorMessage(`Conduct Lens: ${answer.error}`);
      return false;
    }
    const { sections, against, version } = answer;
    const section = args.section ? sections.find((s) => s.id === args.section) : await pickSection(sections, against);
    if (!section) {
      if (args.section) void vscode.window.showErrorMessage(`Conduct Lens: ${against} has no section "${args.section}"; it has ${sections.map((s) => s.id).join(', ')}.`);
      return false;
    }
    const insertion = args.where === 'cursor' ? section.atCursor : args.where === 'place' || args.section ? section.atPlace : await pickWhere(section, cursor.line);
    if (!insertion) return false;
    // The positions are of the version the server saw: typing meanwhile would move them.
    if (editor.document.version !== version) {
      void vscode.window.showWarningMessage('Conduct Lens: the policy changed while the sections were listed; run "Insert Standard Section…" again.');
      return false;
    }
    return editor.insertSnippet(new vscode.SnippetString(insertion.snippet), new vscode.Position(insertion.position.line, insertion.position.character));
  });
}
