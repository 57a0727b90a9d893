// Shared helpers for one-rule tests: run a single rule over a text and describe its findings
// by 1-based line and the exact text they cover, so expectations read like the fixture.
import type { Environment, Rule, RuleContext, RuleFinding } from '../../../server/src/core/index';
import { LineIndex, parseConductDocument } from '../../../server/src/core/index';
import { upstreamLibrary } from '../../support/upstream';

/** What a test expects of a finding: its 1-based start line and the text its span covers. */
export interface Seen {
  line: number;
  text: string;
}

/** A policy of no known base: the rules under test do not read detection's result. */
const UNKNOWN_BASE: RuleContext['base'] = { family: 'unknown', similarity: 0, sections: [] };

/** What the engine hands a rule for a text: parse once, then check with as many rules as needed. */
export function context(text: string, env: Environment = {}): RuleContext {
  const library = upstreamLibrary();
  return { doc: parseConductDocument(text, library), base: UNKNOWN_BASE, library, env };
}

/** Runs one rule over a text, as the engine would. */
export function run(rule: Rule, text: string, env: Environment = {}): RuleFinding[] {
  return rule.check(context(text, env));
}

/** The findings as 1-based start lines and covered text. */
export function seen(text: string, findings: readonly RuleFinding[]): Seen[] {
  const lines = new LineIndex(text);
  return findings.map((f) => ({ line: lines.positionAt(f.span.start).line + 1, text: text.slice(f.span.start, f.span.end) }));
}

/** The text after applying every finding's fix (fixes must not overlap). */
export function applyFixes(text: string, findings: readonly RuleFinding[]): string {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => b.span.start - a.span.start);
  return fixes.reduce((out, fix) => out.slice(0, fix.span.start) + fix.text + out.slice(fix.span.end), text);
}

/** One line per finding, for assertion messages that show what a rule actually said. */
export function listed(text: string, findings: readonly RuleFinding[]): string {
  const lines = new LineIndex(text);
  return findings.map((f) => `  line ${lines.positionAt(f.span.start).line + 1}: ${f.message}`).join('\n') || '  (none)';
}
