import type { SectionId } from '../sectionCanon';
import type { Span } from '../span';
import { foldLabel } from '../normalize';
import type { UpstreamLibrary, UpstreamSection } from '../upstream/library';
import type { DocHeading } from './headings';

/** A part of the policy under one heading. */
export interface Section {
  /** The standard section it is, when recognised. */
  id?: SectionId;
  /** How it was recognised: by its heading, or by its wording matching an upstream section. */
  recognizedBy?: 'heading' | 'content';
  heading: DocHeading;
  /** From the heading to the next heading of the same or a shallower depth. */
  span: Span;
  /** After the heading, to the end of `span`. */
  bodySpan: Span;
  /** Index into the document's sections of the enclosing section, if any. */
  parent?: number;
}

/** Recognises a section from the wording of its own text (up to its first subheading) when its heading is not a standard one. */
export type ContentRecognizer = (body: Span) => SectionId | undefined;

/**
 * One section per heading, recognised first by the headings of the upstream text the
 * policy is based on (in order, so a translation that uses one heading twice, as 2.0 nl
 * does, still maps each to its own section), then by heading text in any bundled language,
 * then by content. The rest are the policy's own addenda (id undefined). The first heading,
 * when it is a level-1 title, is never a section of its own kind.
 */
export function readSections(
  text: string,
  headings: readonly DocHeading[],
  library: UpstreamLibrary,
  byContent?: ContentRecognizer,
  baseSections: readonly UpstreamSection[] = [],
): Section[] {
  const sections: Section[] = [];
  const open: number[] = [];
  const pending = new Map<string, SectionId[]>();
  for (const s of baseSections) pending.set(foldLabel(s.heading), [...(pending.get(foldLabel(s.heading)) ?? []), s.id]);
  headings.forEach((heading, i) => {
    const next = headings.slice(i + 1).find((h) => h.depth <= heading.depth);
    const span = { start: heading.span.start, end: next ? next.span.start : text.length };
    const bodySpan = { start: heading.span.end, end: span.end };
    while (open.length && sections[open[open.length - 1]].heading.depth >= heading.depth) open.pop();
    const section: Section = { heading, span, bodySpan, parent: open.at(-1) };
    const isTitle = i === 0 && heading.depth === 1;
    const named = isTitle ? undefined : (pending.get(foldLabel(heading.title))?.shift() ?? library.sectionNamed(heading.title));
    if (named) {
      section.id = named;
      section.recognizedBy = 'heading';
    } else if (!isTitle && byContent && !library.rungNamed(heading.title)) {
      const id = byContent(ownBody(headings, i, bodySpan));
      if (id) {
        section.id = id;
        section.recognizedBy = 'content';
      }
    }
    sections.push(section);
    open.push(sections.length - 1);
  });
  return sections;
}

/** A section's span up to its first subheading: what the heading itself introduces. */
function ownBody(headings: readonly DocHeading[], index: number, bodySpan: Span): Span {
  const nextHeading = headings[index + 1];
  return { start: bodySpan.start, end: nextHeading && nextHeading.span.start < bodySpan.end ? nextHeading.span.start : bodySpan.end };
}

/** The innermost section containing an offset. */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of sections) if (offset >= section.span.start && offset < section.span.end) found = section;
  return found;
}
