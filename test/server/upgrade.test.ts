import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, type AnnotatedTextEdit, type TextDocumentEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { migrate, shifted, upgrade, upgradeChoices } from '../../server/src/providers/upgrade';
import type { MigrateResult, MigrationView, UpgradeChoices, UpgradeChoicesResult, UpgradeResult, UpgradeView } from '../../server/src/upgradeProtocol';
import { upstreamLibrary, upstreamText } from '../support/upstream';
import { BROKEN_LIBRARY, GARBLED, NOTES_URI, POLICY_URI, startCache } from './fakeClient';

const none = CancellationToken.None;
const CONTACT = 'stewards@pebble.example';
/** A policy that follows the upstream 2.0 text, with its contact filled. */
const POLICY_20 = upstreamText('2.0').body.replace('[INSERT CONTACT METHOD]', CONTACT);
/** A phrase 2.1 added to 2.0's wording. */
const ADDED_IN_21 = 'caste, color';

function start(text = POLICY_20, loadLibrary?: Parameters<typeof startCache>[0]) {
  const { client, cache } = startCache(loadLibrary);
  client.open(POLICY_URI, text);
  return { client, cache };
}

function ok<T extends object>(result: T | { error: string }): T {
  if ('error' in result) assert.fail(`expected an answer, got: ${result.error}`);
  return result;
}

