import type { ConductDocument } from './document';
import { RUNGS } from './ladderRungs';
import { foldLabel } from './normalize';
import { sectionName } from './sectionCanon';
import type { Span } from './span';
import type { LadderRung } from './structure/ladder';
import type { Section } from './structure/sections';

/** One entry of a policy's outline: a heading, or a rung of its enforcement ladder. */
export interface OutlineEntry {
  /** The heading or rung label as the policy writes it. */
  name: string;
  /** The canonical name (a standard section's, an upstream rung's) when it says something the name does not. */
  detail?: string;
  /** `title` is a top level-1 heading that is no standard section: it names the policy (or one version of it). */
  kind: 'title' | 'section' | 'rung';
  /** Everything the entry covers, from its heading to the next heading of the same or a shallower depth. */
  span: Span;
  /** The heading or label itself. */
  selectionSpan: Span;
  children: OutlineEntry[];
}

/**
 * The policy's outline: its headings nested by depth, the enforcement ladder's rungs under
 * the section that holds them (a 3.0 ladder is a numbered list, not headings, so its rungs
 * are added under their section), and each recognised section's canonical name where the
 * heading differs from it (a translation, a renamed section). A file holding several
 * versions of its policy gets one tree per version, since each starts with its own title.
 */
export function documentOutline(doc: ConductDocument): OutlineEntry[] {
  const rungAtHeading = new Map(doc.ladder.filter((r) => r.form === 'heading').map((r) => [r.labelSpan.start, r]));
  const entries = doc.sections.map((section) => sectionEntry(section, rungAtHeading.get(section.heading.span.start)));
  const roots: OutlineEntry[] = [];
  doc.sections.forEach((section, i) => (section.parent === undefined ? roots : entries[section.parent].children).push(entries[i]));
  for (const rung of doc.ladder) {
    if (rung.form !== 'list') continue;
    const holder = innermostHolding(doc.sections, rung.labelSpan.start);
    const entry = rungEntry(rung, { span: rung.span, selectionSpan: rung.labelSpan, name: rung.name });
    if (holder === undefined) roots.push(entry);
    else entries[holder].children.push(entry);
  }
  return roots;
}

function sectionEntry(section: Section, rung: LadderRung | undefined): OutlineEntry {
  const placed = { name: section.heading.title, span: section.span, selectionSpan: section.heading.span };
  if (rung) return rungEntry(rung, placed);
  const canonical = section.id && sectionName(section.id);
  // Each version in a multi-version file starts with its own level-1 title.
  const isTitle = section.heading.depth === 1 && !section.id && section.parent === undefined;
  return { ...placed, ...differing(canonical, section.heading.title), kind: isTitle ? 'title' : 'section', children: [] };
}

function rungEntry(rung: LadderRung, placed: Pick<OutlineEntry, 'name' | 'span' | 'selectionSpan'>): OutlineEntry {
  return { ...placed, ...differing(rung.id && RUNGS[rung.id].name, rung.name), kind: 'rung', children: [] };
}

/** `{ detail }` when the canonical name is known and is not what the policy writes (numbering and case aside). */
function differing(canonical: string | undefined, written: string): { detail?: string } {
  if (!canonical) return {};
  return foldLabel(written) === foldLabel(canonical) ? {} : { detail: canonical };
}

/** The index of the innermost section whose body holds `offset`. */
function innermostHolding(sections: readonly Section[], offset: number): number | undefined {
  let found: number | undefined;
  sections.forEach((section, i) => {
    if (offset >= section.bodySpan.start && offset < section.span.end) found = i;
  });
  return found;
}

/**
 * What can be folded: every section and every rung, each from its heading or label to its
 * last line with text (trailing blank lines stay visible, as VS Code's own Markdown folding
 * leaves them). Spans in document order, outer before inner.
 */
export function foldableSpans(doc: ConductDocument): Span[] {
  const spans: Span[] = [];
  const visit = (entries: readonly OutlineEntry[]) => {
    for (const entry of entries) {
      let end = entry.span.end;
      while (end > entry.selectionSpan.end && /\s/.test(doc.text[end - 1])) end--;
      spans.push({ start: entry.span.start, end });
      visit(entry.children);
    }
  };
  visit(documentOutline(doc));
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
