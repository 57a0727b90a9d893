import { sectionName } from '../sectionCanon';
import type { Rule } from './types';

/** Two sections with the same standard heading usually mean a paste went in twice, or two drafts were merged. */
export const duplicateSection: Rule = {
  id: 'duplicate-section',
  summary: 'A standard section appears twice.',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc }) {
    const seen = new Map<string, number>();
    const findings = [];
    for (const section of doc.sections) {
      if (!section.id || section.recognizedBy !== 'heading') continue;
      const key = `${section.id}@${section.heading.depth}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, section.heading.span.start);
        continue;
      }
      const line = doc.text.slice(0, first).split('\n').length;
      findings.push({ span: section.heading.span, message: `Unexpected second "${sectionName(section.id)}" section: expected one (the first is on line ${line}).` });
    }
    return findings;
  },
};
