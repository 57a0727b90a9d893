import type { ConductDocument } from '../document';
import type { Span } from '../span';
import type { Contact } from '../structure/contacts';
import { inAttribution } from './ruleSupport';
import type { Rule } from './types';

const KIND_NAMES: Record<Contact['kind'], string> = {
  email: 'an email address',
  form: 'a form',
  'issue-tracker': 'a public issue',
  social: 'a public profile',
  chat: 'a chat channel',
  url: 'a web page',
};

/** Where the policy tells people how to report: the first paragraph that says so, through the list after it. */
function reportingPassage(doc: ConductDocument, fallback: Span): Span {
  const text = doc.text;
  const paragraphs = doc.tree.children;
  for (let i = 0; i < paragraphs.length; i++) {
    const node = paragraphs[i];
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'paragraph' || start === undefined || end === undefined || inAttribution(doc, start)) continue;
    if (!/\breport/i.test(text.slice(start, end))) continue;
    const next = paragraphs[i + 1];
    const listEnd = next?.type === 'list' ? next.position?.end.offset : undefined;
    return { start, end: listEnd ?? end };
  }
  return fallback;
}

/**
 * People must be able to report without exposing themselves (or the person they report)
 * in public. A policy that only offers public channels fails the people it is for.
 */
export const privateReportingChannel: Rule = {
  id: 'private-reporting-channel',
  summary: 'The policy offers no private way to report (only a public issue tracker, or nothing).',
  defaultSeverity: 'warning',
  check({ doc, base }) {
    // An unfilled contact placeholder is already reported; this rule would only repeat it.
    if (doc.placeholders.some((p) => p.kind !== 'enforcement') || doc.contacts.some((c) => c.placeholder)) return [];
    const contacts = doc.contacts.filter((c) => !inAttribution(doc, c.span.start) && !/contributor-covenant\.org/i.test(c.value));
    // "No Code of Conduct" declares there is no process; a pointer's channels are those of the
    // code it adopts, so only a channel it names itself is checked.
    if (base.family === 'no-code-of-conduct') return [];
    if (base.kind === 'pointer' && !contacts.some((c) => c.kind === 'email' || c.kind === 'form')) return [];
    if (contacts.some((c) => c.private)) return [];
    const offered = [...new Set(contacts.filter((c) => c.kind !== 'url').map((c) => KIND_NAMES[c.kind]))];
    const firstHeading = doc.headings[0]?.span ?? { start: 0, end: 0 };
    const span = reportingPassage(doc, contacts[0]?.span ?? firstHeading);
    if (base.family === 'contributor-covenant' && ['1.0', '1.1', '1.2'].includes(base.version ?? '')) {
      return [{ span, severity: 'information', message: `Contributor Covenant ${base.version} offers only public reporting (opening an issue or contacting maintainers); 1.3 and later add a private contact. Add an email address or a form only the enforcement team reads.` }];
    }
    const channels = offered.length ? `only ${offered.join(' and ')}` : 'no channel at all';
    return [{ span, message: `No private way to report: this policy offers ${channels}; expected an email address or a form that only the people handling reports can read.` }];
  },
};
