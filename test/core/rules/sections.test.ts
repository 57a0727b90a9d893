import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateSection } from '../../../server/src/core/rules/duplicate-section';
import { missingSection } from '../../../server/src/core/rules/missing-section';
import { sectionOrder } from '../../../server/src/core/rules/section-order';
import { covenantBase, runRule, UNKNOWN_BASE } from '../../support/rules';

const full = ['# Our Rules', '## Our Pledge', 'We promise kindness.', '## Our Standards', 'Be patient.', '## Enforcement Responsibilities', 'Moderators act.', '## Scope', 'All our spaces.', '## Enforcement', 'Write to team@pebble.dev.', '## Enforcement Guidelines', 'We escalate.', '## Attribution', 'Adapted from the Contributor Covenant, version 2.1.'].join('\n\n');

describe('missing-section', () => {
  it('reports nothing when every 2.x section is present', () => {
    assert.deepEqual(runRule(missingSection, full, covenantBase('2.1')), []);
  });

  it('reports a dropped Scope section where it belongs', () => {
    const text = full.replace('## Scope\n\nAll our spaces.\n\n', '');
    assert.deepEqual(runRule(missingSection, text, covenantBase('2.1')).map((f) => [f.line, f.text, f.message]), [
      [15, '## Enforcement', 'Missing standard section "Scope" of Contributor Covenant 2.1: expected it before "Enforcement".'],
    ]);
  });

  it('counts a section as present when its wording is under another heading', () => {
    const text = full.replace('## Scope\n\nAll our spaces.\n\n', '');
    const base = covenantBase('2.1');
    const scoped = { ...base, sections: base.sections.map((s) => (s.heading === 'Scope' ? { ...s, similarity: 0.9 } : s)) };
    assert.deepEqual(runRule(missingSection, text, scoped), []);
  });

  it('says nothing about policies that only borrow from the Covenant', () => {
    assert.deepEqual(runRule(missingSection, '# House rules\n\n## Be kind\n\nPlease.', covenantBase('2.1', 0.2)), []);
    assert.deepEqual(runRule(missingSection, '# House rules\n\n## Be kind\n\nPlease.', UNKNOWN_BASE), []);
  });
});

describe('duplicate-section', () => {
  it('reports a second Scope heading and names the first one\'s line', () => {
    const text = `${full}\n\n## Scope\n\nAgain.`;
    assert.deepEqual(runRule(duplicateSection, text).map((f) => [f.line, f.message]), [[31, 'Unexpected second "Scope" section: expected one (the first is on line 15).']]);
  });

  it('accepts each standard section once', () => {
    assert.deepEqual(runRule(duplicateSection, full), []);
  });
});

describe('section-order', () => {
  it('reports Scope placed after Enforcement', () => {
    const text = full.replace('## Scope\n\nAll our spaces.\n\n', '').replace('## Enforcement Guidelines', '## Scope\n\nAll our spaces.\n\n## Enforcement Guidelines');
    assert.deepEqual(runRule(sectionOrder, text, covenantBase('2.1')).map((f) => [f.text, f.message]), [
      ['## Scope', 'Unexpected "Scope" after "Enforcement": Contributor Covenant 2.1 puts it before.'],
    ]);
  });

  it('accepts the upstream order, and translated headings in it', () => {
    assert.deepEqual(runRule(sectionOrder, full, covenantBase('2.1')), []);
    const german = '# Regeln\n\n## Unsere Verpflichtung\n\nx\n\n## Unsere Standards\n\ny\n\n## Geltungsbereich\n\nz';
    assert.deepEqual(runRule(sectionOrder, german, covenantBase('2.1', 0.9, 'de')), []);
    const swapped = '# Regeln\n\n## Geltungsbereich\n\nz\n\n## Unsere Verpflichtung\n\nx';
    assert.equal(runRule(sectionOrder, swapped, covenantBase('2.1', 0.9, 'de')).length, 1);
  });
});
