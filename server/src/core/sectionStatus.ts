import { againstLabel, type ComparedAgainst } from './compare/describe';
import type { SectionComparison } from './compare/compare';

/** What a status needs of a section's comparison: the comparison engine's, or the diff view's copy of it. */
export type SectionStanding = Pick<SectionComparison, 'status' | 'similarity'>;

/**
 * A section's standing against its base in a few words, for a code lens or a hover:
 * "identical to 2.1", "identical to 2.1 (de)", "modified 12%" (the share of its words that
 * differ), "moved", "your addendum", "left out". Fields (a filled placeholder, a contact)
 * and formatting never count as modification, as in the comparison itself.
 */
export function sectionStatusTitle(section: SectionStanding, against: ComparedAgainst): string {
  switch (section.status) {
    case 'identical':
      return `identical to ${shortName(against)}`;
    case 'modified':
      return `modified ${changedPercent(section.similarity)}%`;
    case 'moved':
      return section.similarity < 1 ? `moved, modified ${changedPercent(section.similarity)}%` : 'moved';
    case 'added':
      return 'your addendum';
    case 'removed':
      return 'left out';
  }
}

/** The longer form, for a hover: "Modified: 12% of its words differ from Contributor Covenant 2.1 (en)." */
export function sectionStatusSentence(section: SectionStanding, against: ComparedAgainst): string {
  const base = againstLabel(against);
  switch (section.status) {
    case 'identical':
      return `Identical to ${base}.`;
    case 'modified':
      return `Modified: ${changedPercent(section.similarity)}% of its words differ from ${base}.`;
    case 'moved':
      return `Moved from where ${base} has it${section.similarity < 1 ? `, and ${changedPercent(section.similarity)}% of its words differ` : ''}.`;
    case 'added':
      return `Your own addendum: ${base} has no such section.`;
    case 'removed':
      return `Left out: ${base} has this section.`;
  }
}

/**
 * Whether a section of the comparison is one the policy shows under a heading or rung label
 * of its own: not the text before the first heading, nor the rest of a section after a rung
 * list, nor a section the policy left out.
 */
export function hasOwnHeading(section: Pick<SectionComparison, 'id' | 'status'>): boolean {
  return section.status !== 'removed' && section.id !== 'preamble' && !section.id?.endsWith(':after');
}

/** A changed share rounded to a whole percent, never shown as 0% for a section that did change. */
function changedPercent(similarity: number): number {
  return Math.max(1, Math.round((1 - similarity) * 100));
}

function shortName(against: ComparedAgainst): string {
  if (against.family === 'policy') return against.file ?? 'the other policy';
  const language = against.language && against.language !== 'en' ? ` (${against.language})` : '';
  return `${against.version ?? '?'}${language}`;
}
