import type { Rule } from './types';

/** Template placeholders left in a published policy leave readers without a way to report. */
export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  summary: 'A template placeholder such as [INSERT CONTACT METHOD] is still in the policy.',
  defaultSeverity: 'error',
  check({ doc }) {
    return doc.placeholders.map((p) => {
      const shown = p.text.length > 60 ? `${p.text.slice(0, 57).trimEnd()}…]` : p.text;
      switch (p.kind) {
        case 'reporting':
          return { span: p.span, message: `Unfilled placeholder ${shown}: expected the private contact where reports go, such as an email address or a form.` };
        case 'enforcement':
          return { span: p.span, message: `Unfilled placeholder ${shown}: expected your own enforcement process in its place, or the note removed once the section describes it.` };
        default:
          return { span: p.span, message: `Unfilled placeholder ${shown}: expected the text it stands for.` };
      }
    });
  },
};
