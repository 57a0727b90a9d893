import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideCodeActions } from '../../server/src/providers/codeActions';
import { DiagnosticsProvider } from '../../server/src/providers/diagnostics';
import { upstreamText } from '../support/upstream';
import { POLICY_URI, startCache } from './fakeClient';

/** `body` without the section under `heading` (a `## ` heading), up to the next `## ` heading. */
function without(body: string, heading: string): string {
  const start = body.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, `no section ${heading}`);
  const next = body.indexOf('\n## ', start + 3);
  return body.slice(0, start) + (next < 0 ? '' : body.slice(next + 1));
}

async function fixesFor(text: string) {
  const { client, cache } = startCache();
  client.open(POLICY_URI, text);
  const all = await new DiagnosticsProvider(client.connection, cache).diagnose(POLICY_URI, CancellationToken.None);
  const missing = all.filter((d) => d.code === 'missing-section');
  const actions = await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: missing[0]?.range ?? all[0].range, context: { diagnostics: missing } }, CancellationToken.None);
  return { client, cache, missing, actions, document: TextDocument.create(POLICY_URI, 'markdown', 1, text) };
}

describe('inserting a missing standard section as a quick fix', () => {
  it('offers to insert the section the diagnostic names, from the detected version, restoring upstream\'s text at its place', async () => {
    const body = upstreamText('2.1').body;
    const { missing, actions, document } = await fixesFor(without(body, 'Scope'));
    assert.equal(missing.length, 1);
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action.title, 'Insert the Scope section from Contributor Covenant 2.1');
    assert.equal(action.kind, CodeActionKind.QuickFix);
    assert.deepEqual(action.diagnostics, missing);
    const edits = action.edit!.changes![POLICY_URI];
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range.start, edits[0].range.end, 'the fix only inserts');
    assert.equal(TextDocument.applyEdits(document, edits), body);
  });

  it('names a translation\'s heading and language', async () => {
    const body = upstreamText('2.0', 'de').body;
    const { actions, document } = await fixesFor(without(body, 'Geltungsbereich'));
    assert.deepEqual(actions.map((a) => a.title), ['Insert the Geltungsbereich section from Contributor Covenant 2.0 (de)']);
    assert.equal(TextDocument.applyEdits(document, actions[0].edit!.changes![POLICY_URI]), body);
  });

  it('offers one fix per missing section, each inserting only its own', async () => {
    const body = upstreamText('2.1').body;
    const { actions } = await fixesFor(without(without(body, 'Scope'), 'Our Pledge'));
    assert.deepEqual(actions.map((a) => a.title).sort(), ['Insert the Our Pledge section from Contributor Covenant 2.1', 'Insert the Scope section from Contributor Covenant 2.1']);
  });

  it('offers nothing once the document has changed since the diagnostic, or for a diagnostic that names no section', async () => {
    const policy = without(upstreamText('2.1').body, 'Scope');
    const { client, cache, missing } = await fixesFor(policy);
    const foreign: Diagnostic = { ...missing[0], message: 'Something else.' };
    assert.deepEqual(await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: missing[0].range, context: { diagnostics: [foreign] } }, CancellationToken.None), []);
    client.change(POLICY_URI, upstreamText('2.1').body);
    assert.deepEqual(await provideCodeActions(cache, { textDocument: { uri: POLICY_URI }, range: missing[0].range, context: { diagnostics: missing } }, CancellationToken.None), []);
  });
});
