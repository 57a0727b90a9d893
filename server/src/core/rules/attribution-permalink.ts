import { bodyVersion, permalinkFix } from './attributionFixes';
import type { Rule, RuleFinding } from './types';

/** A permalink to another version, or to one that never existed, sends readers to the wrong text. */
export const attributionPermalink: Rule = {
  id: 'attribution-permalink',
  summary: 'A contributor-covenant.org link points at a different or non-existent version.',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc, base, library }) {
    const known = new Set(library.texts.map((t) => t.entry.version));
    const claimed = new Set(doc.attribution.versions.map((v) => v.version));
    // The link is pointed at the version the body follows, or failing that at the one version claimed.
    const target = bodyVersion(base) ?? (claimed.size === 1 ? [...claimed][0] : undefined);
    const findings: RuleFinding[] = [];
    for (const link of doc.attribution.permalinks) {
      if (!link.version) continue;
      const fix = target && known.has(target) ? permalinkFix(doc.text, link, target, library) : undefined;
      if (!known.has(link.version)) {
        // With no version to tell, each version the attribution claims is a choice.
        const fixes = fix ? [] : [...claimed].filter((v) => known.has(v)).sort().flatMap((v) => permalinkFix(doc.text, link, v, library) ?? []);
        findings.push({ span: link.span, message: `Unexpected link to version ${link.version}, which does not exist: expected one of ${[...known].join(', ')}.`, ...(fix && { fix }), ...(fixes.length && { fixes }) });
      } else if (claimed.size === 1 && !claimed.has(link.version)) {
        findings.push({ span: link.span, message: `Unexpected link to version ${link.version}: the attribution claims ${[...claimed][0]}; expected the link to match.`, ...(fix && { fix }) });
      }
    }
    return findings;
  },
};

