import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, type CodeLens } from 'vscode-languageserver';
import { COMPARE_SECTION_COMMAND, type CompareSectionArgs } from '../../server/src/protocol';
import { CodeLensProvider, provideCodeLenses } from '../../server/src/providers/codeLens';
import { ENGLISH, SPANISH } from '../support/bilingual';
import { ADDENDUM_HEADING, derivedPolicy } from '../support/derivedPolicy';
import { parseSettings } from '../../server/src/settings';
import { upstreamText } from '../support/upstream';
import { BROKEN_LIBRARY, initializeParams, NOTES_URI, POLICY_URI, startCache } from './fakeClient';

const PULL_SETTINGS = initializeParams({ capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } } } });

async function lenses(text: string, { uri = POLICY_URI, token = CancellationToken.None, settings = null as unknown, loadLibrary = undefined as Parameters<typeof startCache>[0] } = {}) {
  const { client, cache } = startCache(loadLibrary);
  cache.configure(PULL_SETTINGS);
  client.settings = () => settings;
  client.open(uri, text);
  return { client, result: await provideCodeLenses(cache, { textDocument: { uri } }, token) };
}

/** "line: title" per lens, in order. */
const titles = (text: string, result: CodeLens[] | null) => (result ?? []).map((l) => `${text.split('\n')[l.range.start.line]}: ${l.command?.title}`);

describe('section code lenses', () => {
  const body = upstreamText('2.1').body;
  const policy = derivedPolicy(body);

  it('gives each section its status against the detected base and a Compare lens on its heading line', async () => {
    const { result } = await lenses(policy);
    const seen = titles(policy, result);
    // Two words inserted in a section of about two hundred.
    assert.ok(seen.includes('## Our Pledge: modified 1%'), seen.join('\n'));
    assert.ok(seen.includes('## Scope: identical to 2.1'), seen.join('\n'));
    assert.ok(seen.includes(`## ${ADDENDUM_HEADING}: your addendum`), seen.join('\n'));
    assert.ok(seen.includes('### 2. Warning: identical to 2.1'), 'rungs get a lens too');
    // A filled contact is a field, not a modification.
    const enforcement = seen.filter((t) => t.startsWith('## Enforcement:'));
    assert.deepEqual(enforcement, ['## Enforcement: identical to 2.1', '## Enforcement: Compare']);
    assert.equal(seen.filter((t) => t.endsWith(': Compare')).length, seen.length / 2);
  });

  it('makes the status plain text and Compare a command that opens the section in the diff view', async () => {
    const { result } = await lenses(policy);
    const at = result!.findIndex((l) => l.command?.title === 'your addendum');
    assert.equal(result![at].command!.command, '');
    const compare = result![at + 1];
    assert.equal(compare.command!.command, COMPARE_SECTION_COMMAND);
    const args = compare.command!.arguments![0] as CompareSectionArgs;
    assert.equal(args.uri, POLICY_URI);
    assert.deepEqual(args.target, { version: '2.1', language: 'en' });
    const lines = policy.split('\n');
    assert.equal(lines[args.range.start.line], `## ${ADDENDUM_HEADING}`);
    assert.equal(compare.range.start.line, args.range.start.line);
  });

  it('holds each version of a two-language file to its own base, so the second is not taken for addenda', async () => {
    const text = `${SPANISH}\n${ENGLISH}`;
    const { result } = await lenses(text);
    const seen = titles(text, result);
    assert.ok(!seen.some((t) => t.endsWith(': your addendum')), seen.join('\n'));
    const targetOf = (heading: string) => {
      const at = result!.findIndex((l) => l.command?.command === COMPARE_SECTION_COMMAND && text.split('\n')[l.range.start.line] === heading);
      assert.ok(at >= 0, `no Compare lens on ${heading}`);
      return (result![at].command!.arguments![0] as CompareSectionArgs).target;
    };
    assert.equal(targetOf('## Nuestro compromiso').language, 'es');
    assert.equal(targetOf('## Our Pledge').language, 'en');
  });

  it('gives no lenses when conduct.codeLens.enabled is false', async () => {
    assert.deepEqual((await lenses(policy, { settings: { codeLens: { enabled: false } } })).result, []);
    assert.ok(((await lenses(policy, { settings: { codeLens: { enabled: true } } })).result ?? []).length > 0);
  });

  it('gives nothing for a note, a policy that follows no Covenant text, or a cancelled request', async () => {
    assert.equal((await lenses(policy, { uri: NOTES_URI })).result, null);
    assert.equal((await lenses('# Pebble Club Rules\n\n## Snacks\n\nWhoever hosts brings them. Write to stewards@pebble.example.\n')).result, null);
    assert.equal((await lenses(policy, { token: CancellationToken.Cancelled })).result, null);
  });

  it('gives nothing when the analysis fails, and logs the cause', async () => {
    const { client, result } = await lenses(policy, { loadLibrary: () => BROKEN_LIBRARY });
    assert.equal(result, null);
    assert.match(client.all<string>('console/error').join('\n'), /^Code lenses failed: Error: the library is broken/);
  });

  it('asks the client for fresh lenses only when it can refresh them', async () => {
    const { client, cache } = startCache();
    const provider = new CodeLensProvider(client.connection, cache);
    await provider.refresh();
    assert.equal(client.all('workspace/codeLens/refresh').length, 0);
    provider.configure(PULL_SETTINGS.capabilities);
    await provider.refresh();
    assert.equal(client.all('workspace/codeLens/refresh').length, 1);
  });
});

describe('conduct.codeLens.enabled', () => {
  it('turns the lenses off only when false, and falls back to on with one problem line for a bad value', () => {
    assert.equal(parseSettings({ codeLens: { enabled: false } }).settings.codeLens, false);
    assert.equal(parseSettings({ codeLens: { enabled: true } }).settings.codeLens, undefined);
    assert.equal(parseSettings({}).settings.codeLens, undefined);
    const bad = parseSettings({ codeLens: { enabled: 'no' } });
    assert.equal(bad.settings.codeLens, undefined);
    assert.deepEqual(bad.problems, ['conduct.codeLens.enabled: expected true or false; showing the lenses.']);
  });
});
