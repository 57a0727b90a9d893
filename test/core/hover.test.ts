import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, hoverAt, parseConductDocument } from '../../server/src/core/index';
import { withCursor } from '../support/cursor';
import { seed, upstreamLibrary, upstreamText } from '../support/upstream';

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
    assert.match(result.markdown, /Contributor Covenant 2\.1 \(en\) defines it as:/);
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
    assert.match(result.markdown, /Contributor Covenant 3\.0 \(en\) defines it as:/);
  });

  it("quotes the rung of the policy's detected base (seed 001 follows 2.0) and says word by word how the policy's differs", () => {
    const text = seed('001');
    const analysis = checkText(text, library);
    assert.equal(analysis.base?.version, '2.0');
    const at = text.indexOf('### 2. Warning') + 8;
    const result = hoverAt(analysis.doc!, at, library, analysis.base);
    assert.ok(result);
    assert.match(result.markdown, /Contributor Covenant 2\.0 \(en\) defines it as:/);
    assert.match(result.markdown, /\*\*Your rung differs\*\* \(\d+% similar\):/);
    assert.match(result.markdown, /- added: \*including technical misconduct/);
  });

  it('says a rung kept upstream\'s wording when it did', () => {
    const text = upstreamText('2.0').body;
    const analysis = checkText(text, library);
    const result = hoverAt(analysis.doc!, text.indexOf('### 2.') + 8, library, analysis.base);
    assert.ok(result);
    assert.match(result.markdown, /\*\*Your rung has the same wording\.\*\*/);
  });

  it('returns nothing away from rung labels', () => {
    assert.equal(hover(ladder('Warning').replace('A note.', () => 'A n$$CURSOR$$ote.')), undefined);
  });
});

describe('hover on the attribution', () => {
  /** Hovers the first place `needle` appears in `text`. */
  function hoverOn(text: string, needle: string, base?: Parameters<typeof hoverAt>[3]) {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, `no "${needle}" in the text`);
    return hoverAt(parseConductDocument(text, library), offset + 1, library, base);
  }

  it('says which text the body follows, today\'s wording, and its licence, over the whole citing paragraph', () => {
    const text = upstreamText('2.1').body;
    const result = hoverOn(text, 'version 2.1');
    assert.ok(result);
    assert.match(result.markdown, /^This policy's text follows \*\*Contributor Covenant 2\.1 \(en\)\*\* \(100% similar\)\./);
    assert.match(result.markdown, /\[CC BY 4\.0\]\(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)/);
    assert.doesNotMatch(result.markdown, /as published|edited this wording/);
    const covered = text.slice(result.span.start, result.span.end);
    assert.match(covered, /version 2\.1/);
    assert.ok(!/\n\s*\n/.test(covered), 'one paragraph');
  });

  it('names the share-alike licence for 3.0', () => {
    const result = hoverOn(upstreamText('3.0').body, 'Contributor Covenant 3.0');
    assert.match(result?.markdown ?? '', /\[CC BY-SA 4\.0\]/);
  });

  it('names an earlier wording with the months upstream published it', () => {
    const earlier = library.revisionsOf(upstreamText('1.4')).at(-1)!;
    const result = hoverOn(earlier.body, 'version 1.4');
    const published = ({ firstDate, lastDate }: { firstDate: string; lastDate: string }) => (firstDate.slice(0, 7) === lastDate.slice(0, 7) ? firstDate.slice(0, 7) : `${firstDate.slice(0, 7)} to ${lastDate.slice(0, 7)}`);
    assert.match(result?.markdown ?? '', new RegExp(`\\*\\*Contributor Covenant 1\\.4 \\(en\\), as published ${published(earlier.revision!)}\\*\\*`));
    assert.match(result?.markdown ?? '', /Upstream has edited this wording since: today's 1\.4 text is newer\./);
  });

  it('says when the attribution claims another version than the body follows', () => {
    const text = upstreamText('2.1', 'de').body.replace(/2\.1/g, '2.0').replace(/2\/1/g, '2/0');
    const result = hoverOn(text, '2.0');
    assert.match(result?.markdown ?? '', /follows \*\*Contributor Covenant 2\.1 \(de\)\*\*/);
    assert.match(result?.markdown ?? '', /The attribution says version 2\.0\./);
  });

  it('uses the caller\'s detection when given, and says when the text follows no Covenant text', () => {
    const text = '# House rules\n\nBe kind.\n\nWe took the idea from the Contributor Covenant, version 2.1.\n';
    assert.match(hoverOn(text, 'Contributor Covenant')?.markdown ?? '', /does not follow a Contributor Covenant text/);
    const base = { family: 'contributor-covenant' as const, version: '1.4', language: 'en', similarity: 0.5, sections: [] };
    assert.match(hoverOn(text, 'Contributor Covenant', base)?.markdown ?? '', /follows \*\*Contributor Covenant 1\.4 \(en\)\*\* \(50% similar\)/);
    assert.equal(hoverOn(text, 'Be kind'), undefined);
  });
});
