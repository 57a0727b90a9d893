import { literalReferences } from '../links';
import type { Rule } from './types';

const URL_LIKE = /^(?:https?:\/\/|www\.|mailto:)\S+$/i;

/**
 * `[text][label]` with no `[label]: url` definition is printed as it stands, brackets and
 * all, so the link the author meant is lost. A URL written as the label is the usual slip.
 */
export const undefinedReference: Rule = {
  id: 'undefined-reference',
  summary: 'A reference link ([text][label] or [label][]) whose label has no definition.',
  defaultSeverity: 'warning',
  check({ doc }) {
    return literalReferences(doc.text, doc.tree).map((ref) => {
      const written = doc.text.slice(ref.span.start, ref.span.end);
      const label = ref.label.trim();
      if (URL_LIKE.test(label) && label !== ref.text.trim()) {
        const inline = `${ref.image ? '!' : ''}[${ref.text}](${label})`;
        return {
          span: ref.span,
          message: `Unexpected reference "${written}": no definition has the label "${label}", expected an inline link such as "${inline}".`,
          fix: { span: ref.span, text: inline },
        };
      }
      return {
        span: ref.span,
        message: `Unexpected reference "${written}": no definition has the label "${label}", expected a line such as "[${label}]: https://…" or an inline link.`,
      };
    });
  },
};
