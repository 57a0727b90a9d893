import { LineIndex, type Span } from './span';

/**
 * Inline suppression comments, as markdownlint has them, so a maintainer can silence one
 * finding where it stands instead of a rule everywhere:
 *
 * - `<!-- conduct-disable [rule-id…] -->` turns rules off from its line on;
 * - `<!-- conduct-enable [rule-id…] -->` turns them back on from its line on;
 * - `<!-- conduct-disable-line [rule-id…] -->` covers its own line;
 * - `<!-- conduct-disable-next-line [rule-id…] -->` covers the line after it;
 * - `<!-- conduct-disable-file [rule-id…] -->` covers the whole file, wherever it stands.
 *
 * No ids means every rule. Ids are separated by spaces or commas, and a reason may follow
 * ` -- ` (as in ESLint). A finding is covered by the line it starts on.
 */
export type SuppressionKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** One suppression comment as written. */
export interface SuppressionComment {
  kind: SuppressionKind;
  /** The rule ids it names that exist; empty with `all` set when it names none. */
  rules: string[];
  /** True when the comment names no rule: it covers every rule. */
  all: boolean;
  /** Ids it names that no rule has: reported, never silently ignored, since a typo would leave the finding standing. */
  unknown: string[];
  /** The whole comment, `<!--` to `-->`. */
  span: Span;
}

// Directive names are matched longest first, so "disable-next-line" is not read as "disable".
const COMMENT = /<!--[ \t]*conduct-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])([\s\S]*?)-->/g;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * Every suppression comment in `text`, in order. Comments inside fenced code blocks are
 * examples, not instructions, and are skipped.
 */
export function findSuppressionComments(text: string, knownRules: ReadonlySet<string>): SuppressionComment[] {
  if (!text.includes('conduct-')) return [];
  const fenced = fencedSpans(text);
  const comments: SuppressionComment[] = [];
  for (const match of text.matchAll(COMMENT)) {
    const start = match.index;
    if (fenced.some((f) => start >= f.start && start < f.end)) continue;
    const ids = match[2].split(/\s--\s|\s--$/)[0].split(/[\s,]+/).filter((id) => id !== '');
    comments.push({
      kind: match[1] as SuppressionKind,
      rules: ids.filter((id) => knownRules.has(id)),
      all: ids.length === 0,
      unknown: ids.filter((id) => !knownRules.has(id)),
      span: { start, end: start + match[0].length },
    });
  }
  return comments;
}

/**
 * Whether a finding of `rule` starting at `offset` is silenced by the comments. Built once
 * per text; each question is a walk over the comments, of which a policy has a handful.
 */
export function suppressionFilter(text: string, comments: readonly SuppressionComment[]): (rule: string, offset: number) => boolean {
  if (!comments.length) return () => false;
  const lines = new LineIndex(text);
  const placed = comments.map((c) => ({ ...c, line: lines.positionAt(c.span.start).line, endLine: lines.positionAt(c.span.end).line }));
  const names = (c: SuppressionComment, rule: string) => c.all || c.rules.includes(rule);
  return (rule, offset) => {
    const line = lines.positionAt(offset).line;
    let disabled = false;
    for (const c of placed) {
      if (!names(c, rule)) continue;
      if (c.kind === 'disable-file') return true;
      if (c.kind === 'disable-line' && line >= c.line && line <= c.endLine) return true;
      if (c.kind === 'disable-next-line' && line === c.endLine + 1) return true;
      if (c.line > line) continue;
      if (c.kind === 'disable') disabled = true;
      else if (c.kind === 'enable') disabled = false;
    }
    return disabled;
  };
}

/** The spans of fenced code blocks, fence lines included; an unclosed fence runs to the end. */
function fencedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open: { start: number; marker: string } | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const fence = FENCE.exec(line)?.[1];
    if (fence) {
      if (!open) open = { start: offset, marker: fence };
      else if (fence[0] === open.marker[0] && fence.length >= open.marker.length && line.trim() === fence) {
        spans.push({ start: open.start, end: offset + line.length });
        open = undefined;
      }
    }
    offset += line.length + 1;
  }
  if (open) spans.push({ start: open.start, end: text.length });
  return spans;
}
