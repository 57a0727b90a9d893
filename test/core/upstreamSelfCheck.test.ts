import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, LineIndex } from '../../server/src/core/index';
import { upstreamLibrary } from '../support/upstream';

/**
 * Every finding the whole engine may report on a verbatim upstream text, beyond the
 * template placeholders (reported on all but 1.0–1.2) and the information note that a newer
 * version exists (all but 3.0). Each entry is a real defect of the upstream file, checked by
 * hand against its source; anything else is a false positive and fails this test.
 */
const GENUINE: Record<string, string[]> = {
  // 1.0–1.2 ask for reports only through public channels.
  '1.0 en': ['4 private-reporting-channel information', '14 malformed-url warning'],
  '1.1 en': ['4 private-reporting-channel information'],
  '1.2 en': ['4 private-reporting-channel information'],
  // The title is "#" and a no-break space, which Markdown shows as text.
  '1.3 es': ['2 heading-structure warning'],
  // The title writes "Kодекс" and "Oднесување" with a Latin K and O inside Cyrillic words.
  '1.4 mk': ['2 lookalike-characters warning', '2 lookalike-characters warning'],
  // A section heading written with one "#"; a definition glued to its paragraph.
  '1.4 fa-ir': ['29 heading-structure warning', '58 undefined-reference warning'],
  // Rung 3's heading swallowed its first field and rung 4 lost its heading; the [homepage]
  // definition runs on into the next sentence.
  '2.0 ja': ['66 ladder-incomplete warning', '66 rung-missing-field warning', '72 undefined-reference warning'],
  // The file ends before three of its reference definitions.
  '2.1 gl': ['77 undefined-reference warning', '80 undefined-reference warning', '80 undefined-reference warning'],
  // "Community Managers" once among "Community Moderators".
  '3.0 en': ['78 inconsistent-role-terms warning'],
};

describe('verbatim upstream texts', () => {
  const library = upstreamLibrary();

  it('report nothing but their placeholders, the newer-version note and their genuine defects', () => {
    const unexpected: string[] = [];
    for (const text of library.texts) {
      const key = `${text.entry.version} ${text.entry.language}`;
      const lines = new LineIndex(text.body);
      const { findings } = checkText(text.body, library, { env: { fileExists: () => true } });
      const seen = findings
        .filter((f) => f.rule !== 'unfilled-placeholder' && f.rule !== 'outdated-base')
        .map((f) => `${lines.positionAt(f.span.start).line + 1} ${f.rule} ${f.severity}`);
      const expected = GENUINE[key] ?? [];
      if (JSON.stringify(seen) !== JSON.stringify(expected)) unexpected.push(`${key}: got ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
      if (text.entry.version !== '3.0' && !findings.some((f) => f.rule === 'outdated-base' && f.severity === 'information')) unexpected.push(`${key}: no outdated-base note`);
    }
    assert.deepEqual(unexpected, []);
  });

  it('report each text\'s own reporting placeholder, in every language that has one', () => {
    const missing: string[] = [];
    for (const text of library.texts) {
      if (['1.0', '1.1', '1.2'].includes(text.entry.version)) continue;
      const { findings } = checkText(text.body, library);
      if (!findings.some((f) => f.rule === 'unfilled-placeholder')) missing.push(`${text.entry.version} ${text.entry.language}`);
    }
    assert.deepEqual(missing, []);
  });
});
