import type { Span } from '../span';

/**
 * The titles policies give the people who enforce them: "community" or "project" and one of
 * leaders, stewards, moderators or managers. "Project maintainers" and "project team" count
 * only where the sentence makes them the enforcers ("… responsible for enforcement"): 2.x
 * adaptations otherwise use them for a different group (the people who maintain the code)
 * alongside "community leaders", and 1.4 uses both for the one group, so mixing them
 * elsewhere is not a slip.
 */
export type RoleTerm = `${'community' | 'project'} ${'leaders' | 'stewards' | 'moderators' | 'managers' | 'maintainers' | 'team'}`;

export interface RoleTermUse {
  term: RoleTerm;
  /** As written, e.g. "Community Moderators". */
  text: string;
  span: Span;
}

const SPACE = String.raw`[\s_*]+`;
const ROLE = new RegExp(String.raw`\b(community|project)${SPACE}(leaders?|stewards?|moderators?|managers?)\b`, 'giu');
const ENFORCING = new RegExp(String.raw`\b(community|project)${SPACE}(maintainers?|team)(?=${SPACE}responsible${SPACE}for${SPACE}enforc)`, 'giu');

/** Every use of an enforcing-role title, in order. */
export function readRoleTerms(text: string): RoleTermUse[] {
  const uses = [...text.matchAll(ROLE), ...text.matchAll(ENFORCING)].map((match) => {
    const word = match[2].toLowerCase();
    const plural = word === 'team' ? word : word.replace(/s?$/, 's');
    return { term: `${match[1].toLowerCase()} ${plural}` as RoleTerm, text: match[0], span: { start: match.index, end: match.index + match[0].length } };
  });
  return uses.sort((a, b) => a.span.start - b.span.start);
}
