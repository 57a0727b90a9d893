import { LineIndex, parseConductDocument, type Rule, type RuleContext } from '../../server/src/core/index';
import type { PolicyBase } from '../../server/src/core/rules/types';
import { upstreamLibrary } from './upstream';

/** A base for tests that do not care about detection. */
export const UNKNOWN_BASE: PolicyBase = { family: 'unknown', similarity: 0, sections: [] };

/** A close adaptation of an upstream version, with every section's content present. */
export function covenantBase(version: string, similarity = 0.9, language = 'en'): PolicyBase {
  const library = upstreamLibrary();
  const text = library.find(version, language);
  const sections = text ? library.sectionsOf(text).map((s) => ({ heading: s.heading, similarity: 0 })) : [];
  return { family: 'contributor-covenant', version, language, similarity, sections };
}

/** Runs one rule over a text and returns its findings with 1-based lines, for compact assertions. */
export function runRule(rule: Rule, text: string, base: PolicyBase = UNKNOWN_BASE, env: RuleContext['env'] = {}) {
  const library = upstreamLibrary();
  const doc = parseConductDocument(text, library);
  const lines = new LineIndex(text);
  return rule.check({ doc, base, library, env }).map((f) => ({
    line: lines.positionAt(f.span.start).line + 1,
    endLine: lines.positionAt(f.span.end).line + 1,
    text: text.slice(f.span.start, f.span.end),
    message: f.message,
    severity: f.severity,
  }));
}
