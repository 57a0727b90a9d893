import { linkTargets } from '../links';
import type { Rule } from './types';

/**
 * A link to "#" or to nothing goes nowhere: the reader who follows the attribution or the
 * reporting form finds the top of the same page.
 */
export const emptyLink: Rule = {
  id: 'empty-link',
  summary: 'A link whose target is empty or just "#".',
  defaultSeverity: 'warning',
  check({ doc }) {
    return linkTargets(doc.text, doc.tree)
      .filter((t) => t.kind !== 'image' && (t.url.trim() === '' || t.url.trim() === '#'))
      .map((t) => {
        const written = doc.text.slice(t.target.start, t.target.end) || '(empty)';
        const what = t.kind === 'definition' ? `the definition of "[${t.label}]"` : `the link "${t.label.trim() || doc.text.slice(t.span.start, t.span.end)}"`;
        return { span: t.target, message: `Unexpected empty target ${written} for ${what}, expected the URL it should point to.` };
      });
  },
};
