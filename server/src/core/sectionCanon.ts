/**
 * The standard sections of each Contributor Covenant family, in upstream order, with the
 * English headings upstream uses (facts). Translated headings are derived from the bundled
 * texts by position (see upstream/library.ts), never listed here.
 */
export type SectionId =
  | 'title'
  | 'pledge'
  | 'standards'
  | 'responsibilities'
  | 'enforcement-responsibilities'
  | 'scope'
  | 'enforcement'
  | 'enforcement-guidelines'
  | 'encouraged-behaviors'
  | 'restricted-behaviors'
  | 'other-restrictions'
  | 'reporting'
  | 'addressing-harm'
  | 'attribution';

export type Family = '1.x' | '2.x' | '3.x';

export interface CanonSection {
  id: SectionId;
  /** The heading as the English upstream text writes it. */
  heading: string;
  /** Heading depth upstream (3.0's Other Restrictions sits under Restricted Behaviors). */
  depth: number;
}

/** Sections in upstream order per family. 1.0–1.3 have no section headings; 1.4 defines 1.x's set. */
export const CANON: Record<Family, CanonSection[]> = {
  '1.x': [
    { id: 'pledge', heading: 'Our Pledge', depth: 2 },
    { id: 'standards', heading: 'Our Standards', depth: 2 },
    { id: 'responsibilities', heading: 'Our Responsibilities', depth: 2 },
    { id: 'scope', heading: 'Scope', depth: 2 },
    { id: 'enforcement', heading: 'Enforcement', depth: 2 },
    { id: 'attribution', heading: 'Attribution', depth: 2 },
  ],
  '2.x': [
    { id: 'pledge', heading: 'Our Pledge', depth: 2 },
    { id: 'standards', heading: 'Our Standards', depth: 2 },
    { id: 'enforcement-responsibilities', heading: 'Enforcement Responsibilities', depth: 2 },
    { id: 'scope', heading: 'Scope', depth: 2 },
    { id: 'enforcement', heading: 'Enforcement', depth: 2 },
    { id: 'enforcement-guidelines', heading: 'Enforcement Guidelines', depth: 2 },
    { id: 'attribution', heading: 'Attribution', depth: 2 },
  ],
  '3.x': [
    { id: 'pledge', heading: 'Our Pledge', depth: 2 },
    { id: 'encouraged-behaviors', heading: 'Encouraged Behaviors', depth: 2 },
    { id: 'restricted-behaviors', heading: 'Restricted Behaviors', depth: 2 },
    { id: 'other-restrictions', heading: 'Other Restrictions', depth: 3 },
    { id: 'reporting', heading: 'Reporting an Issue', depth: 2 },
    { id: 'addressing-harm', heading: 'Addressing and Repairing Harm', depth: 2 },
    { id: 'scope', heading: 'Scope', depth: 2 },
    { id: 'attribution', heading: 'Attribution', depth: 2 },
  ],
};

/** The family of a version string: "2.1" → "2.x". */
export function familyOf(version: string): Family {
  const major = version.split('.')[0];
  return major === '1' ? '1.x' : major === '3' ? '3.x' : '2.x';
}

/** Human names for section ids, for messages. */
export function sectionName(id: SectionId): string {
  if (id === 'title') return 'Title';
  for (const family of Object.values(CANON)) {
    const found = family.find((s) => s.id === id);
    if (found) return found.heading;
  }
  return id;
}
