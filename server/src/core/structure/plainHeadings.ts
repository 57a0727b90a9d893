import { URL_LINE } from '../patterns';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';

/** A heading found from the shape of lines rather than Markdown syntax. */
export interface LineHeading {
  depth: number;
  title: string;
  span: Span;
  source: 'plain' | 'rst';
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '' && match.index >= text.length) break;
    const body = match[0].replace(/\r?\n$|\r$/, '');
    lines.push({ text: body, start: match.index, end: match.index + body.length });
  }
  return lines;
}

const BLANK = /^[\s\u00A0]*$/;
/** reStructuredText adornment: a line of one repeated punctuation character. */
const ADORNMENT = /^([=\-~^"'`#*+:._])\1{2,}\s*$/;
const BULLET = /^\s*[•·‣◦▪●○■□►▶➢\-*–—]\s/;
const NUMBERED = /^\s*\p{Nd}+\s*[.)]\s*/u;

/**
 * reStructuredText-style headings: a title underlined (and optionally overlined) by a run
 * of one punctuation character at least as long as the title. Depth follows the order in
 * which adornment styles first appear, as in reST itself.
 */
export function rstHeadings(text: string): LineHeading[] {
  const lines = splitLines(text);
  const styles: string[] = [];
  const headings: LineHeading[] = [];
  for (let i = 1; i < lines.length; i++) {
    const under = ADORNMENT.exec(lines[i].text);
    const title = lines[i - 1].text.trim();
    if (!under || !title || BLANK.test(lines[i - 1].text) || ADORNMENT.test(lines[i - 1].text)) continue;
    if (lines[i].text.trim().length < title.length) continue;
    const over = i >= 2 && lines[i - 2].text.trim() === lines[i].text.trim();
    const style = `${over ? 'o' : ''}${under[1]}`;
    if (!styles.includes(style)) styles.push(style);
    const first = over ? lines[i - 2] : lines[i - 1];
    headings.push({ depth: Math.min(6, styles.indexOf(style) + 1), title, span: { start: first.start, end: lines[i].end }, source: 'rst' });
  }
  return headings;
}

/**
 * Headings of plain text, such as a policy extracted from a PDF: lines that name a known
 * section or rung in any bundled language, and short title-like lines standing on their
 * own. The first title line above every known section is the document title (depth 1);
 * rung names are depth 3, everything else depth 2.
 */
export function plainHeadings(text: string, library: UpstreamLibrary): LineHeading[] {
  const lines = splitLines(text);
  const headings: LineHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const title = line.text.trim();
    if (!title || title.length > 80 || URL_LINE.test(title) || BULLET.test(line.text)) continue;
    const before = i === 0 || BLANK.test(lines[i - 1].text);
    const after = i + 1 >= lines.length || BLANK.test(lines[i + 1].text);
    const span = { start: line.start + line.text.indexOf(title), end: line.start + line.text.indexOf(title) + title.length };
    if (library.rungNamed(title) && NUMBERED.test(title) && before) {
      headings.push({ depth: 3, title, span, source: 'plain' });
    } else if (library.sectionNamed(title) && before) {
      headings.push({ depth: 2, title, span, source: 'plain' });
    } else if (before && (after || i === firstContentLine(lines)) && looksLikeTitle(title)) {
      headings.push({ depth: 2, title, span, source: 'plain' });
    }
  }
  const firstKnown = headings.findIndex((h) => library.sectionNamed(h.title));
  if (headings.length && (firstKnown < 0 || firstKnown > 0) && headings[0].span.start <= lines[firstContentLine(lines)]?.end) headings[0].depth = 1;
  return headings;
}

function firstContentLine(lines: Line[]): number {
  const index = lines.findIndex((l) => !BLANK.test(l.text));
  return index < 0 ? 0 : index;
}

/**
 * A title: starts with an upper-case letter (or a digit), has at most ten words, does not
 * end like a sentence or a lead-in (".", ",", ";", ":"), and is not a "Label: value" line.
 * A question ("How do we define community?") is allowed: policies use them as headings.
 */
function looksLikeTitle(line: string): boolean {
  if (/[.,;:]$/.test(line) || /\S:\s+\S/.test(line)) return false;
  if (!/^[\p{Lu}\p{Lt}\p{N}“"'‘(]/u.test(line) && !/^\p{Lo}/u.test(line)) return false;
  const words = line.split(/\s+/);
  return words.length <= 10;
}
