// A policy derived at run time from an upstream text, for comparison tests in every suite:
// no upstream wording is copied into a fixture file.

/** The derived policy's one wording edit, in Our Pledge: these words are inserted. */
export const REWORDED = 'harassment-free and welcoming experience';

/** The contact the derived policy fills the reporting placeholder with. */
export const FILLED_CONTACT = 'conduct@pebble.example';

/** The derived policy's own section, put before Attribution. */
export const ADDENDUM_HEADING = 'Meetups';
export const ADDENDUM = `## ${ADDENDUM_HEADING}\n\nWe meet on Tuesdays, and whoever hosts brings the snacks.\n`;

/**
 * An English 2.x upstream body with one wording edit ({@link REWORDED}), its contact
 * placeholder filled ({@link FILLED_CONTACT}) and {@link ADDENDUM} added before Attribution.
 */
export function derivedPolicy(upstreamBody: string): string {
  for (const needed of ['harassment-free experience', '[INSERT CONTACT METHOD]', '\n## Attribution']) {
    if (!upstreamBody.includes(needed)) throw new Error(`expected an English 2.x upstream body, with "${needed}"`);
  }
  return upstreamBody
    .replace('harassment-free experience', REWORDED)
    .replace('[INSERT CONTACT METHOD]', FILLED_CONTACT)
    .replace('\n## Attribution', `\n${ADDENDUM}\n## Attribution`);
}
