import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateParagraph } from '../../../server/src/core/rules/duplicate-paragraph';
import { applyFixes, listed, run, seen } from '../../support/rules';
import { seed, upstreamLibrary } from '../../support/upstream';

const KIND = 'Everyone who takes part in the garden club is expected to be kind and patient with others.';
const REPORT = 'Tell the two organisers in private when something goes wrong, and they will reply within a week.';

describe('duplicate-paragraph', () => {
  it('reports the second copy of a paragraph, ignoring case, wrapping and emphasis, and the fix deletes it', () => {
    const text = `# Garden club rules\n\n${KIND}\n\n## Reporting\n\n${REPORT}\n\n*${KIND.toUpperCase().replace(' IN THE', '\nIN THE')}*\n\nThank you.\n`;
    const findings = run(duplicateParagraph, text);
    assert.deepEqual(seen(text, findings).map((s) => s.line), [9], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected repeat of the paragraph "EVERYONE WHO TAKES PART IN THE…" from line 3, expected each paragraph once\.$/);
    assert.equal(applyFixes(text, findings), `# Garden club rules\n\n${KIND}\n\n## Reporting\n\n${REPORT}\n\nThank you.\n`);
  });

  it('leaves alone short repeated lines, repeated list items and headings', () => {
    const text = '# Rules\n\n## Warning\n\nThank you for reading.\n\n- **Consequence**: a private written warning from the organisers of the club.\n\n## Ban\n\nThank you for reading.\n\n- **Consequence**: a private written warning from the organisers of the club.\n';
    const findings = run(duplicateParagraph, text);
    assert.deepEqual(findings, [], listed(text, findings));
  });

  it('reports a policy pasted twice once, at the start of the second copy', () => {
    const paragraphs = [KIND, REPORT, 'Organisers may remove posts that break these rules and will say why they did so.', 'These rules apply at meetings, on the mailing list and wherever the club is represented.'];
    const copy = `# Garden club rules\n\n${paragraphs.join('\n\n')}\n`;
    const text = `${copy}\n${copy}`;
    const findings = run(duplicateParagraph, text);
    assert.deepEqual(seen(text, findings).map((s) => s.line), [13], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected second copy of the policy from here on \(4 paragraphs repeat ones above/);
  });

  it('reports nothing on the verbatim upstream texts or the seeds', () => {
    const found: string[] = [];
    for (const t of upstreamLibrary().texts) for (const f of run(duplicateParagraph, t.body)) found.push(`${t.entry.version} ${t.entry.language}: ${f.message}`);
    for (const n of ['000', '001', '002', '003', '004']) for (const f of run(duplicateParagraph, seed(n))) found.push(`seed ${n}: ${f.message}`);
    assert.deepEqual(found, []);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n', `${KIND}\n\n${KIND}`, `> ${KIND}\n\n> ${KIND}`]) run(duplicateParagraph, text);
  });
});
