import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageType, type ShowMessageParams } from 'vscode-languageserver';
import { FILLED, initializeParams, NOTES_URI, POLICY_URI, startCache, UNFILLED } from './fakeClient';

const FOLDER = 'file:///w';
const PULL_SETTINGS = initializeParams({ capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: FOLDER, name: 'w' }] });
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

/** Opens the unfilled policy and starts getting it, with its settings held back until `release`. */
function getWithSettingsHeld() {
  const { client, cache } = startCache();
  cache.configure(PULL_SETTINGS);
  let release!: () => void;
  const held = new Promise<null>((resolve) => (release = () => resolve(null)));
  client.settings = () => held;
  client.open(POLICY_URI, UNFILLED);
  return { client, cache, pending: cache.get(POLICY_URI), release };
}

describe('the analysis cache', () => {
  it('returns nothing for a document that is not open', async () => {
    const { cache } = startCache();
    assert.equal(await cache.get(POLICY_URI), undefined);
  });

  it('returns nothing for an open document that is not a policy', async () => {
    const { client, cache } = startCache();
    client.open(NOTES_URI, UNFILLED);
    assert.equal(await cache.get(NOTES_URI), undefined);
  });

  it('gives a policy with its analysis of the current version and the upstream texts', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, UNFILLED);
    const policy = await cache.get(POLICY_URI);
    assert.ok(policy);
    assert.equal(policy.document.uri, POLICY_URI);
    assert.equal(policy.analysis.version, 1);
    assert.ok(policy.library.find('2.1', 'en'));
    assert.ok(rules(policy.analysis.findings).includes('unfilled-placeholder'));
  });

  it('analyses a version once and reuses the analysis while the version holds', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, UNFILLED);
    const first = await cache.get(POLICY_URI);
    const second = await cache.get(POLICY_URI);
    assert.equal(second?.analysis, first?.analysis);
  });

  it('never returns the analysis of an older version after the document changed', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, UNFILLED);
    await cache.get(POLICY_URI);
    client.change(POLICY_URI, FILLED);
    const policy = await cache.get(POLICY_URI);
    assert.equal(policy?.analysis.version, 2);
    assert.ok(!rules(policy.analysis.findings).includes('unfilled-placeholder'));
  });

  it('analyses the text current when the settings arrive, when an edit lands while they are pulled', async () => {
    const { client, pending, release } = getWithSettingsHeld();
    client.change(POLICY_URI, FILLED);
    release();
    const policy = await pending;
    assert.equal(policy?.analysis.version, 2);
    assert.equal(policy.document.version, 2);
    assert.ok(!rules(policy.analysis.findings).includes('unfilled-placeholder'));
  });

  it('returns nothing when the document closes while its settings are pulled', async () => {
    const { client, pending, release } = getWithSettingsHeld();
    client.close(POLICY_URI);
    release();
    assert.equal(await pending, undefined);
  });

  it('answers with but does not keep an analysis begun before the cache was cleared', async () => {
    const { cache, pending, release } = getWithSettingsHeld();
    cache.clear();
    release();
    const begun = await pending;
    assert.ok(begun);
    assert.notEqual((await cache.get(POLICY_URI))?.analysis, begun.analysis);
  });

  it('analyses again after invalidate and after clear', async () => {
    const { client, cache } = startCache();
    client.open(POLICY_URI, UNFILLED);
    const first = await cache.get(POLICY_URI);
    cache.invalidate(POLICY_URI);
    const second = await cache.get(POLICY_URI);
    cache.clear();
    const third = await cache.get(POLICY_URI);
    assert.notEqual(second?.analysis, first?.analysis);
    assert.notEqual(third?.analysis, second?.analysis);
  });

  it('tells listeners which analysis was dropped: one URI on invalidate and close, all on clear', () => {
    const { client, cache } = startCache();
    const dropped: (string | undefined)[] = [];
    cache.onDidInvalidate((uri) => dropped.push(uri));
    client.open(POLICY_URI, UNFILLED);
    cache.invalidate(POLICY_URI);
    cache.clear();
    client.close(POLICY_URI);
    assert.deepEqual(dropped, [POLICY_URI, undefined, POLICY_URI]);
  });

  it('checks a file matched by conduct.files, with settings pulled for its resource', async () => {
    const { client, cache } = startCache();
    cache.configure(PULL_SETTINGS);
    const asked: (string | undefined)[] = [];
    client.settings = (scopeUri) => {
      asked.push(scopeUri);
      return { files: ['notes.md'] };
    };
    client.open(NOTES_URI, UNFILLED);
    assert.ok(await cache.get(NOTES_URI));
    assert.deepEqual(asked, [NOTES_URI]);
  });

  it('checks a file with any name once it is marked, and the marked policies initialize sends', async () => {
    const { client, cache } = startCache();
    const other = 'file:///w/rules.txt';
    cache.configure(initializeParams({ initializationOptions: { markedPolicies: [other, 42] } }));
    client.open(NOTES_URI, UNFILLED);
    client.open(other, UNFILLED);
    assert.equal(await cache.get(NOTES_URI), undefined);
    cache.mark(NOTES_URI);
    assert.ok(await cache.get(NOTES_URI));
    assert.ok(await cache.get(other));
  });

  it('tells the user once when the upstream texts cannot be loaded, and gives no policy', async () => {
    const { client, cache } = startCache(() => {
      throw new Error('upstream-texts/catalog.json is missing');
    });
    client.open(POLICY_URI, UNFILLED);
    assert.equal(await cache.get(POLICY_URI), undefined);
    assert.equal(await cache.get(POLICY_URI), undefined);
    const shown = client.all<ShowMessageParams>('window/showMessage');
    assert.deepEqual(shown, [{ type: MessageType.Error, message: 'Conduct Lens cannot check policies: upstream-texts/catalog.json is missing' }]);
    assert.deepEqual(client.all('console/error'), ['upstream-texts/catalog.json is missing']);
  });

  it('logs a failure under the same key only once', () => {
    const { client, cache } = startCache();
    cache.logOnce('hover:boom', 'Hover failed: boom');
    cache.logOnce('hover:boom', 'Hover failed: boom again');
    cache.logOnce('hover:bang', 'Hover failed: bang');
    assert.deepEqual(client.all('console/error'), ['Hover failed: boom', 'Hover failed: bang']);
  });

  it('logs each settings problem as a warning once', async () => {
    const { client, cache } = startCache();
    cache.configure(PULL_SETTINGS);
    client.settings = () => ({ files: 'notes.md' });
    client.open(POLICY_URI, UNFILLED);
    await cache.get(POLICY_URI);
    cache.warnSettingsProblems();
    cache.warnSettingsProblems();
    assert.deepEqual(client.all('console/warn'), ['conduct.files: expected an array of glob strings; ignoring it.']);
  });
});
