import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictingClaims } from '../../../server/src/core/rules/conflicting-claims';
import { covenantBase, runRule } from '../../support/rules';
import { upstreamLibrary, upstreamText } from '../../support/upstream';

/** A policy of our own words under 2.1's section headings (taken from the library at run time). */
function rewrittenUnder21(claim: string): string {
  const library = upstreamLibrary();
  const headings = library.sectionsOf(upstreamText('2.1')).map((s) => s.heading);
  const body = headings.map((h, i) => `## ${h}\n\nPoint ${i + 1}: be decent to each other, and tell the stewards when someone is not; they answer within a week.\n`);
  return `# Pebble rules\n\n${claim}\n\n${body.join('\n')}`;
}

describe('conflicting-claims', () => {
  it('reports a second, different Contributor Covenant version claimed in one policy', () => {
    const text = '# Pebble rules\n\nThis project follows the Contributor Covenant, version 2.0.\n\nBe kind.\n\n## Credits\n\nOur rules come from the Contributor Covenant, version 2.1.\n';
    const findings = runRule(conflictingClaims, text);
    assert.deepEqual(findings.map((f) => [f.line, f.text]), [[9, 'Contributor Covenant, version 2.1']]);
    assert.match(findings[0].message, /also claims 2\.0 \(line 3\); expected one version throughout/);
  });

  it('leaves the second claim to attribution-version when the text is a close copy of one version', () => {
    const text = 'Follows the Contributor Covenant, version 2.0.\n\nAdapted from the Contributor Covenant, version 2.1.\n';
    assert.deepEqual(runRule(conflictingClaims, text, covenantBase('2.1', 0.9)), []);
  });

  it('reports two different revision labels, and a label that disagrees with the revision history', () => {
    const text = '# Pebble Code of Conduct, Revision 2.2\n\nBe kind.\n\n_Revision 2.3. Posted 6 March 2017._\n\n_Revision 2.2. Posted 4 February 2016._\n';
    const findings = runRule(conflictingClaims, text);
    assert.deepEqual(findings.map((f) => [f.line, f.text]), [[1, 'Revision 2.2']]);
    assert.match(findings[0].message, /revision history ends at 2\.3/);
    assert.deepEqual(runRule(conflictingClaims, '# Rules, Revision 1.1\n\nBe kind.\n\nThis is Revision 1.2 of the rules.\n').map((f) => f.text), ['Revision 1.2']);
  });

  it('leaves a revision history alone', () => {
    assert.deepEqual(runRule(conflictingClaims, 'Be kind.\n\n_Revision 2.1. Posted 23 June 2014._\n\n_Revision 2.0, adopted by the board on 10 January 2013._\n'), []);
  });

  it('notes, at information level, a claim to be a version whose sections the body rewords', () => {
    const text = rewrittenUnder21('This project follows the Contributor Covenant v2.1.');
    const findings = runRule(conflictingClaims, text);
    assert.deepEqual(findings.map((f) => [f.line, f.text, f.severity]), [[3, 'Contributor Covenant v2.1', 'information']]);
    assert.match(findings[0].message, /^Claims Contributor Covenant 2\.1, but keeps \d+% of its wording: it condenses or rewords/);
    assert.match(findings[0].message, /adapted from 2\.1/);
  });

  it('accepts a rewrite that says it is adapted, and the verbatim text that claims its own version', () => {
    assert.deepEqual(runRule(conflictingClaims, rewrittenUnder21('Adapted from the Contributor Covenant v2.1.')), []);
    const library = upstreamLibrary();
    for (const upstream of library.texts) {
      const base = covenantBase(upstream.entry.version, 1, upstream.entry.language);
      assert.deepEqual(runRule(conflictingClaims, upstream.body, base).map((f) => f.message), [], `${upstream.entry.version} ${upstream.entry.language}`);
    }
  });
});
