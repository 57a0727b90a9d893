import type { Rule } from './types';

/** A template address like security@yourorg.com reads as filled in, but nobody receives the mail. */
export const placeholderContact: Rule = {
  id: 'placeholder-contact',
  summary: 'A contact still points at a template domain such as example.com or yourorg.com.',
  defaultSeverity: 'error',
  check({ doc }) {
    return doc.contacts
      .filter((c) => c.placeholder)
      .map((c) => ({ span: c.span, message: `Unexpected template contact ${c.value}: expected an address or link your team actually reads.` }));
  },
};
