import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasOwnHeading, sectionStatusSentence, sectionStatusTitle, type ComparedAgainst } from '../../server/src/core/index';

const V21: ComparedAgainst = { family: 'contributor-covenant', version: '2.1', language: 'en' };
const V21_DE: ComparedAgainst = { family: 'contributor-covenant', version: '2.1', language: 'de' };

describe('section status', () => {
  it('names the base version of an identical section, with its language when not English', () => {
    assert.equal(sectionStatusTitle({ status: 'identical', similarity: 1 }, V21), 'identical to 2.1');
    assert.equal(sectionStatusTitle({ status: 'identical', similarity: 1 }, V21_DE), 'identical to 2.1 (de)');
  });

  it('gives a modified section the share of its words that changed, at least 1%', () => {
    assert.equal(sectionStatusTitle({ status: 'modified', similarity: 0.88 }, V21), 'modified 12%');
    assert.equal(sectionStatusTitle({ status: 'modified', similarity: 0.999 }, V21), 'modified 1%');
  });

  it('calls a section upstream lacks your addendum, and tells moved and left-out sections apart', () => {
    assert.equal(sectionStatusTitle({ status: 'added', similarity: 0 }, V21), 'your addendum');
    assert.equal(sectionStatusTitle({ status: 'moved', similarity: 1 }, V21), 'moved');
    assert.equal(sectionStatusTitle({ status: 'moved', similarity: 0.9 }, V21), 'moved, modified 10%');
    assert.equal(sectionStatusTitle({ status: 'removed', similarity: 0 }, V21), 'left out');
  });

  it('says the long form against the full name of the base', () => {
    assert.equal(sectionStatusSentence({ status: 'identical', similarity: 1 }, V21), 'Identical to Contributor Covenant 2.1 (en).');
    assert.equal(sectionStatusSentence({ status: 'modified', similarity: 0.88 }, V21), 'Modified: 12% of its words differ from Contributor Covenant 2.1 (en).');
    assert.equal(sectionStatusSentence({ status: 'moved', similarity: 0.9 }, V21), 'Moved from where Contributor Covenant 2.1 (en) has it, and 10% of its words differ.');
    assert.equal(sectionStatusSentence({ status: 'added', similarity: 0 }, V21), 'Your own addendum: Contributor Covenant 2.1 (en) has no such section.');
  });

  it('counts headed sections and rungs as having a heading, not the text before the first heading or after a rung list', () => {
    assert.equal(hasOwnHeading({ id: 'pledge', status: 'identical' }), true);
    assert.equal(hasOwnHeading({ id: 'rung:warning', status: 'modified' }), true);
    assert.equal(hasOwnHeading({ status: 'added' }), true);
    assert.equal(hasOwnHeading({ id: 'preamble', status: 'identical' }), false);
    assert.equal(hasOwnHeading({ id: 'addressing-harm:after', status: 'identical' }), false);
    assert.equal(hasOwnHeading({ id: 'scope', status: 'removed' }), false);
  });
});
