import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationToken, type MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideHover } from '../../server/src/providers/hover';
import { withCursor } from '../support/cursor';
import { BROKEN_LIBRARY, NOTES_URI, POLICY_URI, startCache } from './fakeClient';

const LADDER = (second: string) =>
  `# Code of Conduct\n\nWrite to stewards@example.org when something goes wrong.\n\n## What the stewards may do\n\n### 1. Correction\n\n### 2. ${second}\n\nA written warning.\n\n### 3. Temporary Ban\n\n### 4. Permanent Ban\n`;

/** Opens the marked text at `uri` and hovers at its $$CURSOR$$. */
async function hoverAt(marked: string, { uri = POLICY_URI, token = CancellationToken.None, loadLibrary = undefined as Parameters<typeof startCache>[0] } = {}) {
  const { client, cache } = startCache(loadLibrary);
  const { text, offset } = withCursor(marked);
  client.open(uri, text);
  const position = TextDocument.create(uri, 'markdown', 1, text).positionAt(offset);
  return { client, hover: await provideHover(cache, { textDocument: { uri }, position }, token) };
}

describe('hover', () => {
  it('explains the ladder rung under the cursor in Markdown, over the rung\'s label', async () => {
    const { hover } = await hoverAt(LADDER('War$$CURSOR$$ning'));
    assert.ok(hover);
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match((hover.contents as MarkupContent).value, /rung 2 of 4/);
    assert.deepEqual(hover.range, { start: { line: 8, character: 0 }, end: { line: 8, character: '### 2. Warning'.length } });
  });

  it('explains an unfilled placeholder over its range', async () => {
    const { hover } = await hoverAt('# Code of Conduct\n\nPlease report problems to [INSERT CONTACT$$CURSOR$$ METHOD].\n');
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /^\*\*Unfilled placeholder\*\*/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 26 }, end: { line: 2, character: 49 } });
  });

  it('names the standard section under a heading and says it is the policy\'s own when upstream has none', async () => {
    const { hover } = await hoverAt(LADDER('Warning').replace('## What the', () => '## What$$CURSOR$$ the'));
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /^\*\*Your own section\*\*/);
    assert.deepEqual(hover.range, { start: { line: 4, character: 0 }, end: { line: 4, character: '## What the stewards may do'.length } });
  });

  it('shows nothing away from rung labels', async () => {
    assert.equal((await hoverAt(LADDER('Warning').replace('A written', () => 'A wr$$CURSOR$$itten'))).hover, null);
  });

  it('shows nothing in a document that is not a policy', async () => {
    assert.equal((await hoverAt(LADDER('War$$CURSOR$$ning'), { uri: NOTES_URI })).hover, null);
  });

  it('shows nothing in a policy that could not be read', async () => {
    assert.equal((await hoverAt(`### 2. War$$CURSOR$$ning\n\u0000\u0000binary\n`)).hover, null);
  });

  it('shows nothing when the request is cancelled', async () => {
    assert.equal((await hoverAt(LADDER('War$$CURSOR$$ning'), { token: CancellationToken.Cancelled })).hover, null);
  });

  it('shows nothing when the analysis fails, and logs the cause', async () => {
    const { client, hover } = await hoverAt(LADDER('War$$CURSOR$$ning'), { loadLibrary: () => BROKEN_LIBRARY });
    assert.equal(hover, null);
    assert.match(client.all<string>('console/error').join('\n'), /^Hover failed: Error: the library is broken/);
  });
});
