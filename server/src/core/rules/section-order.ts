import { sectionName } from '../sectionCanon';
import { baseFamily } from './ruleSupport';
import type { Rule } from './types';

/**
 * Readers and comparison tools expect the standard order (the pledge first, attribution
 * last). Only top-level sections recognised by their heading are compared, so a policy that
 * nests or renames sections is not second-guessed.
 */
export const sectionOrder: Rule = {
  id: 'section-order',
  summary: 'Standard sections are out of the order the detected version uses.',
  defaultSeverity: 'information',
  appliesTo: 'covenant-text',
  check({ doc, base }) {
    const followed = baseFamily(base);
    if (!followed) return [];
    const rank = new Map(followed.canon.map((c, i) => [c.id, i]));
    const topDepth = Math.min(...doc.sections.filter((s) => s.id).map((s) => s.heading.depth));
    const ranked = doc.sections.filter((s) => s.id && s.recognizedBy === 'heading' && s.heading.depth === topDepth && rank.has(s.id));
    const findings = [];
    let highest: (typeof ranked)[number] | undefined;
    for (const section of ranked) {
      if (highest && rank.get(section.id!)! < rank.get(highest.id!)!) {
        findings.push({
          span: section.heading.span,
          message: `Unexpected "${sectionName(section.id!)}" after "${sectionName(highest.id!)}": Contributor Covenant ${followed.version} puts it before.`,
        });
      } else {
        highest = section;
      }
    }
    return findings;
  },
};
