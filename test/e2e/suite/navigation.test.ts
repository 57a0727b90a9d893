import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ADDENDUM_HEADING, derivedPolicy } from '../../support/derivedPolicy';
import { suiteFixtures, type SuiteFixtures } from './fixtures';
import { hoverText, waitFor } from './waitFor';

/** A policy in our own words: a translated heading, a ladder of heading rungs and an addendum. */
const OWN_WORDS = `# Pebble Club Rules

## Nuestro compromiso

Everyone who joins the club should feel welcome at the table.

## What the stewards may do

### 1. Correction

A quiet word.

### 2. Warning

A written note.

### 3. Temporary Ban

A pause from the club.

## Snacks

Whoever hosts brings them.
`;

/** The same kind of policy as plain text: headings are title-like lines, so only Conduct Lens folds it. */
const PLAIN = `Pebble Club Code of Conduct

Our Pledge

Everyone who joins the club should feel welcome at the table,
whoever they are.

Scope

The club room, the chat and our outings.

Enforcement Guidelines

1. Correction

A quiet word from a steward.

2. Warning

A written note, and a pause from the chat.
`;

/** Conduct Lens's outline among all the providers' symbols: ours name headings without Markdown's "#". */
async function conductSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const all = (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  return all.filter((s): s is vscode.DocumentSymbol => 'children' in s && !s.name.startsWith('#'));
}

