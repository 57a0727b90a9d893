import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import {
  BASE_DOCUMENT,
  COMPARE,
  COMPARE_CHOICES,
  type BaseDocumentParams,
  type BaseDocumentResult,
  type CompareChoicesResult,
  type CompareParams,
  type CompareResult,
} from '../../server/src/protocol';
import { ADDENDUM_HEADING, derivedPolicy, FILLED_CONTACT } from '../support/derivedPolicy';
import { upstreamLibrary, upstreamText } from '../support/upstream';
import { LspSession, within } from './harness';

const POLICY = 'file:///w/CODE_OF_CONDUCT.md';

describe('conduct/compare, conduct/baseDocument and conduct/compareChoices', () => {
  let session: LspSession | undefined;
  before(() => void upstreamLibrary());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  const compare = (params: CompareParams) => within(session!.client.sendRequest<CompareResult>(COMPARE, params), 'conduct/compare');
  const baseDocument = (params: BaseDocumentParams) => within(session!.client.sendRequest<BaseDocumentResult>(BASE_DOCUMENT, params), 'conduct/baseDocument');

  it('compares an open policy with its detected base, section by section, with LSP ranges', async () => {
    session = await LspSession.start();
    const text = derivedPolicy(upstreamText('2.1').body);
    await session.open(POLICY, text);
    const result = await compare({ uri: POLICY });
    assert.ok(!('error' in result), JSON.stringify(result));
    assert.equal(result.summary, '99% identical to Contributor Covenant 2.1 (en) · 1 section customised · 1 addendum · 1 field filled');
    assert.equal(result.version, 1);
    const addendum = result.sections.find((s) => s.status === 'added');
    assert.equal(addendum?.heading, ADDENDUM_HEADING);
    assert.equal(text.split('\n')[addendum!.range!.start.line], `## ${ADDENDUM_HEADING}`);
  });

  it('serves the left side, and rebuilds it from the policy\'s new version after an edit', async () => {
    session = await LspSession.start();
    await session.open(POLICY, derivedPolicy(upstreamText('2.1').body));
    const before = await baseDocument({ uri: POLICY, target: { version: '2.1', language: 'en' }, layout: 'policy' });
    assert.ok('text' in before && before.text.includes(FILLED_CONTACT) && !before.text.includes(ADDENDUM_HEADING));
    await session.change(POLICY, derivedPolicy(upstreamText('2.1').body).replace(FILLED_CONTACT, 'stewards@pebble.example'));
    const after = await baseDocument({ uri: POLICY, target: { version: '2.1', language: 'en' }, layout: 'policy' });
    assert.ok('text' in after && after.text.includes('stewards@pebble.example') && after.version === 2, JSON.stringify(after).slice(0, 200));
    assert.deepEqual(await baseDocument({ uri: POLICY, target: { version: '2.1', language: 'en' }, layout: 'raw' }), { text: upstreamText('2.1').body, against: 'Contributor Covenant 2.1 (en)', version: 2 });
  });

  it('compares with another policy sent as text', async () => {
    session = await LspSession.start();
    await session.open(POLICY, derivedPolicy(upstreamText('2.1').body));
    const result = await compare({ uri: POLICY, other: { uri: 'file:///elsewhere/CODE_OF_CONDUCT.md', name: 'elsewhere/CODE_OF_CONDUCT.md', text: upstreamText('2.0').body } });
    assert.ok(!('error' in result), JSON.stringify(result));
    assert.equal(result.against, 'elsewhere/CODE_OF_CONDUCT.md');
    assert.ok(result.sections.some((s) => s.id === 'pledge' && s.status === 'modified'), 'the common sections are aligned');
  });

  it('offers the detected base first, then the current versions and the whole catalog', async () => {
    session = await LspSession.start();
    await session.open(POLICY, upstreamText('2.0').body);
    const result = await within(session.client.sendRequest<CompareChoicesResult>(COMPARE_CHOICES, { uri: POLICY }), 'conduct/compareChoices');
    assert.ok('choices' in result);
    assert.deepEqual(result.choices.slice(0, 3).map((c) => [c.label, c.group]), [
      ['Contributor Covenant 2.0 (en)', 'detected'],
      ['Contributor Covenant 2.1 (en)', 'suggested'],
      ['Contributor Covenant 3.0 (en)', 'suggested'],
    ]);
    assert.ok(result.choices.slice(3).every((c) => c.group === 'catalog'));
  });

  it('answers bad input with a message instead of an error response', async () => {
    session = await LspSession.start();
    await session.open(POLICY, upstreamText('2.1').body);
    assert.deepEqual(await compare({ uri: POLICY, target: { version: '4.0' } }), { error: 'There is no Contributor Covenant 4.0; versions: 1.0, 1.1, 1.2, 1.3, 1.4, 2.0, 2.1, 3.0.' });
    assert.match((await compare({ uri: 'file:///w/missing.md' }) as { error: string }).error, /missing\.md is not open/);
    assert.match((await baseDocument({ uri: POLICY, layout: 'upside-down' as never }) as { error: string }).error, /Unexpected layout/);
    assert.match((await compare(null as never) as { error: string }).error, /Expected the URI of an open policy/);
  });
});
