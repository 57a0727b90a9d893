import type { Span } from '../span';
import type { Change, Comparison } from './compare';
import type { ComparedText } from './compare';

/** One replacement in the policy's text. */
export interface TextEdit {
  span: Span;
  text: string;
}

/**
 * The base text in the policy's own layout: the policy with every wording change undone,
 * its addenda left out and the base's missing sections put back where the base has them.
 * Fields keep the policy's values, link targets and paragraph breaks stay the policy's. Set
 * beside the policy in a diff editor, unchanged paragraphs line up and only wording shows.
 */
export function reflowBase(comparison: Comparison, base: ComparedText, policy: ComparedText): string {
  return applyEdits(policy.doc.text, reflowEdits(comparison, base, policy));
}

/** The edits that turn the policy into {@link reflowBase}'s text, in order, never overlapping. */
export function reflowEdits(comparison: Comparison, base: ComparedText, policy: ComparedText): TextEdit[] {
  const text = policy.doc.text;
  const edits: TextEdit[] = [];
  let cursor = 0;
  for (const section of comparison.sections) {
    if (section.policy) cursor = section.policy.end;
    if (section.status === 'added' && section.policy) {
      edits.push({ span: section.policy, text: '' });
    } else if (section.status === 'removed' && section.upstream) {
      const block = base.doc.text.slice(section.upstream.start, section.upstream.end).replace(/\s+$/, '');
      edits.push({ span: { start: cursor, end: cursor }, text: `${needsBreakBefore(text, cursor)}${block}\n\n` });
    } else {
      for (const change of section.changes) {
        const edit = undoWording(change, base.doc.text, text);
        if (edit) edits.push(edit);
      }
    }
  }
  return normalise(edits);
}

function undoWording(change: Change, baseText: string, text: string): TextEdit | undefined {
  switch (change.kind) {
    case 'insert':
      return { span: wholeLines(change.policy, text) ?? withOneSpace(change.policy, text), text: '' };
    case 'replace':
      return { span: change.policy, text: inline(baseText.slice(change.upstream.start, change.upstream.end)) };
    case 'delete':
      return restore(change, baseText, text);
    default:
      return undefined;
  }
}

/**
 * Puts back words the policy dropped. Words that open a block upstream (a list item, a
 * paragraph) go back as that block, on a line of their own after the line where the
 * policy's text stops; words inside a sentence go back inline, with a space.
 */
function restore(change: Change, baseText: string, text: string): TextEdit {
  const up = change.upstream;
  const lineStart = baseText.lastIndexOf('\n', up.start - 1) + 1;
  const opensBlock = !/[\p{L}\p{N}]/u.test(baseText.slice(lineStart, up.start));
  const at = change.policy.start;
  if (opensBlock) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd < 0 ? text.length : lineEnd;
    if (!/[\p{L}\p{N}]/u.test(text.slice(at, end))) {
      const separator = /\n[ \t]*\n\s*$/.test(baseText.slice(0, lineStart)) ? '\n\n' : '\n';
      return { span: { start: end, end }, text: separator + baseText.slice(lineStart, up.end).replace(/\s+$/, '') };
    }
  }
  const before = at > 0 && !/\s/.test(text[at - 1]) ? ' ' : '';
  const after = at < text.length && /[\p{L}\p{N}]/u.test(text[at]) ? ' ' : '';
  return { span: { start: at, end: at }, text: before + inline(baseText.slice(up.start, up.end)) + after };
}

/** Base wording set inline: its hard line breaks become spaces; paragraph breaks stay. */
function inline(words: string): string {
  return words.replace(/[ \t]*\n(?![ \t]*\n)[ \t]*/g, ' ');
}

/**
 * When the words are all a line holds besides its syntax (a bullet, a heading's hashes, a
 * closing period), the span of those whole lines, line break included: removing an added
 * list item leaves no empty bullet behind.
 */
function wholeLines(span: Span, text: string): Span | undefined {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const lineEnd = newline < 0 ? text.length : newline;
  const syntaxOnly = (from: number, to: number) => !/[\p{L}\p{N}]/u.test(text.slice(from, to));
  if (!syntaxOnly(lineStart, span.start) || !syntaxOnly(span.end, lineEnd)) return undefined;
  return { start: lineStart, end: newline < 0 ? lineEnd : newline + 1 };
}

/** A removed run of words takes one neighbouring space with it, so no double space is left. */
function withOneSpace(span: Span, text: string): Span {
  if (span.start > 0 && text[span.start - 1] === ' ' && (span.end >= text.length || /[\s.,;:!?)]/.test(text[span.end]))) return { start: span.start - 1, end: span.end };
  if (text[span.end] === ' ') return { start: span.start, end: span.end + 1 };
  return span;
}

function needsBreakBefore(text: string, at: number): string {
  if (at === 0) return '';
  const before = text.slice(Math.max(0, at - 2), at);
  return before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
}

/** Sorts edits and drops any that overlap an earlier one (nested changes: the outer wins). */
function normalise(edits: TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, order) => ({ e, order })).sort((x, y) => x.e.span.start - y.e.span.start || x.order - y.order);
  const kept: TextEdit[] = [];
  let end = -1;
  for (const { e } of sorted) {
    if (e.span.start < end) continue;
    kept.push(e);
    end = Math.max(end, e.span.end);
  }
  return kept;
}

/** Applies non-overlapping edits, sorted by start, to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.span.start) + edit.text;
    at = edit.span.end;
  }
  return out + text.slice(at);
}
