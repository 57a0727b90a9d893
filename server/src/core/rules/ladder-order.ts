import { LADDERS, RUNGS } from '../ladderRungs';
import { ladderFamily } from '../structure/ladder';
import type { Rule } from './types';

/** A ladder climbs: a harsher rung listed before a milder one confuses readers and enforcers alike. */
export const ladderOrder: Rule = {
  id: 'ladder-order',
  summary: 'Enforcement ladder rungs are out of order (a harsher rung before a milder one).',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc }) {
    const order = LADDERS[ladderFamily(doc.ladder)];
    const findings = [];
    let highest: (typeof doc.ladder)[number] | undefined;
    for (const rung of doc.ladder) {
      if (!rung.id || !order.includes(rung.id)) continue;
      if (highest && order.indexOf(rung.id) < order.indexOf(highest.id!)) {
        findings.push({ span: rung.labelSpan, message: `Unexpected "${rung.name}" after "${highest.name}": expected ${RUNGS[rung.id].name} to come earlier, since the ladder goes from mildest to harshest.` });
      } else {
        highest = rung;
      }
    }
    return findings;
  },
};
