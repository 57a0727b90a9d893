import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ladderIncomplete } from '../../../server/src/core/rules/ladder-incomplete';
import { ladderNumbering } from '../../../server/src/core/rules/ladder-numbering';
import { ladderOrder } from '../../../server/src/core/rules/ladder-order';
import { rungMissingField } from '../../../server/src/core/rules/rung-missing-field';
import { runRule } from '../../support/rules';

const rung = (n: number, name: string, fields = true) => `### ${n}. ${name}\n\n${fields ? '**Community Impact**: something.\n\n**Consequence**: something else.\n' : 'Words.\n'}`;
const ladder = (...rungs: string[]) => `# Rules\n\n## Enforcement Guidelines\n\n${rungs.join('\n')}`;

describe('ladder-order', () => {
  it('reports a harsher rung listed before a milder one', () => {
    const text = ladder(rung(1, 'Correction'), rung(2, 'Temporary Ban'), rung(3, 'Warning'), rung(4, 'Permanent Ban'));
    assert.deepEqual(runRule(ladderOrder, text).map((f) => [f.text, f.message]), [
      ['### 3. Warning', 'Unexpected "Warning" after "Temporary Ban": expected Warning to come earlier, since the ladder goes from mildest to harshest.'],
    ]);
  });

  it('accepts a custom three-rung ladder in 3.0 order', () => {
    assert.deepEqual(runRule(ladderOrder, '## Consequences\n\n1. **Warning** - a note\n2. **Temporary Suspension** - a pause\n3. **Permanent Ban** - gone\n'), []);
  });
});

describe('ladder-incomplete', () => {
  it('reports the rung a Covenant-style ladder lost', () => {
    const text = ladder(rung(1, 'Correction'), rung(2, 'Warning'), rung(3, 'Permanent Ban'));
    assert.deepEqual(runRule(ladderIncomplete, text).map((f) => [f.text, f.message]), [
      ['### 3. Permanent Ban', 'Missing rung "Temporary Ban": expected it before "Permanent Ban", as the upstream ladder has it.'],
    ]);
  });

  it('does not hold a custom list ladder to the upstream rungs', () => {
    assert.deepEqual(runRule(ladderIncomplete, '## Consequences\n\n1. **Warning** - a note\n2. **Permanent Ban** - gone\n'), []);
  });

  it('accepts a complete ladder', () => {
    assert.deepEqual(runRule(ladderIncomplete, ladder(rung(1, 'Correction'), rung(2, 'Warning'), rung(3, 'Temporary Ban'), rung(4, 'Permanent Ban'))), []);
  });
});

describe('ladder-numbering', () => {
  it('reports a rung whose number is not its place', () => {
    const text = ladder(rung(1, 'Correction'), rung(3, 'Warning'), rung(3, 'Temporary Ban'), rung(4, 'Permanent Ban'));
    assert.deepEqual(runRule(ladderNumbering, text).map((f) => [f.text, f.message]), [['### 3. Warning', 'Unexpected number 3 on "Warning": expected 2, its place in the ladder.']]);
  });

  it('accepts consecutive numbers, also in other scripts\' digits', () => {
    assert.deepEqual(runRule(ladderNumbering, ladder(rung(1, 'Correction'), rung(2, 'Warning'))), []);
    assert.deepEqual(runRule(ladderNumbering, ladder('### ১. Correction\n\nx\n', '### ২. Warning\n\ny\n')), []);
  });
});

describe('rung-missing-field', () => {
  it('reports a rung without the Consequence its siblings state', () => {
    const text = ladder(rung(1, 'Correction'), '### 2. Warning\n\n**Community Impact**: repeated.\n', rung(3, 'Temporary Ban'));
    assert.deepEqual(runRule(rungMissingField, text).map((f) => [f.text, f.message]), [['### 2. Warning', 'Missing "Consequence" in rung "Warning": expected it, as the other rungs state theirs.']]);
  });

  it('reads 3.0 fields written as nested "1)" lists', () => {
    const text = '## Addressing and Repairing Harm\n\n1) Warning\n   1) Event: one.\n   2) Consequence: a note.\n   3) Repair: an apology.\n2) Temporary Suspension\n   1) Event: again.\n   2) Consequence: a pause.\n';
    assert.deepEqual(runRule(rungMissingField, text).map((f) => f.message), ['Missing "Repair" in rung "Temporary Suspension": expected it, as the other rungs state theirs.']);
  });

  it('says nothing when the ladder uses no fields', () => {
    assert.deepEqual(runRule(rungMissingField, ladder(rung(1, 'Correction', false), rung(2, 'Warning', false))), []);
  });
});
