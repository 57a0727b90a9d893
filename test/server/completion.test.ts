import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideCompletion } from '../../server/src/providers/completion';
import { CURSOR, withCursor } from '../support/cursor';
import { upstreamText } from '../support/upstream';
import { BROKEN_LIBRARY, NOTES_URI, POLICY_URI, startCache } from './fakeClient';

/** 2.1 with its Scope section cut out, leaving `where` on an empty line where it was. */
function withoutScope(where = CURSOR): string {
  const body = upstreamText('2.1').body;
  const start = body.indexOf('## Scope');
  return `${body.slice(0, start)}${where}\n\n${body.slice(body.indexOf('## Enforcement\n'))}`;
}

async function complete(marked: string, { uri = POLICY_URI, token = CancellationToken.None, loadLibrary = undefined as Parameters<typeof startCache>[0] } = {}) {
  const { client, cache } = startCache(loadLibrary);
  const { text, offset } = withCursor(marked);
  client.open(uri, text);
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const items = await provideCompletion(cache, { textDocument: { uri }, position: document.positionAt(offset) }, token);
  return { client, document, items };
}

/** The snippet's text with every tab stop left at its default. */
const defaults = (snippet: string) => snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0$/, '').replace(/\\([$}\\])/g, '$1');

function applied(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return TextDocument.applyEdits(document, [{ range: edit.range, newText: defaults(edit.newText) }]);
}

describe('completion of standard sections', () => {
  it('offers the base\'s missing section first, as a snippet that inserts upstream\'s heading and body', async () => {
    const { document, items } = await complete(withoutScope());
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].label, 'Scope');
    assert.equal(sorted[0].detail, 'Contributor Covenant 2.1 (en) · missing from this policy');
    assert.equal(sorted[0].insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(sorted.slice(1).map((i) => i.label), ['Our Pledge', 'Our Standards', 'Enforcement Responsibilities', 'Enforcement', 'Enforcement Guidelines', 'Attribution']);
    assert.ok(sorted.slice(1).every((i) => i.detail?.endsWith('already in this policy')));
    assert.equal(applied(document, sorted[0]), upstreamText('2.1').body);
  });

  it('makes the contact placeholder a tab stop in the sections that have one', async () => {
    const { items } = await complete(withoutScope());
    const enforcement = items.find((i) => i.label === 'Enforcement')!;
    assert.ok((enforcement.textEdit as TextEdit).newText.includes('${1:[INSERT CONTACT METHOD]}'));
  });

  it('replaces a heading begun at the line\'s start, and filters by the heading as written', async () => {
    const { document, items } = await complete(withoutScope(`## Sco${CURSOR}`));
    const scope = items.find((i) => i.label === 'Scope')!;
    assert.equal(scope.filterText, '## Scope');
    assert.deepEqual((scope.textEdit as TextEdit).range.start.character, 0);
    assert.equal(applied(document, scope), upstreamText('2.1').body);
  });

  it('offers nothing in the middle of a sentence, in a document that is not a policy, or when cancelled', async () => {
    assert.deepEqual((await complete(withoutScope(`Everyone who takes part in our community, whether online or at ${CURSOR}`))).items, []);
    assert.deepEqual((await complete(withoutScope(), { uri: NOTES_URI })).items, []);
    assert.deepEqual((await complete(withoutScope(), { token: CancellationToken.Cancelled })).items, []);
  });

  it('offers today\'s 2.x and 3.x sections to a policy that follows no Covenant text', async () => {
    const { items } = await complete(`# Garden Club Rules\n\nBe kind to each other.\n\n${CURSOR}\n`);
    const versions = new Set(items.map((i) => i.labelDetails?.description));
    assert.deepEqual([...versions].sort(), ['Covenant 2.1', 'Covenant 3.0']);
    assert.ok(items.some((i) => i.label === 'Reporting an Issue'));
  });

  it('offers nothing when the analysis fails, and logs the cause', async () => {
    const { client, items } = await complete(withoutScope(), { loadLibrary: () => BROKEN_LIBRARY });
    assert.deepEqual(items, []);
    assert.match(client.all<string>('console/error').join('\n'), /^Completion failed: Error: the library is broken/m);
  });
});
