import { FIELDS } from '../ladderRungs';
import { ladderFamily } from '../structure/ladder';
import type { Rule } from './types';

const FIELD_NAMES = { 'community-impact': 'Community Impact', consequence: 'Consequence', event: 'Event', repair: 'Repair' } as const;

/**
 * Each rung should say both what behaviour leads to it and what happens then; a rung with
 * one of them missing cannot be applied consistently. Only checked when the ladder uses
 * fields at all.
 */
export const rungMissingField: Rule = {
  id: 'rung-missing-field',
  summary: 'A ladder rung lacks one of the fields its other rungs state (Community Impact, Consequence, …).',
  defaultSeverity: 'warning',
  appliesTo: 'covenant-text',
  check({ doc }) {
    const rungs = doc.ladder.filter((r) => r.form === 'heading' || r.fields.length);
    const family = ladderFamily(doc.ladder);
    const used = new Set(rungs.flatMap((r) => r.fields.map((f) => f.id)));
    const expected = FIELDS[family].filter((id) => used.has(id));
    if (!expected.length) return [];
    return rungs.flatMap((rung) =>
      expected
        .filter((id) => !rung.fields.some((f) => f.id === id))
        .map((id) => ({ span: rung.labelSpan, message: `Missing "${FIELD_NAMES[id]}" in rung "${rung.name}": expected it, as the other rungs state theirs.` })),
    );
  },
};
