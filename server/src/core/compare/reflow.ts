import type { Span } from '../span';
import type { Change, Comparison } from './compare';
import type { ComparedText } from './compare';
import { firstTokenAt } from './tokens';

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
        const edit = wordingEdit(change, base, policy);
        if (edit) edits.push(edit);
      }
    }
  }
  return normalise(edits);
}

/**
 * The edit that puts the source's wording in place of the policy's for one change: the
 * policy's extra words removed, the source's missing words restored, reworded words
 * replaced, with the punctuation that goes with them. Fields, links and formatting are the
 * policy's and get none.
 */
export function wordingEdit(change: Pick<Change, 'kind' | 'policy' | 'upstream'>, source: ComparedText, policy: ComparedText): TextEdit | undefined {
  const text = policy.doc.text;
  switch (change.kind) {
    case 'insert':
      return { span: wholeLines(change.policy, text) ?? withLeadingPunctuation(change.policy, policy) ?? withOneSpace(change.policy, text), text: '' };
    case 'replace':
      return { span: change.policy, text: inline(source.doc.text.slice(change.upstream.start, change.upstream.end)) };
    case 'delete':
      return restore(change, source, policy);
    default:
      return undefined;
  }
}

/** Index of the first token of a side starting at or after an offset. */
function tokenAt(side: ComparedText, offset: number): number {
  return firstTokenAt(side.tokenized.tokens, offset);
}

/** The gap before token k when it is inline punctuation and space ("," or "; "), not a line break or block change. */
function inlineGapBefore(side: ComparedText, k: number): Span | undefined {
  const tokens = side.tokenized.tokens;
  if (k <= 0 || k >= tokens.length || tokens[k].block !== tokens[k - 1].block) return undefined;
  const gap = { start: tokens[k - 1].span.end, end: tokens[k].span.start };
  return /^[^\S\n]*[,;:][^\S\n]*$/.test(side.doc.text.slice(gap.start, gap.end)) ? gap : undefined;
}

/** Removing words that follow a comma takes the comma with them: "a, b, c" less "b" is "a, c". */
function withLeadingPunctuation(span: Span, policy: ComparedText): Span | undefined {
  const gap = inlineGapBefore(policy, tokenAt(policy, span.start));
  return gap && { start: gap.start, end: span.end };
}

/**
 * Puts back words the policy dropped. Words that open a block in the source (a list item,
 * a paragraph) go back as that block, on a line of their own after the line where the
 * policy's text stops; words inside a sentence go back inline, with the punctuation that
 * precedes them in the source, or a space.
 */
function restore(change: Pick<Change, 'policy' | 'upstream'>, source: ComparedText, policy: ComparedText): TextEdit {
  const text = policy.doc.text;
  const sourceText = source.doc.text;
  const up = change.upstream;
  const k = tokenAt(source, up.start);
  const tokens = source.tokenized.tokens;
  const opensBlock = k === 0 || k >= tokens.length || tokens[k].block !== tokens[k - 1].block;
  const at = change.policy.start;
  // Words that open a block and run on into the next word's (a heading's first words) go
  // before that word where the policy's block starts, not after the block before it.
  const next = tokenAt(source, up.end);
  const policyTokens = policy.tokenized.tokens;
  const p = tokenAt(policy, at);
  const leadsIn = next < tokens.length && next > k && tokens[next].block === tokens[next - 1].block;
  if (opensBlock && leadsIn && p < policyTokens.length && (p === 0 || policyTokens[p].block !== policyTokens[p - 1].block)) {
    const before = policyTokens[p].span.start;
    return { span: { start: before, end: before }, text: `${inline(sourceText.slice(up.start, up.end))} ` };
  }
  if (opensBlock) {
    const lineStart = sourceText.lastIndexOf('\n', up.start - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd < 0 ? text.length : lineEnd;
    if (!/[\p{L}\p{N}]/u.test(text.slice(at, end)) && !/[\p{L}\p{N}]/u.test(sourceText.slice(lineStart, up.start))) {
      const separator = /\n[ \t]*\n\s*$/.test(sourceText.slice(0, lineStart)) ? '\n\n' : '\n';
      return { span: { start: end, end }, text: separator + sourceText.slice(lineStart, up.end).replace(/\s+$/, '') };
    }
  }
  const gap = inlineGapBefore(source, k);
  const lead = gap ? sourceText.slice(gap.start, gap.end) : at > 0 && !/\s/.test(text[at - 1]) ? ' ' : '';
  const after = at < text.length && /[\p{L}\p{N}]/u.test(text[at]) ? ' ' : '';
  return { span: { start: at, end: at }, text: lead + inline(sourceText.slice(up.start, up.end)) + after };
}

/** Base wording set inline: its hard line breaks become spaces; paragraph breaks stay. */
function inline(words: string): string {
  return words.replace(/(?<!\n[ \t]*)[ \t]*\n(?![ \t]*\n)[ \t]*/g, ' ');
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
export function normalise(edits: TextEdit[]): TextEdit[] {
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
