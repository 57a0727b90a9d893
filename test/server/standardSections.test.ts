import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { StandardSectionsParams, StandardSectionsResult } from '../../server/src/protocol';
import { standardSectionsFor } from '../../server/src/providers/standardSections';
import { upstreamText } from '../support/upstream';
import { BROKEN_LIBRARY, NOTES_URI, POLICY_URI, startCache } from './fakeClient';

const OWN_POLICY = '# Garden Club Rules\n\nBe kind to each other in the greenhouse.\n\nTell the club secretary if someone is not.\n';

async function request(text: string, params: Partial<StandardSectionsParams> = {}, loadLibrary?: Parameters<typeof startCache>[0]) {
  const { client, cache } = startCache(loadLibrary);
  const uri = params.uri ?? POLICY_URI;
  client.open(uri, text);
  const result = await standardSectionsFor(cache, { uri, ...params }, CancellationToken.None);
  return { client, result, document: TextDocument.create(uri, 'markdown', 1, text) };
}

function sections(result: StandardSectionsResult) {
  assert.ok(!('error' in result), 'error' in result ? result.error : '');
  return result;
}

/** The snippet's text with every tab stop left at its default. */
const defaults = (snippet: string) => snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0$/, '').replace(/\\([$}\\])/g, '$1');

describe('the standard sections request', () => {
  it('lists the detected base\'s sections, each with a snippet for its right place, and the cursor\'s when asked', async () => {
    const body = upstreamText('2.1').body;
    const start = body.indexOf('## Scope');
    const policy = body.slice(0, start) + body.slice(body.indexOf('## Enforcement\n'));
    const { result, document } = await request(policy, { position: { line: 0, character: 0 } });
    const listed = sections(result);
    assert.equal(listed.against, 'Contributor Covenant 2.1 (en)');
    assert.deepEqual(listed.target, { version: '2.1', language: 'en' });
    const scope = listed.sections.find((s) => s.id === 'scope')!;
    assert.equal(scope.present, false);
    assert.equal(scope.place, 'after "Enforcement Responsibilities"');
    const text = document.getText();
    const at = document.offsetAt(scope.atPlace.position);
    assert.equal(text.slice(0, at) + defaults(scope.atPlace.snippet) + text.slice(at), body);
    assert.deepEqual(scope.atCursor?.position, { line: 0, character: 0 });
    assert.match(scope.atCursor!.snippet, /^## Scope\n\n/);
  });

  it('takes the sections from a chosen version and language', async () => {
    const listed = sections((await request(upstreamText('2.1').body, { target: { version: '3.0' } })).result);
    assert.equal(listed.against, 'Contributor Covenant 3.0 (en)');
    assert.equal(listed.sections.find((s) => s.id === 'addressing-harm')?.heading, 'Addressing and Repairing Harm');
    const german = sections((await request(upstreamText('2.1').body, { target: { version: '2.1', language: 'de' } })).result);
    assert.ok(german.sections.every((s) => s.present), 'a translation\'s sections are the same sections');
  });

  it('asks for a version when the policy follows no Covenant text, and explains an unknown one', async () => {
    assert.deepEqual((await request(OWN_POLICY)).result, { error: 'This policy follows no bundled Contributor Covenant text: choose a version.', chooseVersion: true });
    const unknown = (await request(OWN_POLICY, { target: { version: '9.9' } })).result as { error: string };
    assert.match(unknown.error, /^There is no Contributor Covenant 9\.9/);
  });

  it('answers with an error for a document that is not a policy, and logs a failure', async () => {
    assert.match(((await request(OWN_POLICY, { uri: NOTES_URI })).result as { error: string }).error, /not checked as one/);
    const { client, result } = await request(OWN_POLICY, {}, () => BROKEN_LIBRARY);
    assert.match((result as { error: string }).error, /could not list the standard sections/);
    assert.match(client.all<string>('console/error').join('\n'), /^Listing standard sections failed: Error: the library is broken/m);
  });
});
