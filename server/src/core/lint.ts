import { parseConductDocument, type ConductDocument } from './document';
import { RULES, type Environment, type Rule, type Severity } from './rules/index';
import type { Span } from './span';
import type { UpstreamLibrary } from './upstream/library';

/** A finding with its severity applied. */
export interface Finding {
  rule: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  span: Span;
}

/** The core's own options: never editor setting names. */
export interface CheckOptions {
  /** Per-rule severity overrides; 'off' disables a rule. */
  severities?: Readonly<Record<string, Severity>>;
  /** Texts longer than this (in UTF-16 units) are not analysed. */
  maxLength?: number;
  /** Access to the world outside the text (file checks), when the caller has it. */
  env?: Environment;
}

/** The pseudo-rule for input that cannot be analysed at all (binary, oversized). */
export const UNREADABLE_INPUT = 'unreadable-input';

export const DEFAULT_MAX_LENGTH = 2_000_000;

/** Runs every enabled rule; a rule that throws is reported to `onRuleError` and skipped. */
export function lintDocument(
  doc: ConductDocument,
  library: UpstreamLibrary,
  options: CheckOptions = {},
  onRuleError: (rule: Rule, error: unknown) => void = () => {},
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    try {
      for (const f of rule.check({ doc, library, env: options.env ?? {} })) findings.push({ rule: rule.id, severity, message: f.message, span: f.span });
    } catch (error) {
      onRuleError(rule, error);
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
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
  return undefined;
}

/** Parses and lints a policy text in one step, guarding against input that cannot be read. */
export function checkText(
  text: string,
  library: UpstreamLibrary,
  options: CheckOptions = {},
  onRuleError?: (rule: Rule, error: unknown) => void,
): { doc?: ConductDocument; findings: Finding[] } {
  const reason = unreadableReason(text, options.maxLength);
  if (reason) return { findings: [{ rule: UNREADABLE_INPUT, severity: 'warning', message: reason, span: { start: 0, end: 0 } }] };
  const doc = parseConductDocument(text, library);
  return { doc, findings: lintDocument(doc, library, options, onRuleError) };
}
