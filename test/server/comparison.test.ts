import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken } from 'vscode-languageserver';
import type { BaseDocumentResult, CompareChoicesResult, CompareResult, ComparisonView } from '../../server/src/protocol';
import { ComparisonProvider } from '../../server/src/providers/comparison';
import { ADDENDUM_HEADING, derivedPolicy, FILLED_CONTACT, REWORDED } from '../support/derivedPolicy';
import { upstreamLibrary, upstreamText } from '../support/upstream';
import { BROKEN_LIBRARY, NOTES_URI, POLICY_URI, startCache, UNFILLED } from './fakeClient';

const OTHER_URI = 'file:///other/CODE_OF_CONDUCT.md';
const none = CancellationToken.None;

function start(text = derivedPolicy(upstreamText('2.1').body), loadLibrary?: Parameters<typeof startCache>[0]) {
  const { client, cache } = startCache(loadLibrary);
  client.open(POLICY_URI, text);
  return { client, cache, provider: new ComparisonProvider(cache) };
}

function view(result: CompareResult): ComparisonView {
  if ('error' in result) assert.fail(`expected a comparison, got: ${result.error}`);
  return result;
}

function text(result: BaseDocumentResult): string {
  if ('error' in result) assert.fail(`expected a text, got: ${result.error}`);
  return result.text;
}

