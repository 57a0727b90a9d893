import type { ConductDocument } from '../document';
import { foldLabel } from '../normalize';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import type { Rule } from './types';

/**
 * A file that holds two versions of its policy (a translation and the original, or one
 * paste twice) is checked version by version; this note says so, so that a reader knows
 * why the findings restart and can decide whether one copy should go.
 */
export const multipleDocuments: Rule = {
  id: 'multiple-documents',
  summary: 'The file holds more than one version of the policy (languages or copies); each is checked on its own.',
  defaultSeverity: 'information',
  check({ doc, blocks, library }) {
    if (!blocks || blocks.length < 2) return [];
    const lineOf = (offset: number) => doc.text.slice(0, offset).split('\n').length;
    const described = blocks.map(({ span, base }) => {
      const first = lineOf(span.start);
      const last = Math.max(first, lineOf(Math.max(span.start, span.end - 1)));
      const family = base.family === 'unknown' ? 'base not recognised' : [familyLabel(base.family), base.version].filter(Boolean).join(' ');
      const code = base.language ?? languageByHeadings(doc, span, library);
      return { lines: `lines ${first}–${last}`, about: [code && languageName(code), family].filter(Boolean).join(', ') };
    });
    const copies = described.every((d) => d.about === described[0].about);
    const second = blocks[1].span.start;
    const lineEnd = doc.text.indexOf('\n', second);
    const parts = described.map((d) => (copies ? d.lines : `${d.lines} (${d.about})`));
    const list = parts.length === 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
    const what = copies ? `${blocks.length} copies of the policy (${described[0].about})` : `${blocks.length} versions of the policy`;
    return [{ span: { start: second, end: lineEnd < 0 ? doc.text.length : lineEnd }, message: `This file holds ${what}, each checked on its own: ${list}.` }];
  },
};

const headingLanguages = new WeakMap<UpstreamLibrary, Map<string, Set<string>>>();

/**
 * The language whose upstream headings and rung names a block uses most, for a block that
 * detection could not place (a policy in its own words under the standard headings).
 */
function languageByHeadings(doc: ConductDocument, span: Span, library: UpstreamLibrary): string | undefined {
  let known = headingLanguages.get(library);
  if (!known) {
    known = new Map();
    for (const text of library.texts) {
      const labels = [...library.sectionsOf(text).map((s) => s.heading), ...library.rungsOf(text).map((r) => r.name)];
      for (const label of labels) known.set(foldLabel(label), (known.get(foldLabel(label)) ?? new Set()).add(text.entry.language));
    }
    headingLanguages.set(library, known);
  }
  const votes = new Map<string, number>();
  for (const heading of doc.headings) {
    if (heading.span.start < span.start || heading.span.start >= span.end) continue;
    for (const language of known.get(foldLabel(heading.title.replace(/^\s*\p{Nd}+\s*[.)]\s*/u, ''))) ?? []) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  const [best] = [...votes].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 ? best[0] : undefined;
}

/** "contributor-covenant" → "Contributor Covenant", "geek-feminism" → "Geek Feminism". */
function familyLabel(family: string): string {
  return family.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** "es" → "Spanish", "pt-br" → "Brazilian Portuguese"; the code itself when the runtime has no name for it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
