import type { ConductDocument } from '../document';
import type { RungId } from '../ladderRungs';
import type { SectionId } from '../sectionCanon';
import type { Span } from '../span';
import { firstTokenAt, type CompareToken, type TokenizedText } from './tokens';

/**
 * A piece of a text that is compared as a whole: a section's own text (its heading and what
 * follows up to the next heading), or one rung of the ladder. Subsections are units of their
 * own, so a change is reported once, in the innermost part that holds it.
 */
export interface CompareUnit {
  /** What identifies the unit across texts: "section:<id>", "rung:<id>", "title" or "preamble"; undefined for an addendum. */
  key?: string;
  id?: SectionId;
  rung?: RungId;
  /** The heading as written ('' for text before the first heading). */
  heading: string;
  depth: number;
  span: Span;
  /** Token index range [from, to) into the text's tokens. */
  from: number;
  to: number;
}

interface Cut {
  start: number;
  heading: string;
  depth: number;
  key?: string;
  id?: SectionId;
  rung?: RungId;
}

/** Cuts a read document into units, in document order, each with its tokens. */
export function unitsOf(doc: ConductDocument, tokenized: TokenizedText): CompareUnit[] {
  const cuts: Cut[] = [];
  const rungAt = new Map(doc.ladder.filter((r) => r.form === 'heading').map((r) => [r.labelSpan.start, r]));
  doc.sections.forEach((section, i) => {
    const rung = rungAt.get(section.heading.span.start);
    const cut: Cut = { start: section.heading.span.start, heading: section.heading.title, depth: section.heading.depth };
    if (i === 0 && section.heading.depth === 1 && !section.id) cut.key = 'title';
    else if (rung?.id) Object.assign(cut, { key: `rung:${rung.id}`, rung: rung.id });
    else if (section.id) Object.assign(cut, { key: `section:${section.id}`, id: section.id });
    cuts.push(cut);
  });
  for (const rung of doc.ladder) {
    if (rung.form !== 'list') continue;
    cuts.push({ start: rung.span.start, heading: rung.name, depth: 7, ...(rung.id && { key: `rung:${rung.id}`, rung: rung.id }) });
  }
  cuts.sort((a, b) => a.start - b.start);
  const firstCut = cuts[0]?.start ?? doc.text.length;
  const units: CompareUnit[] = [];
  const tokens = tokenized.tokens;
  if (tokens.some((t) => t.span.start < firstCut)) units.push(unit({ start: 0, heading: '', depth: 0, key: 'preamble' }, firstCut, tokens));
  cuts.forEach((cut, i) => {
    const end = i + 1 < cuts.length ? cuts[i + 1].start : doc.text.length;
    // A list rung ends with its item; what follows it (a closing paragraph) belongs to the enclosing section again.
    const own = cut.depth === 7 ? Math.min(end, doc.ladder.find((r) => r.span.start === cut.start)?.span.end ?? end) : end;
    units.push(unit(cut, own, tokens));
    if (own < end && tokens.some((t) => t.span.start >= own && t.span.start < end)) {
      const parent = [...cuts.slice(0, i)].reverse().find((c) => c.depth < 7);
      units.push(unit({ ...(parent ?? { heading: '', depth: 0 }), start: own, key: parent?.key && `${parent.key}:after` }, end, tokens));
    }
  });
  return units;
}

function unit(cut: Cut, end: number, tokens: readonly CompareToken[]): CompareUnit {
  const from = firstTokenAt(tokens, cut.start);
  const to = firstTokenAt(tokens, end);
  return { key: cut.key, id: cut.id, rung: cut.rung, heading: cut.heading, depth: cut.depth, span: { start: cut.start, end }, from, to };
}
