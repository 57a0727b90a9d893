import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt, parseConductDocument } from '../../server/src/core/index';
import { withCursor } from '../support/cursor';
import { upstreamLibrary } from '../support/upstream';

const library = upstreamLibrary();

function hover(marked: string) {
  const { text, offset } = withCursor(marked);
  return hoverAt(parseConductDocument(text, library), offset, library);
}

const ladder = (second: string) => `# Rules\n\n## Enforcement\n\n### 1. Correction\n\nA word.\n\n### 2. ${second}\n\nA note.\n\n### 3. Temporary Ban\n\nA pause.\n\n### 4. Permanent Ban\n\nGone.\n`;

describe('hover on ladder rungs', () => {
  it('explains a 2.x rung with its place in the ladder and the 2.1 definition', () => {
    const result = hover(ladder('War$$CURSOR$$ning'));
    assert.ok(result);
    assert.match(result.markdown, /^\*\*Warning\*\*: rung 2 of 4/);
    assert.match(result.markdown, /Contributor Covenant 2\.1 defines it as:/);
    assert.match(result.markdown, /^> \*\*Community Impact\*\*/m);
  });

  it('shows the upstream definition in the language of a translated rung name', () => {
    const result = hover(ladder('Verwar$$CURSOR$$nung'));
    assert.ok(result);
    assert.match(result.markdown, /Contributor Covenant 2\.1 \(de\) defines it as:/);
  });

  it('explains 3.0 list rungs from the 3.0 ladder', () => {
    const result = hover('## Addressing and Repairing Harm\n\n1) Warning\n   1) Event: x\n2) Temporarily $$CURSOR$$Limited Activities\n   1) Event: y\n3) Temporary Suspension\n   1) Event: z\n4) Permanent Ban\n   1) Event: w\n');
    assert.ok(result);
    assert.match(result.markdown, /rung 2 of 4/);
    assert.match(result.markdown, /Contributor Covenant 3\.0 defines it as:/);
  });

  it('returns nothing away from rung labels', () => {
    assert.equal(hover(ladder('Warning').replace('A note.', () => 'A n$$CURSOR$$ote.')), undefined);
  });
});
