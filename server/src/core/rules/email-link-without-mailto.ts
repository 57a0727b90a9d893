import { linkTargets } from '../links';
import type { Rule } from './types';

const BARE_EMAIL = /^[^\s@/:?#<>()]+@[^\s@/:?#<>()]+\.[^\s@/:?#<>()]+$/;

/**
 * `[write to us](conduct@example.org)` is a relative link: it opens a page named after the
 * address, which does not exist, instead of the reader's mail program.
 */
export const emailLinkWithoutMailto: Rule = {
  id: 'email-link-without-mailto',
  summary: 'A link whose target is a bare email address, without "mailto:".',
  defaultSeverity: 'warning',
  check({ doc }) {
    return linkTargets(doc.text, doc.tree)
      .filter((t) => t.kind !== 'autolink' && BARE_EMAIL.test(t.url))
      .map((t) => {
        const written = doc.text.slice(t.destination.start, t.destination.end);
        const bracketed = written.startsWith('<');
        const fixed = bracketed ? `<mailto:${written.slice(1)}` : `mailto:${written}`;
        return {
          span: t.destination,
          message: `Unexpected link target "${t.url}", expected "mailto:${t.url}": without the scheme the link opens a missing page instead of an email.`,
          fix: { span: t.destination, text: fixed },
        };
      });
  },
};
