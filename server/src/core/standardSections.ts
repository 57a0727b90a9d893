import type { ConductDocument } from './document';
import { baseText, sectionsPresentByContent } from './rules/ruleSupport';
import type { PolicyBase } from './rules/types';
import { CANON, familyOf, type CanonSection, type SectionId } from './sectionCanon';
import type { Section } from './structure/sections';
import type { UpstreamLibrary, UpstreamSection } from './upstream/library';
import type { UpstreamText } from './upstream/types';

/** A standard section of an upstream text, ready to be inserted into one policy. */
export interface StandardSection {
  id: SectionId;
  /** The heading as the upstream text writes it, in its language. */
  heading: string;
  /** The heading depth that fits this policy (upstream's, shifted as the policy shifts its own headings). */
  depth: number;
  /** The upstream body, verbatim. */
  markdown: string;
  /** Whether the policy already has this section (by heading, or by wording under another heading). */
  present: boolean;
  /** The template placeholders in the body, as written there. */
  placeholders: string[];
}

/** Where and what to insert: `text` at `offset`, with the blank lines around it that keep the Markdown apart. */
export interface SectionInsertion {
  offset: number;
  /** Plain text, for a workspace edit. */
  text: string;
  /** The same text as snippet syntax: `$`, `}` and `\` escaped, each placeholder a tab stop. */
  snippet: string;
  /** The policy's heading the section goes after, or undefined when it goes first or at the end. */
  after?: string;
  /** The policy's heading the section goes before, when it goes before one. */
  before?: string;
}

/**
 * The standard sections of `text` in upstream order, marked present or missing in `doc`.
 * An earlier wording whose headings do not map onto the canon borrows today's sections, as
 * the rules do. 1.0–1.3 have no sections, so the list is empty.
 */
export function standardSections(doc: ConductDocument, text: UpstreamText, library: UpstreamLibrary, presentByContent: ReadonlySet<SectionId> = new Set()): StandardSection[] {
  const own = library.sectionsOf(text);
  const current = own.length || !text.revision ? undefined : library.currentOf(text);
  const sections: readonly UpstreamSection[] = current ? library.sectionsOf(current) : own;
  const canon = CANON[familyOf(text.entry.version)];
  const shift = depthShift(doc, canon);
  const placeholders = library.placeholders.filter((p) => p.sources.includes(text) || (current !== undefined && p.sources.includes(current))).map((p) => p.text);
  const present = new Set([...doc.sections.map((s) => s.id), ...presentByContent]);
  const canonDepth = (id: SectionId) => canon.find((c) => c.id === id)?.depth ?? 2;
  return sections.map((section, i) => {
    const depth = Math.min(6, Math.max(1, canonDepth(section.id) + shift));
    const markdown = withoutPresentChildren(section, sections.slice(i + 1), canonDepth, present);
    return { id: section.id, heading: section.heading, depth, markdown, present: present.has(section.id), placeholders: occurrences(markdown, placeholders) };
  });
}

/**
 * A section's body without the standard subsections the policy already has (3.0's Restricted
 * Behaviors holds Other Restrictions): inserting the parent must not repeat them.
 */
function withoutPresentChildren(section: UpstreamSection, later: readonly UpstreamSection[], depthOf: (id: SectionId) => number, present: ReadonlySet<SectionId | undefined>): string {
  let markdown = section.markdown;
  for (const child of later) {
    if (depthOf(child.id) <= depthOf(section.id)) break;
    if (!present.has(child.id)) continue;
    const at = new RegExp(`^#{1,6}[ \\t]+${escapeRegExp(child.heading)}[ \\t#]*$`, 'm').exec(markdown)?.index;
    if (at !== undefined) markdown = markdown.slice(0, at).trimEnd();
  }
  return markdown;
}

/** How much deeper than upstream the policy writes its standard headings (a policy may use `#` for sections). */
function depthShift(doc: ConductDocument, canon: readonly CanonSection[]): number {
  for (const section of doc.sections) {
    const known = section.id && section.heading.source === 'atx' ? canon.find((c) => c.id === section.id) : undefined;
    if (known) return section.heading.depth - known.depth;
  }
  return 0;
}

