// Shared helpers for rule tests: run rules over a text with a chosen base and environment,
// and describe findings by 1-based line and covered text, so expectations read like the fixture.
import { LineIndex, parseConductDocument, type Environment, type PolicyBase, type Rule, type RuleContext, type RuleFinding } from '../../server/src/core/index';
import { upstreamLibrary } from './upstream';

/** A policy of no known base, for rules that do not read detection's result. */
export const UNKNOWN_BASE: PolicyBase = { family: 'unknown', similarity: 0, sections: [] };

/** A close adaptation of an upstream version; no section's wording counted as present unless a test says so. */
export function covenantBase(version: string, similarity = 0.9, language = 'en'): PolicyBase {
  const library = upstreamLibrary();
  const text = library.find(version, language);
  const sections = text ? library.sectionsOf(text).map((s) => ({ heading: s.heading, similarity: 0 })) : [];
  return { family: 'contributor-covenant', version, language, similarity, sections };
}

/** What the engine hands a rule for a text: parse once, then check with as many rules as needed. */
export function context(text: string, env: Environment = {}, base: PolicyBase = UNKNOWN_BASE): RuleContext {
  const library = upstreamLibrary();
  return { doc: parseConductDocument(text, library), base, library, env };
}

/** Runs one rule over a text, as the engine would. */
export function run(rule: Rule, text: string, env: Environment = {}): RuleFinding[] {
  return rule.check(context(text, env));
}

/** Runs one rule and returns its findings with 1-based start and end lines, covered text, message and own severity. */
export function runRule(rule: Rule, text: string, base: PolicyBase = UNKNOWN_BASE, env: Environment = {}) {
  const lines = new LineIndex(text);
  return rule.check(context(text, env, base)).map((f) => ({
    line: lines.positionAt(f.span.start).line + 1,
    endLine: lines.positionAt(f.span.end).line + 1,
    text: text.slice(f.span.start, f.span.end),
    message: f.message,
    severity: f.severity,
  }));
}

/** What a test expects of a finding: its 1-based start line and the text its span covers. */
export interface Seen {
  line: number;
  text: string;
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
