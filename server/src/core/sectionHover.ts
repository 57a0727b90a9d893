import type { ConductDocument } from './document';
import { foldLabel } from './normalize';
import { sectionName } from './sectionCanon';
import type { PlacedSection } from './sectionStandings';
import { sectionStatusSentence } from './sectionStatus';
import type { Section } from './structure/sections';

/** The section whose heading holds `offset`, if any. */
export function headingAt(doc: ConductDocument, offset: number): Section | undefined {
  return doc.sections.find((s) => offset >= s.heading.span.start && offset <= s.heading.span.end);
}

/**
 * A section heading's hover: which standard section it is (and how it was recognised), and
 * how it stands against the detected base: identical, modified with the share of words
 * changed, or the policy's own addendum. `standing` is the section's comparison; null when
 * the comparison has none for it, undefined when the policy follows no Contributor Covenant
 * text closely enough to compare.
 */
export function explainSection(doc: ConductDocument, section: Section, standing: PlacedSection | null | undefined): string {
  const lines: string[] = [];
  const isTitle = doc.sections[0] === section && section.heading.depth === 1 && !section.id;
  if (isTitle) lines.push('**Title** of the policy.');
  else if (section.id) {
    const canonical = sectionName(section.id);
    lines.push(`**Standard section: ${canonical}**${section.recognizedBy === 'content' ? ', recognised by its wording' : ''}.`);
  } else {
    lines.push('**Your own section**: no Contributor Covenant text has a section with this heading or this wording.');
  }
  if (standing) {
    const compared = standing.section;
    lines.push('', sectionStatusSentence(compared, standing.part.against));
    if (compared.upstreamHeading && foldLabel(compared.upstreamHeading) !== foldLabel(compared.heading)) lines.push('', `The base calls it *${compared.upstreamHeading.replace(/[\\`*_~[\]<>|#]/g, (ch) => `\\${ch}`)}*.`);
  } else if (standing === undefined) {
    lines.push('', 'This policy follows no Contributor Covenant text closely enough to compare its sections.');
  }
  return lines.join('\n');
}