/** The placeholders as the body writes them (white space may wrap differently from the folded form). */
function occurrences(markdown: string, placeholders: readonly string[]): string[] {
  const found = new Set<string>();
  for (const placeholder of placeholders) {
    const pattern = new RegExp(placeholder.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
    for (const match of markdown.matchAll(pattern)) found.add(match[0]);
  }
  return [...found];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Escapes text for snippet syntax, where `$`, `}` and `\` are special. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A section as Markdown: its heading and body, each line ending in `eol`. */
function sectionBlock(section: StandardSection, eol: string): string {
  return `${'#'.repeat(section.depth)} ${section.heading}${eol}${eol}${section.markdown.replace(/\r?\n/g, eol)}`;
}

/**
 * A section's heading and body as snippet syntax, with each placeholder a tab stop whose
 * default is the placeholder itself (so leaving it gives upstream's text), the same
 * placeholder the same stop, and the final cursor after the body.
 */
export function sectionSnippet(section: StandardSection, eol = '\n'): string {
  return `${toSnippet(sectionBlock(section, eol), section.placeholders)}$0`;
}

function toSnippet(text: string, placeholders: readonly string[]): string {
  if (!placeholders.length) return escapeSnippet(text);
  const stops = new Map<string, number>();
  const pattern = new RegExp([...placeholders].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  let snippet = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const stop = stops.get(match[0]) ?? stops.size + 1;
    stops.set(match[0], stop);
    snippet += `${escapeSnippet(text.slice(at, match.index))}\${${stop}:${escapeSnippet(match[0])}}`;
    at = match.index + match[0].length;
  }
  return snippet + escapeSnippet(text.slice(at));
}

/**
 * Inserts `section` at `offset` in `policyText`, as its own block: a blank line before it
 * (unless it starts the file) and after it (unless it ends the file). The edit is an
 * insertion only, so undo removes exactly it.
 */
export function insertionAt(policyText: string, offset: number, section: StandardSection): SectionInsertion {
  const eol = policyText.includes('\r\n') ? '\r\n' : '\n';
  const before = policyText.slice(0, offset);
  const after = policyText.slice(offset);
  const lead = before === '' || before.endsWith(eol + eol) ? '' : before.endsWith(eol) ? eol : eol + eol;
  const trail = after === '' ? eol : after.trim() === '' || after.startsWith(eol + eol) ? '' : after.startsWith(eol) ? eol : eol + eol;
  const block = sectionBlock(section, eol);
  return {
    offset,
    text: lead + block + trail,
    snippet: `${escapeSnippet(lead)}${toSnippet(block, section.placeholders)}${escapeSnippet(trail)}$0`,
  };
}

/**
 * Where a section belongs in the policy, and what to insert there: before a subsection of
 * its own that the policy has; else after the nearest standard section that upstream puts
 * before it and the policy has; else before the nearest one upstream puts after it; else
 * at the end.
 */
export function sectionInsertion(doc: ConductDocument, sections: readonly StandardSection[], id: SectionId): SectionInsertion | undefined {
  const index = sections.findIndex((s) => s.id === id);
  if (index < 0) return undefined;
  const section = sections[index];
  const find = (other: StandardSection) => doc.sections.find((s) => s.id === other.id);
  // A parent goes right before a subsection of its own that the policy has, which would otherwise sit under the previous section.
  const later = sections.slice(index + 1);
  const end = later.findIndex((s) => s.depth <= section.depth);
  const child = (end < 0 ? later : later.slice(0, end)).map(find).find(Boolean);
  if (child) return { ...insertionAt(doc.text, child.heading.span.start, section), before: child.heading.title };
  const preceding = sections.slice(0, index).reverse().map(find).find(Boolean);
  if (preceding) {
    // A deeper section (3.0's Other Restrictions) ends inside its parent: go after the parent.
    let anchor: Section = preceding;
    while (anchor.heading.depth > section.depth && anchor.parent !== undefined) anchor = doc.sections[anchor.parent];
    const next = doc.sections.find((s) => s.heading.span.start >= anchor.span.end);
    return { ...insertionAt(doc.text, anchor.span.end, section), after: anchor.heading.title, ...(next && { before: next.heading.title }) };
  }
  const following = sections.slice(index + 1).map(find).find(Boolean);
  if (following) return { ...insertionAt(doc.text, following.heading.span.start, section), before: following.heading.title };
  return insertionAt(doc.text, doc.text.length, section);
}

/**
 * The standard sections on offer for a policy: those of `chosen` when the user picked a
 * version, else of the detected base (whose per-section scores also count a section as
 * present when its wording sits under another heading). Undefined when the policy follows
 * no bundled Covenant text and none was chosen.
 */
export function policyStandardSections(doc: ConductDocument, base: PolicyBase | undefined, library: UpstreamLibrary, chosen?: UpstreamText): { text: UpstreamText; sections: StandardSection[] } | undefined {
  const detected = base?.family === 'contributor-covenant' ? baseText(base, library) : undefined;
  const text = chosen ?? detected;
  if (!text) return undefined;
  const byContent = base && detected && text === detected ? sectionsPresentByContent(base, library) : new Set<SectionId>();
  return { text, sections: standardSections(doc, text, library, byContent) };
}
