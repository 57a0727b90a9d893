import type { Rule } from './types';

/** Rung numbers are how people refer to rungs ("a level 3 response"); a wrong number points at the wrong rung. */
export const ladderNumbering: Rule = {
  id: 'ladder-numbering',
  summary: 'A ladder rung is numbered out of sequence (e.g. the second rung says "3.").',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc }) {
    const numbered = doc.ladder.filter((r) => r.form === 'heading' && r.number !== undefined);
    if (numbered.length < 2) return [];
    const first = numbered[0].number! - numbered[0].ordinal;
    return numbered
      .filter((r) => r.number !== r.ordinal + first)
      .map((r) => ({ span: r.labelSpan, message: `Unexpected number ${r.number} on "${r.name}": expected ${r.ordinal + first}, its place in the ladder.` }));
  },
};