function error(result: UpgradeResult | UpgradeChoicesResult | MigrateResult): string {
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result).slice(0, 200)}`);
  return result.error;
}

function documentEdit(view: UpgradeView): TextDocumentEdit {
  const changes = view.edit.documentChanges ?? [];
  assert.equal(changes.length, 1, 'one TextDocumentEdit');
  assert.ok('edits' in changes[0]);
  return changes[0];
}

/** The text once the answer's edit is applied to `text`. */
function applied(view: UpgradeView, text: string): string {
  return TextDocument.applyEdits(TextDocument.create(POLICY_URI, 'markdown', 1, text), documentEdit(view).edits);
}

/** The text a range covers. */
function at(text: string, range: UpgradeView['applied'][number]['range']): string {
  const doc = TextDocument.create(POLICY_URI, 'markdown', 1, text);
  return doc.getText(range);
}

describe('upgrade provider', () => {
  it("upgrades a policy that follows 2.0 to 2.1: one annotated edit on the document's version that adds 2.1's wording and keeps the filled contact", async () => {
    const { cache } = start();
    const view = ok(await upgrade(cache, { uri: POLICY_URI, to: '2.1' }, none));
    assert.equal(view.from, 'Contributor Covenant 2.0 (en)');
    assert.equal(view.to, 'Contributor Covenant 2.1 (en)');
    const edit = documentEdit(view);
    assert.deepEqual(edit.textDocument, { uri: POLICY_URI, version: 1 });
    const after = applied(view, POLICY_20);
    assert.equal(after, view.text);
    assert.ok(!POLICY_20.includes(ADDED_IN_21) && upstreamText('2.1').body.includes(ADDED_IN_21));
    assert.ok(after.includes(ADDED_IN_21), "2.1's wording is in");
    assert.ok(after.includes(CONTACT), 'the filled contact stays');
    assert.ok(after.includes('version/2/1/code_of_conduct.html') && !after.includes('version/2/0/code_of_conduct.html'), 'the permalink follows 2.1');
    assert.equal(view.conflicts.length, 0);
    assert.equal(view.summary, `${view.applied.length} upstream changes, 1 of your edits kept, no conflicts`);

    const annotations = view.edit.changeAnnotations ?? {};
    for (const change of edit.edits as AnnotatedTextEdit[]) {
      const annotation = annotations[change.annotationId];
      assert.ok(annotation, `edit ${JSON.stringify(change)} has an annotation`);
      assert.equal(annotation.needsConfirmation, true);
    }
    assert.deepEqual(Object.values(annotations).map((a) => a.label).sort(), ['Upstream link targets', 'Upstream values (version, permalink)', 'Upstream wording']);
  });

  it('gives each decision its range in the policy now and once upgraded', async () => {
    const { cache } = start();
    const view = ok(await upgrade(cache, { uri: POLICY_URI, to: '2.1' }, none));
    const contact = view.kept.find((k) => k.kind === 'field');
    assert.equal(contact?.text, CONTACT);
    assert.equal(at(POLICY_20, contact!.range), CONTACT);
    assert.equal(at(view.text, contact!.rangeAfter), CONTACT);
    const wording = view.applied.find((a) => a.targetText.includes('caste'));
    assert.ok(wording);
    assert.match(at(view.text, wording.rangeAfter), /caste, color/);
  });

  it("puts the document's current version on the edit, so an editor refuses it once the policy changed", async () => {
    const { client, cache } = start();
    client.change(POLICY_URI, `${POLICY_20}\n`);
    assert.equal(documentEdit(ok(await upgrade(cache, { uri: POLICY_URI, to: '2.1' }, none))).textDocument.version, 2);
  });

  it("reports a conflict where the policy and upstream changed the same words, keeps the policy's words and makes no edit there", async () => {
    const clean = ok(await upgrade(start().cache, { uri: POLICY_URI, to: '2.1' }, none));
    const place = clean.applied.find((a) => a.kind === 'wording' && a.targetText.includes('caste'))!;
    const lines = POLICY_20.split('\n');
    const line = lines[place.range.start.line];
    lines[place.range.start.line] = `${line.slice(0, place.range.start.character)} and of our own making ${line.slice(place.range.start.character)}`;
    const ours = lines.join('\n');
    const view = ok(await upgrade(start(ours).cache, { uri: POLICY_URI, to: '2.1' }, none));
    const conflict = view.conflicts.find((c) => c.text.includes('of our own making'));
    assert.ok(conflict, JSON.stringify(view.conflicts));
    assert.match(at(ours, conflict.range), /of our own making/);
    assert.match(at(view.text, conflict.rangeAfter), /of our own making/);
    assert.ok(!view.text.includes(ADDED_IN_21), "upstream's words are not forced in");
    assert.match(view.summary, /1 conflict to decide$/);
  });

  it('upgrades within the policy\'s language unless told otherwise', async () => {
    const german = upstreamText('2.0', 'de').body;
    const view = ok(await upgrade(start(german).cache, { uri: POLICY_URI, to: '2.1' }, none));
    assert.equal(view.to, 'Contributor Covenant 2.1 (de)');
  });

  it('refuses what is no upgrade with a sentence saying why', async () => {
    const { cache } = start();
    const ask = (to: unknown) => upgrade(cache, { uri: POLICY_URI, to } as never, none);
    assert.match(error(await ask('3.0')), /^Contributor Covenant 3\.0 is close to a rewrite .*guided migration/);
    assert.match(error(await ask('1.4')), /^1\.4 is older than the 2\.0 text/);
    assert.match(error(await ask('2.0')), /^This policy already follows today's wording of 2\.0\.$/);
    assert.match(error(await ask('9.9')), /^There is no Contributor Covenant 9\.9; versions: /);
    assert.match(error(await ask('2.1/xx')), /^Contributor Covenant 2\.1 has no "xx" text; languages: /);
    assert.equal(error(await ask('latest')), 'Unexpected target "latest", expected a version such as "2.1" or "2.1/de".');
    assert.equal(error(await ask(21)), 'Unexpected target 21, expected a version such as "2.1" or "2.1/de".');
    assert.equal(error(await ask(undefined)), 'Unexpected target undefined, expected a version such as "2.1" or "2.1/de".');
  });

  it('answers with a message, never a throw, when there is no policy to upgrade', async () => {
    const { client, cache } = start();
    assert.equal(error(await upgrade(cache, undefined as never, none)), 'Expected the URI of an open policy.');
    assert.equal(error(await upgrade(cache, { uri: 42 } as never, none)), 'Expected the URI of an open policy.');
    assert.equal(error(await upgrade(cache, { uri: 'file:///w/closed/CODE_OF_CONDUCT.md', to: '2.1' }, none)), 'CODE_OF_CONDUCT.md is not open: open it first.');
    client.open(NOTES_URI, POLICY_20);
    assert.match(error(await upgrade(cache, { uri: NOTES_URI, to: '2.1' }, none)), /^notes\.md is not checked as a conduct policy: run "Check This File as a Conduct Policy" first\.$/);
    client.change(POLICY_URI, GARBLED);
    assert.match(error(await upgrade(cache, { uri: POLICY_URI, to: '2.1' }, none)), /^CODE_OF_CONDUCT\.md does not follow a Contributor Covenant text closely enough to upgrade it/);
    assert.equal(error(await upgrade(cache, { uri: POLICY_URI, to: '2.1' }, CancellationToken.Cancelled)), 'The request was cancelled.');
  });

  it('answers with a message and logs once when the upgrade fails', async () => {
    const { client, cache } = start(POLICY_20, () => BROKEN_LIBRARY);
    for (let i = 0; i < 2; i++) assert.match(error(await upgrade(cache, { uri: POLICY_URI, to: '2.1' }, none)), /^conduct\/upgrade failed: the library is broken\. See "Conduct: Show Language Server Output"\.$/);
    assert.equal(client.all('console/error').length, 1);
  });
});

describe('upgrade choices', () => {
  const choices = async (text: string): Promise<UpgradeChoices> => ok(await upgradeChoices(start(text).cache, { uri: POLICY_URI }, none));

  it('offers the newer versions of a 2.0 policy, newest first, and the migration to 3.0 beside them', async () => {
    const result = await choices(POLICY_20);
    assert.equal(result.from, 'Contributor Covenant 2.0 (en)');
    assert.deepEqual(result.choices, [{ label: 'Contributor Covenant 2.1 (en)', description: 'newest', to: '2.1/en' }]);
    assert.equal(result.migration, true);
  });

  it("offers today's wording of the version a policy follows an earlier wording of", async () => {
    const earlier = upstreamLibrary().revisionsOf(upstreamText('1.4'))[0];
    const result = await choices(earlier.body);
    assert.match(result.from, /^Contributor Covenant 1\.4 \(en\), as published \d{4}-\d\d(?: to \d{4}-\d\d)?$/);
    assert.deepEqual(result.choices.map((c) => c.to), ['2.1/en', '2.0/en', '1.4/en']);
    assert.equal(result.choices.at(-1)?.description, "today's wording of 1.4");
    assert.equal(result.choices[0].description, 'newest');
  });

  it('offers only texts in the language of the policy, and nothing past the newest', async () => {
    assert.deepEqual((await choices(upstreamText('2.0', 'de').body)).choices.map((c) => c.to), ['2.1/de']);
    const newest = await choices(upstreamText('2.1').body);
    assert.deepEqual(newest.choices, []);
    assert.equal(newest.migration, true);
    assert.equal((await choices(upstreamText('3.0').body)).migration, false);
  });

  it('says when a document does not follow the Contributor Covenant', async () => {
    assert.match(error(await upgradeChoices(start(GARBLED).cache, { uri: POLICY_URI }, none)), /does not follow a Contributor Covenant text/);
  });
});

describe('migration provider', () => {
  it('drafts the policy in 3.0 with its contact carried over and a comment per decision', async () => {
    const draft: MigrationView = ok(await migrate(start().cache, { uri: POLICY_URI }, none));
    assert.equal(draft.from, 'Contributor Covenant 2.0 (en)');
    assert.equal(draft.to, 'Contributor Covenant 3.0 (en)');
    assert.ok(draft.text.includes('## Encouraged Behaviors'));
    assert.ok(draft.text.includes(CONTACT), 'the contact is carried into the reporting field');
    assert.ok(draft.notes.length > 0);
    assert.ok((draft.text.match(/<!-- Conduct Lens: /g) ?? []).length > 0);
  });

  it('declines a policy that already follows 3.0, and one that is not open', async () => {
    const { client, cache } = start(upstreamText('3.0').body);
    assert.equal(error(await migrate(cache, { uri: POLICY_URI }, none)), 'This policy already follows Contributor Covenant 3.0.');
    client.close(POLICY_URI);
    assert.equal(error(await migrate(cache, { uri: POLICY_URI }, none)), 'CODE_OF_CONDUCT.md is not open: open it first.');
  });
});

describe('offsets after an upgrade', () => {
  const edits = [
    { span: { start: 2, end: 4 }, text: 'XYZ' },
    { span: { start: 6, end: 6 }, text: 'ab' },
  ];

  it('shifts an offset past the edits before it', () => {
    assert.equal(shifted(edits, 1, false), 1);
    assert.equal(shifted(edits, 5, false), 6);
    assert.equal(shifted(edits, 9, true), 12);
  });

  it('puts an insertion at a range\'s start inside it, and one at its end inside it too', () => {
    assert.equal(shifted(edits, 6, false), 7, 'a range starting at the insertion starts before it');
    assert.equal(shifted(edits, 6, true), 9, 'a range ending at the insertion ends after it');
  });

  it('maps an offset inside a replaced span to that edit\'s start or end', () => {
    assert.equal(shifted(edits, 3, false), 2);
    assert.equal(shifted(edits, 3, true), 5);
    assert.equal(shifted(edits, 4, true), 5);
    assert.equal(shifted(edits, 2, false), 2);
  });
});
