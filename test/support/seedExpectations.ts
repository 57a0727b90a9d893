/**
 * What each seed policy in ../shared/seeds must produce: every finding, as rule and 1-based
 * start line (end line where the finding spans lines). Shared by the unit suite (core) and
 * the real-editor suite (the server's diagnostics), so both hold the product to one table.
 *
 * `outdated-base` (information) appears on every seed: each is based on 2.0 or 2.1 while
 * 3.0 exists, which is true and is what the rule is for.
 */
export interface ExpectedFinding {
  rule: string;
  line: number;
  endLine?: number;
  /** Text the finding must mention (a repair, a phrase). */
  mentions?: string;
}

const mojibake = (line: number, repair: string): ExpectedFinding => ({ rule: 'mojibake', line, mentions: repair });

export const SEED_EXPECTATIONS: Record<string, { base: { version: string; language: string }; findings: ExpectedFinding[] }> = {
  '000': {
    base: { version: '2.1', language: 'en' },
    findings: [
      mojibake(13, '✅'), mojibake(23, '❌'), mojibake(33, '🤝'), mojibake(41, '💬'), mojibake(49, '🔒'), mojibake(63, '📢'),
      mojibake(67, '📧'), { rule: 'single-point-of-contact', line: 67, mentions: 'louischua@gmail.com' }, mojibake(68, '📝'),
      mojibake(76, '⚖️'), mojibake(88, '📋'), mojibake(93, '🎯'), mojibake(107, '📜'), mojibake(110, '🌍'), mojibake(113, '📚'),
      { rule: 'outdated-base', line: 115 }, mojibake(123, '📧'), mojibake(124, '📝'),
    ],
  },
  '001': {
    base: { version: '2.0', language: 'en' },
    findings: [
      { rule: 'missing-link-target', line: 138, mentions: 'SECURITY.md' },
      { rule: 'outdated-base', line: 214 },
      { rule: 'unfilled-placeholder', line: 224 },
      { rule: 'placeholder-contact', line: 225, mentions: 'security@yourorg.com' },
      { rule: 'unfilled-placeholder', line: 226 },
      { rule: 'unfilled-placeholder', line: 227 },
    ],
  },
  '002': {
    base: { version: '2.1', language: 'en' },
    findings: [
      { rule: 'private-reporting-channel', line: 51, endLine: 53 },
      { rule: 'outdated-base', line: 111 },
      { rule: 'undefined-reference', line: 113 },
      { rule: 'mojibake', line: 124, mentions: '©' },
    ],
  },
  '003': {
    base: { version: '2.0', language: 'en' },
    findings: [
      { rule: 'split-paragraph', line: 41, endLine: 43 },
      { rule: 'double-escaped-url', line: 77, mentions: 'code\\_of\\_conduct' },
      { rule: 'outdated-base', line: 77 },
      { rule: 'empty-link', line: 79 },
    ],
  },
  '004': {
    base: { version: '2.1', language: 'en' },
    findings: [
      { rule: 'split-paragraph', line: 43, endLine: 45 },
      { rule: 'split-paragraph', line: 46, endLine: 48 },
      { rule: 'split-paragraph', line: 59, endLine: 61 },
      { rule: 'split-paragraph', line: 62, endLine: 64 },
      // A page break inside the Scope paragraph: the same defect as the split bullets.
      { rule: 'split-paragraph', line: 84, endLine: 88 },
      { rule: 'inconsistent-role-terms', line: 113, mentions: 'community leaders' },
      { rule: 'stray-content', line: 130, mentions: 'https://thealliance.ai/' },
      { rule: 'outdated-base', line: 154 },
    ],
  },
};

/** Sorts findings the way both suites compare them. */
export function byPosition(a: ExpectedFinding, b: ExpectedFinding): number {
  return a.line - b.line || a.rule.localeCompare(b.rule);
}
