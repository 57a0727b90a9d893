import type { Span } from '../span';

/**
 * The titles policies give the people who enforce them. "Project maintainers" and "project
 * team" are left out on purpose: 2.x adaptations use them for a different group (the people
 * who maintain the code) alongside "community leaders", so mixing them is not a slip.
 */
export type RoleTerm = 'community leaders' | 'community stewards' | 'community moderators' | 'community managers';

export interface RoleTermUse {
  term: RoleTerm;
  /** As written, e.g. "Community Moderators". */
  text: string;
  span: Span;
}

const ROLE = /\bcommunity[\s_*]+(leaders?|stewards?|moderators?|managers?)\b/giu;

/** Every use of an enforcing-role title, in order. */
export function readRoleTerms(text: string): RoleTermUse[] {
  return [...text.matchAll(ROLE)].map((match) => {
    const word = match[1].toLowerCase().replace(/s?$/, 's');
    return { term: `community ${word}` as RoleTerm, text: match[0], span: { start: match.index, end: match.index + match[0].length } };
  });
}
