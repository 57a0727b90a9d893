import type { Rule } from './types';

/** A permalink to another version, or to one that never existed, sends readers to the wrong text. */
export const attributionPermalink: Rule = {
  id: 'attribution-permalink',
  summary: 'A contributor-covenant.org link points at a different or non-existent version.',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc, library }) {
    const known = new Set(library.texts.map((t) => t.entry.version));
    const claimed = new Set(doc.attribution.versions.map((v) => v.version));
    const findings = [];
    for (const link of doc.attribution.permalinks) {
      if (!link.version) continue;
      if (!known.has(link.version)) {
        findings.push({ span: link.span, message: `Unexpected link to version ${link.version}, which does not exist: expected one of ${[...known].join(', ')}.` });
      } else if (claimed.size === 1 && !claimed.has(link.version)) {
        findings.push({ span: link.span, message: `Unexpected link to version ${link.version}: the attribution claims ${[...claimed][0]}; expected the link to match.` });
      }
    }
    return findings;
  },
};

