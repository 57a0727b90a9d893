import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, documentOutline, foldableSpans, type OutlineEntry } from '../../server/src/core/index';
import { ENGLISH, SPANISH } from '../support/bilingual';
import { upstreamLibrary, upstreamText } from '../support/upstream';

const library = upstreamLibrary();

/** The outline as indented lines: "kind name [detail]". */
function tree(text: string): string[] {
  const doc = checkText(text, library).doc;
  assert.ok(doc);
  const lines: string[] = [];
  const visit = (entries: readonly OutlineEntry[], depth: number) => {
    for (const e of entries) {
      lines.push(`${'  '.repeat(depth)}${e.kind} ${e.name}${e.detail ? ` [${e.detail}]` : ''}`);
      visit(e.children, depth + 1);
    }
  };
  visit(documentOutline(doc), 0);
  return lines;
}

const OWN_WORDS = `# Pebble Club Rules

## Why we have rules

Everyone who joins the club should feel welcome at the table.

## Where these rules apply

In the club room, the chat and on outings.

## What the stewards may do

### 1. Correction

A quiet word.

### 2. Warning

A written note.

### 3. Temporary Ban

A pause from the club.

### 4. Permanent Ban

No return.

## Snacks

Whoever hosts brings them.
`;

describe('document outline', () => {
  it('nests sections under the title and the rungs under the section that holds the ladder', () => {
    assert.deepEqual(tree(OWN_WORDS), [
      'title Pebble Club Rules',
      '  section Why we have rules',
      '  section Where these rules apply',
      '  section What the stewards may do',
      '    rung 1. Correction',
      '    rung 2. Warning',
      '    rung 3. Temporary Ban',
      '    rung 4. Permanent Ban',
      '  section Snacks',
    ]);
  });

  it('names the canonical section where the heading is a translation, and is silent where it is the canonical name', () => {
    const lines = tree(ENGLISH);
    assert.ok(lines.includes('  section Our Pledge'), lines.join('\n'));
    const spanish = tree(SPANISH);
    assert.ok(spanish.includes('  section Nuestro compromiso [Our Pledge]'), spanish.join('\n'));
    assert.ok(spanish.some((l) => /^ {4}rung 2\. \S+ \[Warning\]$/.test(l)), spanish.join('\n'));
  });

  it('gives each version of a two-language file its own tree under its own title', () => {
    const lines = tree(`${SPANISH}\n${ENGLISH}`);
    const titles = lines.filter((l) => l.startsWith('title '));
    assert.equal(titles.length, 2, lines.join('\n'));
    const english = lines.indexOf(titles[1]);
    assert.ok(lines.slice(english).includes('    rung 2. Warning'), lines.join('\n'));
    assert.equal(lines.filter((l) => l.startsWith('    rung ')).length, 8);
  });

  it('nests a 3.0 ladder, written as a numbered list, under Addressing and Repairing Harm', () => {
    const lines = tree(upstreamText('3.0').body);
    const harm = lines.indexOf('  section Addressing and Repairing Harm');
    assert.ok(harm > 0, lines.join('\n'));
    assert.deepEqual(lines.slice(harm + 1, harm + 5), ['    rung Warning', '    rung Temporarily Limited Activities', '    rung Temporary Suspension', '    rung Permanent Ban']);
    assert.ok(lines.includes('    section Other Restrictions'), 'a level-3 section nests under its level-2 section');
  });

  it('spans each entry from its heading to the next heading of its depth, and selects the heading line', () => {
    const doc = checkText(OWN_WORDS, library).doc!;
    const ladder = documentOutline(doc)[0].children[2];
    assert.equal(OWN_WORDS.slice(ladder.selectionSpan.start, ladder.selectionSpan.end), '## What the stewards may do');
    assert.ok(OWN_WORDS.slice(ladder.span.start, ladder.span.end).endsWith('No return.\n\n'));
    const warning = ladder.children[1];
    assert.equal(OWN_WORDS.slice(warning.span.start, warning.span.end), '### 2. Warning\n\nA written note.\n\n');
  });
});

describe('foldable spans', () => {
  it('folds every section and rung up to its last line with text', () => {
    const doc = checkText(OWN_WORDS, library).doc!;
    const folded = foldableSpans(doc).map((s) => OWN_WORDS.slice(s.start, s.end));
    assert.equal(folded.length, 9);
    assert.ok(folded.includes('### 2. Warning\n\nA written note.'));
    assert.ok(folded.includes('## Snacks\n\nWhoever hosts brings them.'));
    assert.ok(folded[0].startsWith('# Pebble Club Rules') && folded[0].endsWith('Whoever hosts brings them.'));
  });

  it('folds a 3.0 rung written as a list item', () => {
    const body = upstreamText('3.0').body;
    const doc = checkText(body, library).doc!;
    const rung = doc.ladder[1];
    assert.ok(foldableSpans(doc).some((s) => s.start === rung.span.start && s.end <= rung.span.end && s.end > rung.labelSpan.end));
  });
});
