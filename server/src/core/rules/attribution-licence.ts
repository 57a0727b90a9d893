import { licenceOf } from '../structure/attribution';
import { expectedLicence, licenceFix } from './attributionFixes';
import { baseFamily } from './ruleSupport';
import type { Rule } from './types';

/** 3.0 is CC BY-SA 4.0 and earlier versions CC BY 4.0; naming the wrong one misstates the reuse terms. */
export const attributionLicence: Rule = {
  id: 'attribution-licence',
  summary: 'The licence named does not match the Contributor Covenant version (3.0: CC BY-SA 4.0; earlier: CC BY 4.0).',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc, base }) {
    const followed = baseFamily(base);
    const claimed = doc.attribution.versions[0]?.version ?? followed?.version;
    if (!claimed) return [];
    const expected = licenceOf(claimed);
    return doc.attribution.licences
      .filter((l) => l.licence !== expected)
      .map((l) => {
        // Certain only when the body's version agrees, so a wrong claim is not followed; otherwise
        // the claim's licence is one choice (keeping the licence and fixing the claim the other).
        const certain = expectedLicence(claimed, base);
        const fix = certain && licenceFix(doc.text, l, certain);
        const choice = !certain && licenceFix(doc.text, l, expected);
        return {
          span: l.span,
          message: `Unexpected licence ${l.licence} for Contributor Covenant ${claimed}: expected ${expected}.`,
          ...(fix && { fix }),
          ...(choice && { fixes: [{ ...choice, title: `${choice.title}, the licence of the claimed ${claimed}` }] }),
        };
      });
  },
};