/** Symbols as indented "name [detail]" lines, the way the Outline shows them. */
function outlineLines(symbols: readonly vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` [${s.detail}]` : ''}`, ...outlineLines(s.children, depth + 1)]);
}

/** The position of the first `needle` in the document, `into` characters in. */
function positionOf(document: vscode.TextDocument, needle: string, into = 1): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `no "${needle}" in ${document.uri.path}`);
  return document.positionAt(offset + into);
}


/** "heading line: lens title" for every lens Conduct Lens shows, in order. */
async function lensTitles(document: vscode.TextDocument): Promise<{ lines: string[]; lenses: vscode.CodeLens[] }> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
  const ours = lenses.filter((l) => l.command && (l.command.command === 'conduct.compareSection' || l.command.command === ''));
  return { lines: ours.map((l) => `${document.lineAt(l.range.start.line).text}: ${l.command!.title}`), lenses: ours };
}

/**
 * Navigation in the real editor: the Outline (document symbols), folding, the section code
 * lenses and their Compare command, and the hovers on placeholders, section headings and
 * 3.0 rungs. Policies are our own words, or built at run time from the bundled texts.
 */
export function registerNavigationTests(): void {
  describe('navigating a policy in the editor', () => {
    let fixtures: SuiteFixtures;

    before(async () => {
      fixtures = await suiteFixtures();
    });

    it('shows the Outline with canonical section names and the rungs nested under the ladder', async () => {
      const uri = await fixtures.write('navigation/outline/CODE_OF_CONDUCT.md', OWN_WORDS);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      assert.deepEqual(outlineLines(await conductSymbols(uri)), [
        'Pebble Club Rules',
        '  Nuestro compromiso [Our Pledge]',
        '  What the stewards may do',
        '    1. Correction',
        '    2. Warning',
        '    3. Temporary Ban',
        '  Snacks',
      ]);
    });

    it('shows a 3.0 ladder, a numbered list, nested under Addressing and Repairing Harm in the Outline', async () => {
      const uri = await fixtures.write('navigation/outline3/CODE_OF_CONDUCT.md', fixtures.upstreamBody('3.0'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const harm = (await conductSymbols(uri)).flatMap((s) => s.children).find((s) => s.name === 'Addressing and Repairing Harm');
      assert.ok(harm, 'no Addressing and Repairing Harm in the Outline');
      assert.deepEqual(
        harm.children.map((s) => [s.name, s.kind]),
        ['Warning', 'Temporarily Limited Activities', 'Temporary Suspension', 'Permanent Ban'].map((name) => [name, vscode.SymbolKind.EnumMember]),
      );
    });

    it('folds each section and rung of a plain-text policy', async () => {
      const uri = await fixtures.write('navigation/plain/CODE_OF_CONDUCT.txt', PLAIN);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
      assert.deepEqual(
        ranges.map((r) => [r.start, r.end]).sort((a, b) => a[0] - b[0]),
        [
          [0, 19],
          [2, 5],
          [7, 9],
          [11, 19],
          [13, 15],
          [17, 19],
        ],
      );
    });

    it('shows each section\'s status against 2.1 as a code lens, and Compare opens the diff view at that section', async () => {
      const uri = await fixtures.write('navigation/lens/CODE_OF_CONDUCT.md', derivedPolicy(fixtures.upstreamBody('2.1')));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const { lines, lenses } = await lensTitles(document);
      for (const expected of ['## Our Pledge: modified 1%', '## Our Pledge: Compare', '## Scope: identical to 2.1', '### 2. Warning: identical to 2.1', `## ${ADDENDUM_HEADING}: your addendum`, `## ${ADDENDUM_HEADING}: Compare`]) {
        assert.ok(lines.includes(expected), `no lens "${expected}" in:\n${lines.join('\n')}`);
      }

      const compare = lenses[lines.indexOf(`## ${ADDENDUM_HEADING}: Compare`)].command!;
      await vscode.commands.executeCommand(compare.command, ...(compare.arguments ?? []));
      const diff = await waitFor(
        'the diff view of the policy',
        () => {
          const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
          return tab?.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === uri.toString() ? tab.input : undefined;
        },
        [vscode.window.tabGroups.onDidChangeTabs],
      );
      assert.equal(diff.original.scheme, 'conduct-base');
      const addendumLine = document.getText().split('\n').indexOf(`## ${ADDENDUM_HEADING}`);
      const editor = await waitFor(
        'the policy side of the diff to select the addendum',
        () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString() && e.selection.start.line === addendumLine),
        [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeVisibleTextEditors],
      );
      assert.ok(editor.visibleRanges.some((r) => r.contains(new vscode.Position(addendumLine, 0))), 'the addendum is scrolled into view');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('shows no section code lenses when conduct.codeLens.enabled is false for the policy', async () => {
      const uri = await fixtures.write('navigation/nolens/CODE_OF_CONDUCT.md', derivedPolicy(fixtures.upstreamBody('2.1')));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.ok((await lensTitles(document)).lines.length > 0, 'lenses are on by default');
      const config = vscode.workspace.getConfiguration('conduct', uri);
      await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
      try {
        // The server reads the setting per resource when the editor next asks for lenses.
        const deadline = Date.now() + 20_000;
        let lines = (await lensTitles(document)).lines;
        while (lines.length && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          lines = (await lensTitles(document)).lines;
        }
        assert.deepEqual(lines, []);
      } finally {
        await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('explains the placeholder under the cursor: what belongs there, why it matters and the quick fix', async () => {
      const uri = await fixtures.write('navigation/hover-placeholder/CODE_OF_CONDUCT.md', fixtures.upstreamBody('2.1'));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const text = await hoverText(uri, positionOf(document, '[INSERT CONTACT METHOD]', 5));
      assert.match(text, /\*\*Unfilled placeholder\*\* `\[INSERT CONTACT METHOD\]`/);
      assert.match(text, /What belongs here: how to reach the people who handle reports/);
      assert.match(text, /Why it matters:/);
      assert.match(text, /Quick fix .*\*\*Fill placeholder…\*\*/);
    });

    it('names the standard section under a heading with its status against 2.1, and calls an added section an addendum', async () => {
      const uri = await fixtures.write('navigation/hover-heading/CODE_OF_CONDUCT.md', derivedPolicy(fixtures.upstreamBody('2.1')));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const pledge = await hoverText(uri, positionOf(document, '## Our Pledge\n', 5));
      assert.match(pledge, /\*\*Standard section: Our Pledge\*\*/);
      assert.match(pledge, /Modified: 1% of its words differ from Contributor Covenant 2\.1 \(en\)\./);
      assert.match(await hoverText(uri, positionOf(document, '## Scope\n', 4)), /Identical to Contributor Covenant 2\.1 \(en\)\./);
      assert.match(await hoverText(uri, positionOf(document, `## ${ADDENDUM_HEADING}\n`, 4)), /Your own addendum: Contributor Covenant 2\.1 \(en\) has no such section\./);
    });

    it('explains a 3.0 rung and its Repair field with the 3.0 definition and the word comparison', async () => {
      const uri = await fixtures.write('navigation/hover-rung3/CODE_OF_CONDUCT.md', fixtures.upstreamBody('3.0'));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const rung = await hoverText(uri, positionOf(document, 'Temporarily Limited Activities', 4));
      assert.match(rung, /\*\*Temporarily Limited Activities\*\*: rung 2 of 4/);
      assert.match(rung, /Contributor Covenant 3\.0 \(en\) defines it as:/);
      assert.match(rung, /\*\*Your rung has the same wording\.\*\*/);
      const repairAt = document.getText().indexOf('Repair', document.getText().indexOf('Temporarily Limited Activities'));
      const repair = await hoverText(uri, document.positionAt(repairAt + 2));
      assert.match(repair, /^\*\*Repair\*\* of \*Temporarily Limited Activities\*: /);
    });

    it('explains a rung named in the prose of a 2.1 policy', async () => {
      const uri = await fixtures.write('navigation/hover-mention/CODE_OF_CONDUCT.md', fixtures.upstreamBody('2.1'));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const text = await hoverText(uri, positionOf(document, 'permanent ban', 3));
      assert.match(text, /\*\*Permanent Ban\*\*: rung 4 of 4/);
      assert.match(text, /Contributor Covenant 2\.1 \(en\) defines it as:/);
    });
  });
}
