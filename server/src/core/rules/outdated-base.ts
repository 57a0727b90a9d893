import type { Rule } from './types';

/** Newer versions fix gaps (2.1 widened the pledge; 3.0 adds repair); worth knowing, not an error. */
export const outdatedBase: Rule = {
  id: 'outdated-base',
  summary: 'A newer Contributor Covenant version than the one the policy follows exists.',
  defaultSeverity: 'information',
  check({ doc, base, library }) {
    if (base.family !== 'contributor-covenant' || !base.version) return [];
    const byNumber = (v: string) => v.split('.').map(Number);
    const newer = [...new Set(library.texts.map((t) => t.entry.version))]
      .filter((v) => { const [a, b] = byNumber(v); const [c, d] = byNumber(base.version!); return a > c || (a === c && b > d); })
      .sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
    if (!newer.length) return [];
    const span = doc.attribution.versions[0]?.span ?? doc.headings[0]?.span ?? { start: 0, end: 0 };
    return [{ span, message: `Based on Contributor Covenant ${base.version}; newer: ${newer.join(', ')}.` }];
  },
};