function error(result: CompareResult | BaseDocumentResult | CompareChoicesResult): string {
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result).slice(0, 200)}`);
  return result.error;
}

describe('comparison provider', () => {
  it('compares a policy with its detected base: summary, statuses, and ranges in the policy', async () => {
    const { provider } = start();
    const result = view(await provider.compare({ uri: POLICY_URI }, none));
    assert.match(result.summary, /^99% identical to Contributor Covenant 2\.1 \(en\) · 1 section customised · 1 addendum · 1 field filled$/);
    assert.equal(result.against, 'Contributor Covenant 2.1 (en)');
    assert.deepEqual(result.target, { version: '2.1', language: 'en' });
    const addendum = result.sections.find((s) => s.heading === ADDENDUM_HEADING);
    assert.equal(addendum?.status, 'added');
    assert.equal(addendum?.label, 'your addendum');
    const lines = derivedPolicy(upstreamText('2.1').body).split('\n');
    assert.equal(addendum?.range?.start.line, lines.indexOf(`## ${ADDENDUM_HEADING}`));
    const field = result.sections.flatMap((s) => s.changes).find((c) => c.kind === 'field');
    assert.equal(field?.text, FILLED_CONTACT);
    assert.equal(field?.upstreamText, '[INSERT CONTACT METHOD]');
    assert.equal(lines[field!.range.start.line].slice(field!.range.start.character, field!.range.end.character), FILLED_CONTACT);
    const pledge = result.sections.find((s) => s.id === 'pledge');
    assert.equal(pledge?.status, 'modified');
    assert.deepEqual(pledge?.changes.map((c) => [c.kind, c.text, c.upstreamText]), [['insert', 'and welcoming', '']]);
    assert.ok(result.sections.filter((s) => s !== addendum && s !== pledge).every((s) => s.status === 'identical'));
  });

  it('gives the left side in the policy\'s layout with its fields, or as published', async () => {
    const { provider } = start();
    const reflowed = text(await provider.baseDocument({ uri: POLICY_URI, layout: 'policy' }, none));
    assert.ok(reflowed.includes(FILLED_CONTACT));
    assert.ok(!reflowed.includes(ADDENDUM_HEADING));
    assert.ok(!reflowed.includes(REWORDED) && reflowed.includes('harassment-free experience'));
    assert.equal(text(await provider.baseDocument({ uri: POLICY_URI, target: { version: '2.1', language: 'en' }, layout: 'raw' }, none)), upstreamText('2.1').body);
  });

  it('computes a comparison once per policy version and subject, and again after an edit', async () => {
    const { client, provider } = start();
    const first = view(await provider.compare({ uri: POLICY_URI }, none));
    assert.equal(view(await provider.compare({ uri: POLICY_URI, target: { version: '2.1', language: 'en' } }, none)), first, 'the detected base named explicitly is the same comparison');
    client.change(POLICY_URI, upstreamText('2.1').body);
    const second = view(await provider.compare({ uri: POLICY_URI }, none));
    assert.notEqual(second, first);
    assert.equal(second.version, 2);
    assert.equal(second.counts.added, 0);
  });

  it('compares with a chosen version, language or earlier wording', async () => {
    const { provider } = start();
    assert.equal(view(await provider.compare({ uri: POLICY_URI, target: { version: '2.0' } }, none)).against, 'Contributor Covenant 2.0 (en)');
    assert.equal(view(await provider.compare({ uri: POLICY_URI, target: { version: '2.1', language: 'DE' } }, none)).against, 'Contributor Covenant 2.1 (de)');
    const earlier = upstreamLibrary().revisionsOf(upstreamText('1.4'))[0];
    const result = view(await provider.compare({ uri: POLICY_URI, target: { version: '1.4', language: 'en', commit: earlier.revision!.commit.slice(0, 10) } }, none));
    assert.match(result.against, /^Contributor Covenant 1\.4 \(en\), as published \d{4}-\d\d(?: to \d{4}-\d\d)?$/);
    assert.equal(result.target?.commit, earlier.revision!.commit);
  });

  it('compares two policies, preferring the other\'s open document to the text sent', async () => {
    const { client, provider } = start();
    const subject = { uri: POLICY_URI, other: { uri: OTHER_URI, name: 'other/CODE_OF_CONDUCT.md', text: upstreamText('2.0').body } };
    const result = view(await provider.compare(subject, none));
    assert.match(result.summary, / identical to other\/CODE_OF_CONDUCT\.md/);
    assert.equal(result.target, undefined);
    assert.equal(text(await provider.baseDocument({ ...subject, layout: 'raw' }, none)), upstreamText('2.0').body);
    client.open(OTHER_URI, UNFILLED);
    assert.equal(text(await provider.baseDocument({ ...subject, layout: 'raw' }, none)), UNFILLED);
  });

  it('offers the detected base first, then 2.1 and 3.0, then every text and earlier wording once', async () => {
    const { provider } = start(upstreamText('2.0', 'de').body);
    const result = await provider.choices({ uri: POLICY_URI }, none);
    assert.ok('choices' in result);
    const [detected, ...rest] = result.choices;
    assert.deepEqual(detected, { label: 'Contributor Covenant 2.0 (de)', description: 'detected base · 100% similar', group: 'detected', target: { version: '2.0', language: 'de' } });
    // 3.0 is bundled in English only, so the German policy is offered 2.1 in German and 3.0 in English.
    assert.deepEqual(rest.slice(0, 2).map((c) => [c.label, c.group]), [['Contributor Covenant 2.1 (de)', 'suggested'], ['Contributor Covenant 3.0 (en)', 'suggested']]);
    assert.equal(rest[1].description, 'latest');
    const library = upstreamLibrary();
    const all = library.texts.length + library.texts.reduce((n, t) => n + library.revisionsOf(t).length, 0);
    assert.equal(result.choices.length, all);
    assert.equal(new Set(result.choices.map((c) => JSON.stringify(c.target))).size, all);
    assert.ok(result.choices.some((c) => c.target.commit && c.description?.startsWith('earlier wording')));
  });

  it('answers bad input with a message that says what was expected', async () => {
    const { client, provider } = start();
    assert.match(error(await provider.compare({ uri: POLICY_URI, target: { version: '9.9' } }, none)), /^There is no Contributor Covenant 9\.9; versions: .*2\.1/);
    assert.match(error(await provider.compare({ uri: POLICY_URI, target: { version: '2.1', language: 'xx' } }, none)), /has no "xx" text; languages: /);
    assert.match(error(await provider.compare({ uri: POLICY_URI, target: { version: 'latest' } }, none)), /Unexpected version "latest", expected one such as "2\.1"/);
    assert.match(error(await provider.compare({ uri: POLICY_URI, target: 'latest' as never }, none)), /Expected the target as \{ version/);
    assert.match(error(await provider.baseDocument({ uri: POLICY_URI, layout: 'side' as never }, none)), /Unexpected layout "side"/);
    assert.match(error(await provider.compare({ uri: POLICY_URI, other: { uri: OTHER_URI } as never }, none)), /Expected the other policy as \{ uri, name, text \}/);
    assert.match(error(await provider.compare({ uri: POLICY_URI, other: { uri: OTHER_URI, name: 'logo.png', text: 'PNG\u0000\u0000' } }, none)), /^logo\.png cannot be compared: .*binary/);
    assert.match(error(await provider.compare({ uri: 42 } as never, none)), /Expected the URI of an open policy/);
    assert.match(error(await provider.compare({ uri: 'file:///w/CONDUCT.md' }, none)), /CONDUCT\.md is not open/);
    client.open(NOTES_URI, UNFILLED);
    assert.match(error(await provider.choices({ uri: NOTES_URI }, none)), /notes\.md is not checked as a conduct policy: run "Check This File as a Conduct Policy"/);
  });

  it('asks for a version when the policy follows no Contributor Covenant text', async () => {
    const { provider } = start('# House Rules\n\nBe kind. Write to hosts@pebble.example about anything that goes wrong.\n');
    assert.match(error(await provider.compare({ uri: POLICY_URI }, none)), /choose a version to compare with/);
    assert.ok('summary' in (await provider.compare({ uri: POLICY_URI, target: { version: '2.1' } }, none)));
  });

  it('answers a cancelled request with a message, and a failure with a message logged once', async () => {
    const { provider } = start();
    assert.match(error(await provider.compare({ uri: POLICY_URI }, CancellationToken.Cancelled)), /cancelled/);
    const broken = start(UNFILLED, () => BROKEN_LIBRARY);
    assert.match(error(await broken.provider.compare({ uri: POLICY_URI }, none)), /upstream texts could not be loaded|failed/);
    assert.match(error(await broken.provider.choices({ uri: POLICY_URI }, none)), /upstream texts could not be loaded|failed/);
  });
});
