import { versionClaimFix } from './attributionFixes';
import { baseFamily, CLOSE_ADAPTATION } from './ruleSupport';
import type { Rule } from './types';

/** Claiming one version while shipping another misleads readers and breaks comparisons. */
export const attributionVersion: Rule = {
  id: 'attribution-version',
  summary: 'The attribution claims a Contributor Covenant version other than the one the text follows.',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc, base }) {
    const followed = baseFamily(base);
    if (!followed || base.similarity < CLOSE_ADAPTATION) return [];
    return doc.attribution.versions
      .filter((claim) => claim.version !== followed.version)
      .map((claim) => {
        const fix = versionClaimFix(doc.text, claim, followed.version);
        return { span: claim.span, message: `Unexpected claim of version ${claim.version}: the text follows Contributor Covenant ${followed.version}; expected the attribution to say ${followed.version}.`, ...(fix && { fix }) };
      });
  },
};
