import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, hoverAt, parseConductDocument } from '../../server/src/core/index';
import { ENGLISH, SPANISH } from '../support/bilingual';
import { withCursor } from '../support/cursor';
import { ADDENDUM_HEADING, derivedPolicy } from '../support/derivedPolicy';
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

describe('hover on placeholders', () => {
  function hoverOn(text: string, needle: string) {
    const result = checkText(text, library);
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0 && result.doc, `no "${needle}" in the text`);
    return { hover: hoverAt(result.doc, offset + 1, library, result.base), offset };
  }

  it('says what belongs in the reporting placeholder, why it matters and which quick fixes fill it, over the placeholder', () => {
    const body = upstreamText('2.1').body;
    const { hover, offset } = hoverOn(body, '[INSERT CONTACT METHOD]');
    assert.ok(hover);
    assert.deepEqual(hover.span, { start: offset, end: offset + '[INSERT CONTACT METHOD]'.length });
    assert.match(hover.markdown, /^\*\*Unfilled placeholder\*\* `\[INSERT CONTACT METHOD\]`/);
    assert.match(hover.markdown, /What belongs here: how to reach the people who handle reports/);
    assert.match(hover.markdown, /Why it matters: until it is filled, the policy gives no way to report anything/);
    assert.match(hover.markdown, /\*\*Fill placeholder…\*\*/);
    assert.match(hover.markdown, /`conduct\.contact`.*\*\*Fill placeholder with "…"\*\* fills it in one step/);
  });

  it('asks a template fill-in that is not a contact for its value, without offering the contact fill', () => {
    const { hover } = hoverOn('# Pebble Club Rules\n\nThe club meets in [INSERT CITY] every week.\n', '[INSERT CITY]');
    assert.ok(hover);
    assert.match(hover.markdown, /What belongs here: the value this fill-in asks for/);
    assert.doesNotMatch(hover.markdown, /conduct\.contact/);
  });
});

describe('hover on section headings', () => {
  const body = upstreamText('2.1').body;
  const policy = derivedPolicy(body);

  function hoverOn(text: string, heading: string) {
    const result = checkText(text, library);
    const offset = text.indexOf(`${heading}\n`);
    assert.ok(offset >= 0 && result.doc, `no "${heading}" line in the text`);
    return { hover: hoverAt(result.doc, offset + heading.length - 1, library, result.base, result.blocks), offset };
  }

  it('names the standard section and says it is identical to the base, over the heading', () => {
    const { hover, offset } = hoverOn(policy, '## Scope');
    assert.ok(hover);
    assert.deepEqual(hover.span, { start: offset, end: offset + '## Scope'.length });
    assert.equal(hover.markdown, '**Standard section: Scope**.\n\nIdentical to Contributor Covenant 2.1 (en).');
  });

  it('gives an edited section the share of its words that changed', () => {
    assert.match(hoverOn(policy, '## Our Pledge').hover?.markdown ?? '', /^\*\*Standard section: Our Pledge\*\*\.\n\nModified: \d+% of its words differ from Contributor Covenant 2\.1 \(en\)\.$/);
  });

  it('calls a section of the policy\'s own an addendum', () => {
    assert.equal(hoverOn(policy, `## ${ADDENDUM_HEADING}`).hover?.markdown, '**Your own section**: no Contributor Covenant text has a section with this heading or this wording.\n\nYour own addendum: Contributor Covenant 2.1 (en) has no such section.');
  });

  it('names the canonical section of a translated heading', () => {
    assert.match(hoverOn(SPANISH, '## Nuestro compromiso').hover?.markdown ?? '', /^\*\*Standard section: Our Pledge\*\*\.\n\n\S+.* Contributor Covenant 2\.0 \(es\)\.$/);
  });

  it('holds each version of a two-language file to its own base', () => {
    const both = `${SPANISH}\n${ENGLISH}`;
    assert.match(hoverOn(both, '## Nuestro compromiso').hover?.markdown ?? '', /Contributor Covenant 2\.0 \(es\)\.$/);
    assert.match(hoverOn(both, '## Our Pledge').hover?.markdown ?? '', /^\*\*Standard section: Our Pledge\*\*\.\n\nModified: \d+% of its words differ from Contributor Covenant 2\.0 \(en\)\.$/);
  });

  it('says there is nothing to compare with when the policy follows no Covenant text', () => {
    const own = '# Pebble Club Rules\n\nWrite to stewards@pebble.example.\n\n## Snacks\n\nWhoever hosts brings them.\n';
    assert.match(hoverOn(own, '## Snacks').hover?.markdown ?? '', /follows no Contributor Covenant text closely enough to compare/);
  });
});

