import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, type PolicyBase, type UpstreamText } from '../../../server/src/core/index';
import { earlierWording } from '../../../server/src/core/rules/earlier-wording';
import { covenantBase, runRule, UNKNOWN_BASE } from '../../support/rules';
import { upstreamLibrary, upstreamText } from '../../support/upstream';

const library = upstreamLibrary();
const attribution = '# Our Code\n\nAdapted from the Contributor Covenant, version 1.4.\n';
const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** The base detection gives a policy copied from `source`. */
function baseOf(source: UpstreamText): PolicyBase {
  return { ...covenantBase(source.entry.version), revision: source.revision ?? null, source };
}

describe('earlier-wording', () => {
  const today = upstreamText('1.4');
  const latest = library.revisionsOf(today).at(-1)!;

  it('names the earlier wording, quotes what upstream changed since, and offers today\'s and newer versions', () => {
    const findings = runRule(earlierWording, attribution, baseOf(latest));
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.line, 3);
    assert.equal(finding.text, 'Contributor Covenant, version 1.4');
    const published = ({ firstDate, lastDate }: { firstDate: string; lastDate: string }) => (firstDate.slice(0, 7) === lastDate.slice(0, 7) ? firstDate.slice(0, 7) : `${firstDate.slice(0, 7)} to ${lastDate.slice(0, 7)}`);
    const match = new RegExp(`^Follows Contributor Covenant 1\\.4 \\(en\\), as published ${published(latest.revision!)}\\. Upstream has since changed "([^"]+)" to "([^"]+)"\\. Today's 1\\.4 wording is available, and newer versions: 2\\.0, 2\\.1, 3\\.0\\.$`).exec(finding.message);
    assert.ok(match, finding.message);
    // The quotes are upstream's own words: the earlier wording's, then today's.
    assert.ok(words(latest.body).includes(words(match[1])), match[1]);
    assert.ok(words(today.body).includes(words(match[2])), match[2]);
    assert.notEqual(words(match[1]), words(match[2]));
  });

  it('counts what it does not quote', () => {
    const oldest = library.revisionsOf(today)[0];
    const [finding] = runRule(earlierWording, attribution, baseOf(oldest));
    assert.match(finding.message, /" and made \d+ more changes?\. Today's 1\.4 wording/);
  });

  it('says nothing for today\'s wording or an unknown base', () => {
    assert.deepEqual(runRule(earlierWording, attribution, baseOf(today)), []);
    assert.deepEqual(runRule(earlierWording, attribution, covenantBase('1.4')), []);
    assert.deepEqual(runRule(earlierWording, attribution, UNKNOWN_BASE), []);
  });

  it('reports an earlier wording copied verbatim, once, at information level, and never today\'s', () => {
    const notes = (text: string) => checkText(text, library).findings.filter((f) => f.rule === 'earlier-wording');
    assert.deepEqual(notes(latest.body).map((f) => f.severity), ['information']);
    assert.deepEqual(notes(today.body), []);
  });
});
