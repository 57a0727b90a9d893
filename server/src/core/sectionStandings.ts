import { compareWithUpstream, type Comparison, type SectionComparison } from './compare/compare';
import type { ComparedAgainst } from './compare/describe';
import { upstreamAgainst } from './compare/target';
import type { ConductDocument } from './document';
import { readPolicy } from './lint';
import type { PolicyBase } from './rules/types';
import type { Span } from './span';
import type { UpstreamLibrary } from './upstream/library';
import type { UpstreamText } from './upstream/types';

/** A stretch of the policy compared with one upstream text: the whole file, or one version in a multi-version file. */
export interface StandingPart {
  /** Where the part lies in the file; its comparison's policy spans are relative to `span.start`. */
  span: Span;
  comparison: Comparison;
  upstream: UpstreamText;
  against: ComparedAgainst;
}

/** A section's comparison, with its span in the whole file, and what it was compared with. */
export interface PlacedSection {
  section: SectionComparison;
  /** The section's span in the file. */
  span: Span;
  part: StandingPart;
}

const computed = new WeakMap<ConductDocument, StandingPart[]>();

/**
 * What the policy's sections are compared with: the whole file against its detected
 * Contributor Covenant text, or, in a file holding several versions (a translation beside
 * the original), each version against its own base, so the second language is not taken
 * for addenda of the first. Parts that follow no bundled Covenant text are left out.
 * Computed once per document model.
 */
export function standingParts(doc: ConductDocument, library: UpstreamLibrary, base: PolicyBase | undefined, blocks?: readonly { span: Span; base: PolicyBase }[]): StandingPart[] {
  let parts = computed.get(doc);
  if (parts) return parts;
  parts = [];
  if (blocks && blocks.length > 1) {
    for (const block of blocks) {
      const upstream = covenantText(library, block.base);
      const part = upstream && readPolicy(doc.text.slice(block.span.start, block.span.end), library).doc;
      if (upstream && part) parts.push({ span: block.span, comparison: compareWithUpstream(part, upstream, library), upstream, against: upstreamAgainst(upstream) });
    }
  } else {
    const upstream = covenantText(library, base);
    if (upstream) parts.push({ span: { start: 0, end: doc.text.length }, comparison: compareWithUpstream(doc, upstream, library), upstream, against: upstreamAgainst(upstream) });
  }
  computed.set(doc, parts);
  return parts;
}

/** Every compared section present in the policy, with its span in the file, in file order. */
export function sectionStandings(parts: readonly StandingPart[]): PlacedSection[] {
  return parts.flatMap((part) =>
    part.comparison.sections.flatMap((section) => (section.policy ? [{ section, part, span: { start: section.policy.start + part.span.start, end: section.policy.end + part.span.start } }] : [])),
  );
}

/** The standing of the section that starts at `offset` (a heading or rung label), if it was compared. */
export function standingAt(parts: readonly StandingPart[], offset: number): PlacedSection | undefined {
  return sectionStandings(parts).find((s) => s.span.start === offset);
}

/** The Contributor Covenant text a detection names (its earlier wording when it found one); none for another family. */
function covenantText(library: UpstreamLibrary, base: PolicyBase | undefined): UpstreamText | undefined {
  if (base?.family !== 'contributor-covenant' || !base.version || !base.language) return undefined;
  return base.source ?? library.find(base.version, base.language, base.revision?.commit) ?? library.find(base.version, base.language);
}
