import { newerVersions, noteSpan } from './ruleSupport';
import type { Rule } from './types';

/** Newer versions fix gaps (2.1 widened the pledge; 3.0 adds repair); worth knowing, not an error. */
export const outdatedBase: Rule = {
  id: 'outdated-base',
  summary: 'A newer Contributor Covenant version than the one the policy follows exists.',
  defaultSeverity: 'information',
  appliesTo: 'covenant-text',
  check({ doc, base, library }) {
    if (base.family !== 'contributor-covenant' || !base.version) return [];
    const newer = newerVersions(library, base.version);
    if (!newer.length) return [];
    const span = noteSpan(doc);
    return [{ span, message: `Based on Contributor Covenant ${base.version}; newer: ${newer.join(', ')}.` }];
  },
};
