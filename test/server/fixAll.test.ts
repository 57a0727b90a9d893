import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideCodeActions, quickFixes, type FixData } from '../../server/src/providers/codeActions';
import { DiagnosticsProvider } from '../../server/src/providers/diagnostics';
import { FIX_ALL_KIND, wantsFixAll } from '../../server/src/providers/fixAll';
import { POLICY_URI, startCache } from './fakeClient';

// Our own small policy with two certain repairs: mojibake in the footer and a link without mailto.
const FIXABLE = '# Pebble Club Code of Conduct\n\nWrite to [the stewards](stewards@pebble.dev) about anything.\n\nÂ© 2025 Pebble Club\n';
const REPAIRED = '# Pebble Club Code of Conduct\n\nWrite to [the stewards](mailto:stewards@pebble.dev) about anything.\n\n© 2025 Pebble Club\n';
const whole = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };

function applied(text: string, action: CodeAction | undefined): string {
  const edits = action?.edit?.changes?.[POLICY_URI];
  assert.ok(edits, `no edit in ${JSON.stringify(action)}`);
  return TextDocument.applyEdits(TextDocument.create(POLICY_URI, 'markdown', 1, text), edits);
}

describe('fix-all (source.fixAll.conduct)', () => {
  it('is asked for by its own kind or a kind above it, never by the light bulb or quick fixes', () => {
    assert.equal(FIX_ALL_KIND, 'source.fixAll.conduct');
    assert.equal(wantsFixAll(['source.fixAll.conduct']), true);
    assert.equal(wantsFixAll(['source.fixAll']), true);
    assert.equal(wantsFixAll(['source']), true);
    assert.equal(wantsFixAll(undefined), false);
    assert.equal(wantsFixAll([CodeActionKind.QuickFix]), false);
    assert.equal(wantsFixAll(['source.fixAll.eslint', 'source.organizeImports']), false);
  });

  it('applies every certain fix of the policy in one edit of disjoint ranges', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, FIXABLE);
    const actions = await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: whole, context: { diagnostics: [], only: [FIX_ALL_KIND] } }, CancellationToken.None);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, FIX_ALL_KIND);
    assert.equal(actions[0].title, 'Fix all 2 certain Conduct problems');
    assert.equal(applied(FIXABLE, actions[0]), REPAIRED);
  });

  it('works on the version open now, not the one the diagnostics were computed on', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, FIXABLE);
    client.change(POLICY_URI, `Intro line.\n${FIXABLE}`);
    const [action] = await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: whole, context: { diagnostics: [], only: ['source'] } }, CancellationToken.None);
    assert.equal(applied(`Intro line.\n${FIXABLE}`, action), `Intro line.\n${REPAIRED}`);
  });

  it('offers nothing for a policy with nothing to fix, a cancelled request or a document that is not open', async () => {
    const { client, cache } = startCache();
    const params = { textDocument: { uri: POLICY_URI }, range: whole, context: { diagnostics: [], only: [FIX_ALL_KIND] } };
    assert.deepEqual(await provideCodeActions(cache, params, CancellationToken.None), []);
    client.open(POLICY_URI, REPAIRED);
    assert.deepEqual(await provideCodeActions(cache, params, CancellationToken.None), []);
    client.change(POLICY_URI, FIXABLE);
    assert.deepEqual(await provideCodeActions(cache, params, CancellationToken.Cancelled), []);
  });

  it('is not among the light bulb\'s quick fixes', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, FIXABLE);
    const actions = await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: whole, context: { diagnostics: [] } }, CancellationToken.None);
    assert.deepEqual(actions.filter((a) => a.kind === FIX_ALL_KIND), []);
  });
});

describe('quick fixes from a finding with several fixes', () => {
  const range = (start: number, end: number) => ({ start: { line: 0, character: start }, end: { line: 0, character: end } });
  const document = TextDocument.create(POLICY_URI, 'markdown', 1, 'Hello there');
  const diagnostic = (data: FixData): Diagnostic => ({ range: range(0, 5), message: 'm', source: 'conduct', data });

  it('offers the certain fix as preferred and each alternative after it, with the titles the rule gave', () => {
    const actions = quickFixes(document, [diagnostic({ fix: { range: range(0, 5), newText: 'Hi', title: 'Greet briefly' }, fixes: [{ range: range(0, 5), newText: 'Hey' }], version: 1 })]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Greet briefly', true], ['Replace "Hello" with "Hey"', false]]);
  });

  it('offers alternatives alone, none preferred, when no fix is certain', () => {
    const actions = quickFixes(document, [diagnostic({ fixes: [{ range: range(0, 5), newText: 'Hey' }, { range: range(6, 11), newText: 'you' }], version: 1 })]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Replace "Hello" with "Hey"', false], ['Replace "there" with "you"', false]]);
  });

  it('skips malformed alternatives and keeps the well-formed ones', () => {
    const data = { fixes: [{ newText: 'x' }, { range: range(0, 5), newText: 'Hey', title: 7 }, { range: range(0, 5), newText: 'Yo' }], version: 1 } as unknown as FixData;
    assert.deepEqual(quickFixes(document, [diagnostic(data)]).map((a) => a.title), ['Replace "Hello" with "Yo"']);
  });
});

describe('diagnostics carry the rule\'s fix title to the quick fix', () => {
  it('names the split-paragraph fix after what it does, and its edit joins the paragraph', async () => {
    const text = '# Pebble Club Code of Conduct\n\nWrite to the stewards about anything that worries\n\nyou, at any hour.\n\n© 2025 Pebble Club\n';
    const { client, cache } = startCache();
    client.open(POLICY_URI, text);
    const split = (await new DiagnosticsProvider(client.connection, cache).diagnose(POLICY_URI, CancellationToken.None)).filter((d) => d.code === 'split-paragraph');
    assert.equal(split.length, 1);
    const [action] = quickFixes(TextDocument.create(POLICY_URI, 'markdown', 1, text), split);
    assert.equal(action.title, 'Join the paragraph across the blank line');
    assert.equal(applied(text, action), text.replace('worries\n\nyou', 'worries you'));
  });
});
