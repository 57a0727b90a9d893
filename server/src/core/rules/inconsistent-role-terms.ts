import type { Rule } from './types';

/**
 * One group enforces the policy; calling it by two names ("stewards" here, "leaders" there)
 * makes readers wonder whether two groups exist. The most used title is taken as intended.
 */
export const inconsistentRoleTerms: Rule = {
  id: 'inconsistent-role-terms',
  summary: 'The people who enforce the policy are called by more than one title.',
  defaultSeverity: 'warning',
  check({ doc }) {
    const counts = new Map<string, number>();
    for (const use of doc.roleTerms) counts.set(use.term, (counts.get(use.term) ?? 0) + 1);
    if (counts.size < 2) return [];
    // The most used title wins; on a tie, the one used first.
    const [main] = [...counts.entries()].sort((a, b) => b[1] - a[1] || first(a[0]) - first(b[0]))[0];
    function first(term: string) {
      return doc.roleTerms.findIndex((u) => u.term === term);
    }
    return doc.roleTerms
      .filter((use) => use.term !== main)
      .map((use) => ({ span: use.span, message: `Unexpected "${use.text}": the policy calls them "${main}" ${counts.get(main)} times; expected one title throughout.` }));
  },
};
