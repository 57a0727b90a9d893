import { LADDERS, RUNGS } from '../ladderRungs';
import { ladderFamily } from '../structure/ladder';
import type { Rule } from './types';

/**
 * A Covenant-style ladder (rung headings with impact/consequence fields) that lost a rung
 * leaves a gap between responses. Custom ladders (a short list of bold names) are the
 * community's own design and are not held to the upstream rungs.
 */
export const ladderIncomplete: Rule = {
  id: 'ladder-incomplete',
  summary: 'A Covenant-style enforcement ladder lacks one of its upstream rungs.',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc }) {
    const rungs = doc.ladder.filter((r) => r.form === 'heading' && r.id);
    if (rungs.length < 2 || !rungs.some((r) => r.fields.length)) return [];
    const order = LADDERS[ladderFamily(doc.ladder)];
    const have = new Set(rungs.map((r) => r.id));
    const findings = [];
    for (const [index, id] of order.entries()) {
      if (have.has(id)) continue;
      const next = order.slice(index + 1).map((later) => rungs.find((r) => r.id === later)).find(Boolean);
      const anchor = next ?? rungs[rungs.length - 1];
      findings.push({ span: anchor.labelSpan, message: `Missing rung "${RUNGS[id].name}": expected it ${next ? `before "${next.name}"` : `after "${anchor.name}"`}, as the upstream ladder has it.` });
    }
    return findings;
  },
};
