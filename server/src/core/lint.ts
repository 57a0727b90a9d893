import { analyseBase, type Detection } from './detect';
import { parseConductDocument, type ConductDocument } from './document';
import { DEFAULT_MAX_LENGTH } from './limits';
import { multipleDocuments } from './rules/multiple-documents';
import { notAPolicy } from './rules/not-a-policy';
import { baseSections } from './rules/ruleSupport';
import { RULES, type Environment, type PolicyBase, type Rule, type RuleContext, type RuleFix, type Severity } from './rules/index';
import type { Span } from './span';
import { findBlocks } from './structure/blocks';
import { findSuppressionComments, suppressionFilter } from './suppressions';
import type { UpstreamLibrary } from './upstream/library';

/** A finding with its severity applied. */
export interface Finding {
  rule: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  span: Span;
  /** The edit that resolves it, when the rule is certain of one. */
  fix?: RuleFix;
  /** Other edits that would resolve it, for the user to choose among (never applied by fix-all). */
  fixes?: RuleFix[];
}

/** The core's own options: never editor setting names. */
export interface CheckOptions {
  /** Per-rule severity overrides; 'off' disables a rule. */
  severities?: Readonly<Record<string, Severity>>;
  /** Texts longer than this (in UTF-16 units) are not analysed. */
  maxLength?: number;
  /** Access to the world outside the text (file checks), when the caller has it. */
  env?: Environment;
  /**
   * The base the user named, instead of the detected one: a Contributor Covenant version,
   * optionally in a language. Ignored when the library has no such text (see DetectOptions.base).
   */
  base?: { version: string; language?: string };
}

/** The pseudo-rule for input that cannot be analysed at all (binary, oversized). */
export const UNREADABLE_INPUT = 'unreadable-input';

/** The pseudo-rule for a suppression comment that names a rule that does not exist. */
export const SUPPRESSION_COMMENT = 'suppression-comment';


/** Runs every enabled rule; a rule that throws is reported to `onRuleError` and skipped. */
export function lintDocument(
  doc: ConductDocument,
  base: PolicyBase,
  library: UpstreamLibrary,
  options: CheckOptions = {},
  onRuleError: (rule: Rule, error: unknown) => void = () => {},
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.appliesTo === 'covenant-text' && !followsCovenantText(base)) continue;
    findings.push(...runRule(rule, { doc, base, library, env: options.env ?? {} }, options, onRuleError));
  }
  // A file that is not a policy gets that one finding: the others would all miss the point.
  const verdict = findings.filter((f) => f.rule === notAPolicy.id);
  if (verdict.length) return verdict;
  return findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
}

/**
 * Whether rules that hold a policy to the Covenant's own text make sense for it: a Covenant
 * text, or a policy of unknown family (those rules stay silent there on their own); not
 * another family's text, and not a pointer, which has no text to hold.
 */
export function followsCovenantText(base: PolicyBase): boolean {
  return base.kind !== 'pointer' && (base.family === 'contributor-covenant' || base.family === 'unknown');
}

/**
 * Why a text should not be analysed, or undefined when it can be. Binary and oversized
 * input gets one clear finding instead of a parse that would stall the editor.
 */
export function unreadableReason(text: string, maxLength = DEFAULT_MAX_LENGTH): string | undefined {
  if (text.length > maxLength) {
    return `This file has ${text.length.toLocaleString('en')} characters; policies are checked up to ${maxLength.toLocaleString('en')}. Split it, or raise the limit.`;
  }
  if (text.slice(0, 65536).includes('\u0000')) return 'This file looks binary (it contains NUL bytes), so it was not checked as a conduct policy.';
  const brackets = countOf(text, '[');
  if (brackets > MAX_BRACKETS) {
    return `This file has ${brackets.toLocaleString('en')} "[" brackets; policies are checked up to ${MAX_BRACKETS.toLocaleString('en')}, since the Markdown parser slows down sharply beyond that.`;
  }
  const depth = deepestNesting(text);
  if (depth > MAX_NESTING) {
    return `This file nests lists or quotes ${depth} levels deep; policies are checked up to ${MAX_NESTING} levels, since the Markdown parser slows down sharply beyond that.`;
  }
  const blanks = longestBlankRun(text);
  if (blanks > MAX_BLANK_RUN) {
    return `This file has a run of ${blanks.toLocaleString('en')} spaces or tabs; policies are checked with runs up to ${MAX_BLANK_RUN}, since deep indentation and long blank runs slow the parser and the rules down sharply.`;
  }
  return undefined;
}

/**
 * Indentation nests lists (two columns a level) and several rules look back over a run of
 * blanks, so time grows with the square of a run's length: 40,000 spaces on one line took
 * 11 s. Real policies indent a few dozen columns at most.
 */
const MAX_BLANK_RUN = 256;
const LONG_BLANK_RUN = new RegExp(`[ \\t]{${MAX_BLANK_RUN + 1},}`, 'g');

function longestBlankRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(LONG_BLANK_RUN)) longest = Math.max(longest, match[0].length);
  return longest;
}

/**
 * remark-parse's time grows with the square of the unmatched "[" in a paragraph (20,000 take
 * seconds); real policies have a few hundred brackets at most.
 */
const MAX_BRACKETS = 5000;

function countOf(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** No real policy nests anywhere near this deep; remark-parse's time grows with the square of list depth. */
const MAX_NESTING = 100;
// A quote marker needs no blank after it (">>>" is three levels); list markers do.
const NESTING_MARKERS = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/gm;

/** The most list or quote markers any line opens with ("- - - item", "> > quote"). */
function deepestNesting(text: string): number {
  let deepest = 0;
  for (const match of text.matchAll(NESTING_MARKERS)) {
    const markers = match[0].match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers > deepest) deepest = markers;
  }
  return deepest;
}

