import type { RuleFix } from './rules/types';
import type { Span } from './span';

/** What carries fixes: a rule's finding or a finding with its severity applied. */
export interface Fixable {
  fix?: RuleFix;
  fixes?: readonly RuleFix[];
}

/** Every edit a finding offers, its certain fix first and then the alternatives. */
export function fixesOf(finding: Fixable): RuleFix[] {
  return [...(finding.fix ? [finding.fix] : []), ...(finding.fixes ?? [])];
}

/**
 * The smallest edit that turns `span`'s text into `replacement`: the characters both share at
 * the start and at the end stay out of the edit, so a fix that changes one digit of a URL
 * touches that digit alone. Undefined when nothing would change.
 */
export function minimalFix(text: string, span: Span, replacement: string, title?: string): RuleFix | undefined {
  const old = text.slice(span.start, span.end);
  if (old === replacement) return undefined;
  let head = 0;
  while (head < old.length && head < replacement.length && old[head] === replacement[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < replacement.length - head && old[old.length - 1 - tail] === replacement[replacement.length - 1 - tail]) tail++;
  // Never split a surrogate pair: the edit would leave half a character on either side.
  while (head > 0 && isHighSurrogate(old.charCodeAt(head - 1))) head--;
  while (tail > 0 && isLowSurrogate(old.charCodeAt(old.length - tail))) tail--;
  return {
    span: { start: span.start + head, end: span.end - tail },
    text: replacement.slice(head, replacement.length - tail),
    ...(title !== undefined && { title }),
  };
}

/**
 * The certain fixes of `findings` that can be applied together in one edit: each finding's
 * `fix` (never its alternatives), in document order (ties by the order given), skipping any
 * that would change nothing or that overlaps a fix already taken. Insertions at one place are
 * all kept, in that order, as LSP applies them (several dropped reference definitions go back
 * after the last one), except a repeat of the same text. The result is sorted and its edits
 * never share a character, so it can be one WorkspaceEdit; what it skips is fixed by the next run.
 */
export function fixAllEdits(text: string, findings: readonly Fixable[]): RuleFix[] {
  const candidates = findings
    .map((finding, order) => ({ fix: finding.fix, order }))
    .filter((c): c is { fix: RuleFix; order: number } => c.fix !== undefined && isApplicable(text, c.fix))
    .sort((a, b) => a.fix.span.start - b.fix.span.start || a.fix.span.end - b.fix.span.end || a.order - b.order);
  const taken: RuleFix[] = [];
  // The texts inserted at the place of the last insertion taken, to drop a repeat.
  let inserted = new Set<string>();
  for (const { fix } of candidates) {
    const last = taken[taken.length - 1];
    if (last && isInsertion(last) && isInsertion(fix) && last.span.start === fix.span.start) {
      if (inserted.has(fix.text)) continue;
    } else if (last && overlaps(last.span, fix.span)) {
      continue;
    } else {
      inserted = new Set();
    }
    inserted.add(fix.text);
    taken.push(fix);
  }
  return taken;
}

/** Whether two edits' ranges would collide: they share a character, or they start at the same place. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

function isInsertion(fix: RuleFix): boolean {
  return fix.span.start === fix.span.end;
}

function isApplicable(text: string, fix: RuleFix): boolean {
  const { start, end } = fix.span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length && text.slice(start, end) !== fix.text;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
