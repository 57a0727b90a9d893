import type { ConductDocument } from '../document';
import { CANON, familyOf, type CanonSection, type Family, type SectionId } from '../sectionCanon';
import type { Span } from '../span';
import { sectionAt } from '../structure/sections';
import type { UpstreamLibrary, UpstreamSection } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import type { PolicyBase } from './types';

/**
 * Below this similarity a policy is its own text that borrows from the Covenant, not an
 * adaptation of it: rules that hold a policy to the upstream structure stay silent.
 */
export const CLOSE_ADAPTATION = 0.5;

/** Versions before 1.4 are a few paragraphs under one title: they have no standard sections. */
const UNSECTIONED = new Set(['1.0', '1.1', '1.2', '1.3']);

/** The family and section canon a policy follows, when it is a Covenant adaptation. */
export function baseFamily(base: PolicyBase): { family: Family; canon: CanonSection[]; version: string } | undefined {
  if (base.family !== 'contributor-covenant' || !base.version) return undefined;
  const family = familyOf(base.version);
  return { family, canon: UNSECTIONED.has(base.version) ? [] : CANON[family], version: base.version };
}

/** Whether an offset lies in the policy's Attribution section, where links credit the Covenant rather than name contacts. */
export function inAttribution(doc: ConductDocument, offset: number): boolean {
  let section = sectionAt(doc.sections, offset);
  while (section) {
    if (section.id === 'attribution') return true;
    section = section.parent === undefined ? undefined : doc.sections[section.parent];
  }
  return false;
}

/** How much of an upstream section must be in the policy for its content to count as present. */
const CONTENT_PRESENT = 0.5;

/**
 * Standard sections whose wording the policy contains, wherever it put them (under another
 * heading, merged into a neighbour), according to detection's per-section scores.
 */
export function sectionsPresentByContent(base: PolicyBase, library: UpstreamLibrary): Set<SectionId> {
  const present = new Set<SectionId>();
  const sections = baseSections(base, library);
  for (const scored of base.sections) {
    if (scored.similarity < CONTENT_PRESENT) continue;
    const id = sections.find((s) => s.heading === scored.heading)?.id;
    if (id) present.add(id);
  }
  return present;
}

/** The upstream text the policy follows: the earlier wording when detection found one. */
export function baseText(base: PolicyBase, library: UpstreamLibrary): UpstreamText | undefined {
  return base.source ?? (base.version && base.language ? library.find(base.version, base.language) : undefined);
}

/**
 * The standard sections of that text. An earlier wording whose headings do not map onto the
 * canon (a draft with a heading more or fewer) borrows today's, which it shares most of.
 */
export function baseSections(base: PolicyBase, library: UpstreamLibrary): readonly UpstreamSection[] {
  const text = baseText(base, library);
  if (!text) return [];
  const own = library.sectionsOf(text);
  const current = own.length || !text.revision ? undefined : library.currentOf(text);
  return current ? library.sectionsOf(current) : own;
}

/** The bundled versions newer than `version`, oldest first ("2.0" → 2.1, 3.0). */
export function newerVersions(library: UpstreamLibrary, version: string): string[] {
  const byNumber = (v: string) => v.split('.').map(Number);
  const [c, d] = byNumber(version);
  return [...new Set(library.texts.map((t) => t.entry.version))]
    .filter((v) => {
      const [a, b] = byNumber(v);
      return a > c || (a === c && b > d);
    })
    .sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
}

/** Where a note about the policy as a whole goes: its version claim, else its title, else the start. */
export function noteSpan(doc: ConductDocument): Span {
  return doc.attribution.versions[0]?.span ?? doc.headings[0]?.span ?? { start: 0, end: 0 };
}
