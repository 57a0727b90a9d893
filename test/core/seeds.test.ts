import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, LineIndex, parseConductDocument } from '../../server/src/core/index';
import { byPosition, SEED_EXPECTATIONS } from '../support/seedExpectations';
import { seed, upstreamLibrary } from '../support/upstream';

const library = upstreamLibrary();
// SECURITY.md and the like do not exist beside the seeds.
const env = { fileExists: () => false };

describe('seed policies', () => {
  for (const [number, expected] of Object.entries(SEED_EXPECTATIONS)) {
    it(`seed ${number} reports exactly its table of findings and detects ${expected.base.version} ${expected.base.language}`, () => {
      const text = seed(number);
      const lines = new LineIndex(text);
      const result = checkText(text, library, { env });
      assert.equal(result.base?.family, 'contributor-covenant');
      assert.deepEqual({ version: result.base?.version, language: result.base?.language }, expected.base);
      const actual = result.findings.map((f) => ({
        rule: f.rule,
        line: lines.positionAt(f.span.start).line + 1,
        endLine: lines.positionAt(f.span.end).line + 1,
        message: f.message,
      }));
      const shape = (list: { rule: string; line: number }[]) => [...list].map(({ rule, line }) => ({ rule, line })).sort(byPosition);
      assert.deepEqual(shape(actual), shape(expected.findings), JSON.stringify(actual, null, 1));
      for (const want of expected.findings) {
        const got = actual.find((a) => a.rule === want.rule && a.line === want.line)!;
        if (want.endLine) assert.equal(got.endLine, want.endLine, `${want.rule} on ${want.line}`);
        if (want.mentions) assert.ok(got.message.includes(want.mentions), `${want.rule} on ${want.line}: ${got.message}`);
      }
    });
  }

  it('seed 000: recognises the custom three-rung ladder and one personal contact', () => {
    const doc = parseConductDocument(seed('000'), library);
    assert.deepEqual(doc.ladder.map((r) => [r.name, r.id]), [['Warning', 'warning'], ['Temporary Suspension', 'temporary-suspension'], ['Permanent Ban', 'permanent-ban']]);
    const emails = new Set(doc.contacts.filter((c) => c.kind === 'email').map((c) => c.value));
    assert.deepEqual([...emails], ['louischua@gmail.com']);
  });

  it('seed 004: reads plain text from a PDF, finding headings without "#" and all four rungs', () => {
    const text = seed('004');
    const doc = parseConductDocument(text, library);
    const lines = new LineIndex(text);
    assert.equal(doc.format, 'plain');
    const sections = doc.sections.filter((s) => s.id).map((s) => [s.id, lines.positionAt(s.heading.span.start).line + 1]);
    assert.deepEqual(sections, [['pledge', 6], ['standards', 31], ['enforcement-responsibilities', 66], ['scope', 78], ['enforcement', 91], ['enforcement-guidelines', 102], ['attribution', 151]]);
    assert.deepEqual(doc.ladder.map((r) => [r.id, r.fields.map((f) => f.id)]), [
      ['correction', ['community-impact', 'consequence']],
      ['warning', ['community-impact', 'consequence']],
      ['temporary-ban', ['community-impact', 'consequence']],
      ['permanent-ban', ['community-impact', 'consequence']],
    ]);
  });
});