/** The result of checking one policy: its model, what it is based on, and the findings. */
export interface CheckResult {
  /** Undefined when the input could not be analysed (see UNREADABLE_INPUT). */
  doc?: ConductDocument;
  base?: Detection;
  findings: Finding[];
  /**
   * The versions the file holds, when it holds more than one (a translation and the
   * original, or one policy pasted twice): each was detected and linted on its own. `doc`
   * and `base` still describe the whole file.
   */
  blocks?: { span: Span; base: Detection }[];
}

/** A policy read into the model with its detected base, before any rule runs. */
export interface ReadPolicy {
  doc?: ConductDocument;
  base?: Detection;
  /** Why the text was not read (binary, oversized); then doc and base are undefined. */
  unreadable?: string;
}

/**
 * Detects the policy's base and parses it, recognising renamed sections by the base's
 * wording; no rule runs. For callers that need the model only (the other side of a
 * two-policy comparison).
 */
export function readPolicy(text: string, library: UpstreamLibrary, maxLength?: number, pinnedBase?: CheckOptions['base']): ReadPolicy {
  const reason = unreadableReason(text, maxLength);
  if (reason) return { unreadable: reason };
  const { detection: base, sectionOf } = analyseBase(text, library, pinnedBase && { base: pinnedBase });
  const sections = baseSections(base, library);
  const doc = parseConductDocument(text, library, {
    baseSections: sections,
    recognizeSection: (span) => {
      const heading = sectionOf(span);
      return heading === undefined ? undefined : sections.find((s) => s.heading === heading)?.id;
    },
  });
  return { doc, base };
}

/**
 * Detects the policy's base, parses it and lints it in one step, guarding against input
 * that cannot be read, and drops what the policy's suppression comments silence (so the
 * editor and the CLI honour them alike). Callers cache the result per document version.
 */
export function checkText(
  text: string,
  library: UpstreamLibrary,
  options: CheckOptions = {},
  onRuleError?: (rule: Rule, error: unknown) => void,
): CheckResult {
  const { doc, base, unreadable } = readPolicy(text, library, options.maxLength, options.base);
  if (!doc || !base) return { findings: [{ rule: UNREADABLE_INPUT, severity: 'warning', message: unreadable ?? 'This file could not be read.', span: { start: 0, end: 0 } }] };
  const spans = findBlocks(doc);
  if (spans.length < 2) return { doc, base, findings: suppressed(text, lintDocument(doc, base, library, options, onRuleError)) };
  const checked = checkBlocks(doc, spans, library, options, onRuleError);
  return { doc, base, ...checked, findings: suppressed(text, checked.findings) };
}

/**
 * The findings the policy's suppression comments leave standing, plus one warning per rule
 * id a comment names that does not exist: a misspelt id would otherwise silence nothing
 * without a word.
 */
function suppressed(text: string, findings: Finding[]): Finding[] {
  const comments = findSuppressionComments(text, new Set(RULES.map((r) => r.id)));
  if (!comments.length) return findings;
  const silenced = suppressionFilter(text, comments);
  const kept = findings.filter((f) => !silenced(f.rule, f.span.start));
  for (const comment of comments) {
    for (const id of comment.unknown) {
      kept.push({
        rule: SUPPRESSION_COMMENT,
        severity: 'warning',
        message: `Unknown rule "${id}" in a conduct-${comment.kind} comment; expected a rule id such as unfilled-placeholder (the README lists them all).`,
        span: comment.span,
      });
    }
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
}

/**
 * A file with several versions of its policy: each version is detected, parsed and linted
 * as if it were a file of its own (so two ladders never merge into one), its findings
 * moved back to the whole file's offsets, and one note names the versions.
 */
function checkBlocks(
  doc: ConductDocument,
  spans: readonly Span[],
  library: UpstreamLibrary,
  options: CheckOptions,
  onRuleError?: (rule: Rule, error: unknown) => void,
): { findings: Finding[]; blocks: { span: Span; base: Detection }[] } {
  const findings: Finding[] = [];
  const blocks: { span: Span; base: Detection }[] = [];
  for (const span of spans) {
    const read = readPolicy(doc.text.slice(span.start, span.end), library, options.maxLength, options.base);
    if (!read.doc || !read.base) continue;
    blocks.push({ span, base: read.base });
    for (const finding of lintDocument(read.doc, read.base, library, options, onRuleError)) {
      findings.push({
        ...finding,
        span: shifted(finding.span, span.start),
        ...(finding.fix && { fix: { ...finding.fix, span: shifted(finding.fix.span, span.start) } }),
        ...(finding.fixes && { fixes: finding.fixes.map((fix) => ({ ...fix, span: shifted(fix.span, span.start) })) }),
      });
    }
  }
  if (blocks.length > 1) findings.push(...runRule(multipleDocuments, { doc, base: blocks[0].base, library, env: options.env ?? {}, blocks }, options, onRuleError));
  return { findings: findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule)), blocks };
}

/** One rule's findings with the configured severity applied; none when it is off, or when it throws (reported to `onRuleError`). */
function runRule(rule: Rule, context: RuleContext, options: CheckOptions, onRuleError?: (rule: Rule, error: unknown) => void): Finding[] {
  const configured = options.severities?.[rule.id];
  if (configured === 'off') return [];
  try {
    return rule.check(context).map((f) => ({ rule: rule.id, severity: configured ?? f.severity ?? rule.defaultSeverity, message: f.message, span: f.span, ...(f.fix && { fix: f.fix }), ...(f.fixes?.length && { fixes: f.fixes }) }));
  } catch (error) {
    onRuleError?.(rule, error);
    return [];
  }
}

function shifted(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}
