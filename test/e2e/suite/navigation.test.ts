import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suiteFixtures, type SuiteFixtures } from './fixtures';

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
  });
}
