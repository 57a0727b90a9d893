import { sectionName } from '../sectionCanon';
import { baseFamily, CLOSE_ADAPTATION, sectionsPresentByContent } from './ruleSupport';
import type { Rule } from './types';

/** A close adaptation that drops a standard section usually lost it by accident (often Scope or Enforcement). */
export const missingSection: Rule = {
  id: 'missing-section',
  summary: 'A standard section of the detected Contributor Covenant version is missing.',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc, base, library }) {
    const followed = baseFamily(base);
    if (!followed || base.similarity < CLOSE_ADAPTATION) return [];
    const byHeading = new Set(doc.sections.map((s) => s.id));
    const byContent = sectionsPresentByContent(base, library);
    const findings = [];
    for (const [index, canon] of followed.canon.entries()) {
      if (byHeading.has(canon.id) || byContent.has(canon.id)) continue;
      if (canon.id === 'enforcement-guidelines' && doc.ladder.length) continue;
      // Point at where it belongs: the next standard section the policy has, or its end.
      const next = followed.canon.slice(index + 1).map((c) => doc.sections.find((s) => s.id === c.id)).find(Boolean);
      const span = next ? next.heading.span : { start: doc.text.length, end: doc.text.length };
      const where = next ? `before "${next.heading.title}"` : 'at the end';
      findings.push({ span, message: `Missing standard section "${sectionName(canon.id)}" of Contributor Covenant ${followed.version}: expected it ${where}.` });
    }
    return findings;
  },
};