describe('hover on 3.0 and custom ladders', () => {
  it('explains a 3.0 rung written as a list item, with the 3.0 definition and the word comparison', () => {
    const body = upstreamText('3.0').body;
    const result = checkText(body, library);
    const rung = result.doc!.ladder[1];
    const hover = hoverAt(result.doc!, rung.labelSpan.start + 2, library, result.base);
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*Temporarily Limited Activities\*\*: rung 2 of 4/);
    assert.match(hover.markdown, /Contributor Covenant 3\.0 \(en\) defines it as:/);
    assert.match(hover.markdown, /\*\*Your rung has the same wording\.\*\*/);
  });

  it('explains a rung field label (Event, Consequence, Repair) with what the field states and its rung', () => {
    const body = upstreamText('3.0').body;
    const result = checkText(body, library);
    const rung = result.doc!.ladder[2];
    for (const field of rung.fields) {
      const hover = hoverAt(result.doc!, field.span.start + 1, library, result.base);
      assert.ok(hover, `no hover on ${field.label}`);
      assert.deepEqual(hover.span, field.span);
      assert.match(hover.markdown, new RegExp(`^\\*\\*${field.label}\\*\\* of \\*${rung.name}\\*: `));
      assert.match(hover.markdown, /\*\*Temporary Suspension\*\*: rung 3 of 4/);
    }
  });

  it('explains a rung of a custom ladder as the policy\'s own', () => {
    const text = '# Pebble Club Rules\n\nWrite to stewards@pebble.example.\n\n## Enforcement\n\n1. **Reminder**: a note.\n2. **Warning**: a written warning.\n3. **Cooling-off**: a pause.\n4. **Permanent Ban**: no return.\n';
    assert.match(hoverMarkdown(text, 'Cooling') ?? '', /^\*\*Cooling-off\*\*: rung 3 of 4 in this policy's enforcement ladder\.\n\nThis rung is your own/);
  });
});

function hoverMarkdown(text: string, needle: string): string | undefined {
  const result = checkText(text, library);
  return hoverAt(result.doc!, text.indexOf(needle) + 1, library, result.base)?.markdown;
}

describe('hover on a rung named in the prose', () => {
  const text = '# Pebble Club Rules\n\nWrite to stewards@pebble.example.\n\n## What the stewards may do\n\nRepeating a slip after a Warning may lead to a temporary  ban; see `Permanent Ban` for the rest. Warnings are rare.\n\n### 1. Correction\n\nA quiet word.\n\n### 2. Warning\n\nA written note.\n\n### 3. Temporary Ban\n\nA pause.\n\n### 4. Permanent Ban\n\nNo return.\n';
  const doc = checkText(text, library).doc!;

  it('explains the rung whose name the cursor is on, in any case and spacing, over the name', () => {
    const at = text.indexOf('temporary  ban');
    const hover = hoverAt(doc, at + 12, library);
    assert.ok(hover);
    assert.deepEqual(hover.span, { start: at, end: at + 'temporary  ban'.length });
    assert.match(hover.markdown, /^\*\*Temporary Ban\*\*: rung 3 of 4/);
    assert.match(hoverAt(doc, text.indexOf('a Warning') + 4, library)?.markdown ?? '', /^\*\*Warning\*\*: rung 2 of 4/);
  });

  it('leaves a longer word and a rung name in code alone', () => {
    assert.equal(hoverAt(doc, text.indexOf('Warnings are') + 2, library), undefined);
    assert.equal(hoverAt(doc, text.indexOf('Permanent Ban`') + 2, library), undefined);
  });
});
