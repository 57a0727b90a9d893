import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import type { AnnotatedTextEdit, TextDocumentEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MIGRATE, UPGRADE, UPGRADE_CHOICES, type MigrateResult, type UpgradeChoicesResult, type UpgradeResult } from '../../server/src/upgradeProtocol';
import { upstreamLibrary, upstreamText } from '../support/upstream';
import { LspSession, within } from './harness';

const POLICY = 'file:///w/CODE_OF_CONDUCT.md';
const CONTACT = 'stewards@pebble.example';

describe('conduct/upgrade, conduct/upgradeChoices and conduct/migrate', () => {
  let session: LspSession | undefined;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  const send = <T>(method: string, params: unknown) => within(session!.client.sendRequest<T>(method, params), method);

  async function openPolicy(): Promise<string> {
    session = await LspSession.start();
    const text = upstreamText('2.0').body.replace('[INSERT CONTACT METHOD]', CONTACT);
    await session.open(POLICY, text);
    return text;
  }

  it('answers an upgrade with one versioned, annotated TextDocumentEdit that a client can apply as it is', async () => {
    const text = await openPolicy();
    const result = await send<UpgradeResult>(UPGRADE, { uri: POLICY, to: '2.1' });
    assert.ok(!('error' in result), JSON.stringify(result));
    const [change] = result.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri: POLICY, version: 1 });
    const edits = change.edits as AnnotatedTextEdit[];
    assert.ok(edits.length > 0 && edits.every((e) => result.edit.changeAnnotations?.[e.annotationId]?.needsConfirmation === true));
    const after = TextDocument.applyEdits(TextDocument.create(POLICY, 'markdown', 1, text), edits);
    assert.equal(after, result.text);
    assert.ok(after.includes('caste, color') && after.includes(CONTACT));
    assert.deepEqual([result.applied.length > 0, result.kept.map((k) => k.text), result.conflicts], [true, [CONTACT], []]);
  });

  it('offers the newer texts, and drafts the 3.0 migration with its notes', async () => {
    await openPolicy();
    const choices = await send<UpgradeChoicesResult>(UPGRADE_CHOICES, { uri: POLICY });
    assert.deepEqual(choices, { from: 'Contributor Covenant 2.0 (en)', choices: [{ label: 'Contributor Covenant 2.1 (en)', description: 'newest', to: '2.1/en' }], migration: true });
    const draft = await send<MigrateResult>(MIGRATE, { uri: POLICY });
    assert.ok(!('error' in draft), JSON.stringify(draft));
    assert.ok(draft.text.includes('## Encouraged Behaviors') && draft.text.includes('<!-- Conduct Lens: '));
    assert.ok(draft.notes.length > 0);
  });

  it('answers malformed requests with a message rather than an error response', async () => {
    await openPolicy();
    assert.deepEqual(await send(UPGRADE, null), { error: 'Expected the URI of an open policy.' });
    assert.deepEqual(await send(UPGRADE, { uri: POLICY }), { error: 'Unexpected target undefined, expected a version such as "2.1" or "2.1/de".' });
    assert.deepEqual(await send(MIGRATE, { uri: 'file:///w/other.md' }), { error: 'other.md is not open: open it first.' });
    assert.match((await send<{ error: string }>(UPGRADE, { uri: POLICY, to: '3.0' })).error, /guided migration/);
  });
});
