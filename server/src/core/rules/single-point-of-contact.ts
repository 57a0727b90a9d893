import { mailboxOwner, projectNameInTitle } from '../structure/mailboxOwner';
import { inAttribution } from './ruleSupport';
import type { Rule } from './types';

/**
 * When every report and appeal goes to one person's own mailbox, nobody can safely report
 * that person, and reports stall when they are away.
 */
export const singlePointOfContact: Rule = {
  id: 'single-point-of-contact',
  summary: 'Every report (and appeal) goes to one personal mailbox.',
  defaultSeverity: 'warning',
  check({ doc, env }) {
    const privateContacts = doc.contacts.filter((c) => c.private && !c.placeholder && !inAttribution(doc, c.span.start));
    const distinct = new Set(privateContacts.map((c) => c.value.toLowerCase()));
    if (distinct.size !== 1 || privateContacts[0].kind !== 'email') return [];
    const title = doc.sections[0]?.heading.title;
    const names = [...(env?.projectNames ?? []), ...(title ? [projectNameInTitle(title) ?? ''] : [])].filter(Boolean);
    if (mailboxOwner(privateContacts[0].value, names, privateContacts[0].personal) !== 'person') return [];
    const first = privateContacts[0];
    const uses = privateContacts.length;
    const appeals = doc.sections.some((s) => /appeal/i.test(s.heading.title) && first.value && doc.text.slice(s.span.start, s.span.end).includes(first.value));
    const what = appeals ? 'Reports and appeals' : 'Reports';
    return [{
      span: first.span,
      message: `${what} all go to one personal address, ${first.value}${uses > 1 ? ` (named ${uses} times)` : ''}: expected a shared team address or a second contact, so a problem with that person can be reported too.`,
    }];
  },
};
