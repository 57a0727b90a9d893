import type { ConductDocument } from '../document';
import type { Span } from '../span';
import type { Contact } from '../structure/contacts';
import type { Section } from '../structure/sections';
import { inAttribution } from './ruleSupport';
import type { Rule, RuleFinding } from './types';

const KIND_NAMES: Record<Contact['kind'], string> = {
  email: 'an email address',
  form: 'a form',
  'issue-tracker': 'a public issue',
  social: 'a public profile',
  chat: 'a chat channel',
  phone: 'a telephone number',
  url: 'a web page',
};

/** Headings of sections that credit or license the text: their links and words are not channels. */
const CREDIT_HEADING = /attribution|licen[cs]e|credits?\b|acknowledg|namensnennung|atribuci|attribuzione|atribui/i;
/** Headings of the section that tells people how to report, strongest first. */
const CONTACT_HEADING = /\bcontacts?\b|^(?:[\d.)\s]*)(?:how to )?report(?:ing)?\b|\bkontakt|\bcontacto|\bcontato|\bmeld/i;
const ENFORCEMENT_HEADING = /report|enforce|incident|complain|moderat|durchsetz|aplicaci|application|applicazione|aplica[cç][aã]o/i;

/** Words that say a paragraph is about reporting, in the bundled languages (CJK has no word boundaries). */
const REPORTING_WORDS = /\breport|\bmeld|\bsignal|\bdenunc|\bcontact|\bkontakt|報告|报告|举报|舉報|通報|通报|連絡|联系|聯繫|신고|보고|연락/i;

/** Whether an offset lies in the Attribution section or in any section headed as a credit or licence. */
function inCredits(doc: ConductDocument, offset: number): boolean {
  if (inAttribution(doc, offset)) return true;
  return doc.sections.some((s) => offset >= s.span.start && offset < s.span.end && CREDIT_HEADING.test(s.heading.title));
}

/** The section's own text, up to its first subsection. */
function ownBody(doc: ConductDocument, section: Section): Span {
  const sub = doc.sections.find((s) => s.span.start > section.bodySpan.start && s.span.start < section.span.end);
  return { start: section.bodySpan.start, end: sub ? sub.span.start : section.span.end };
}

/** Sections headed as the place to find the contact ("Contact", "Reporting"), outside the credits. */
function contactSections(doc: ConductDocument): Section[] {
  return doc.sections.filter((s, i) => !(i === 0 && s.heading.depth === 1) && !inCredits(doc, s.span.start) && CONTACT_HEADING.test(s.heading.title));
}

/** The section that says how to report: a Contact or Reporting section, else Enforcement (never the title or a credit). */
function reportingSection(doc: ConductDocument): Section | undefined {
  const candidates = doc.sections.filter((s, i) => !(i === 0 && s.heading.depth === 1) && !inCredits(doc, s.span.start));
  // Canonical ids first: they recognise the section in every bundled language ("執行", "Durchsetzung").
  return (
    candidates.find((s) => CONTACT_HEADING.test(s.heading.title)) ??
    candidates.find((s) => s.id === 'reporting') ??
    candidates.find((s) => s.id === 'enforcement') ??
    candidates.find((s) => ENFORCEMENT_HEADING.test(s.heading.title))
  );
}

/**
 * Where the finding goes: in the reporting section, the paragraph (and the list after it)
 * that talks about reporting; else that section's heading; else such a paragraph anywhere
 * outside the credits; else the title.
 */
function anchor(doc: ConductDocument): Span {
  const section = reportingSection(doc);
  const within = section ? ownBody(doc, section) : { start: 0, end: doc.text.length };
  const blocks = doc.tree.children;
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i];
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'paragraph' || start === undefined || end === undefined) continue;
    if (start < within.start || end > within.end || inCredits(doc, start)) continue;
    if (!REPORTING_WORDS.test(doc.text.slice(start, end))) continue;
    const next = blocks[i + 1];
    const listEnd = next?.type === 'list' ? next.position?.end.offset : undefined;
    return { start, end: listEnd ?? end };
  }
  return section?.heading.span ?? doc.headings[0]?.span ?? { start: 0, end: 0 };
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
    const contacts = doc.contacts.filter((c) => !inCredits(doc, c.span.start) && !/contributor-covenant\.org/i.test(c.value));
    // "No Code of Conduct" declares there is no process; a pointer's channels are those of the
    // code it adopts, so only a channel it names itself is checked.
    if (base.family === 'no-code-of-conduct') return [];
    // The Covenant leaves the contact to each adopter, so a pointer that adopts it must name
    // one itself; a pointer to another organisation's code inherits that code's channels.
    if (base.kind === 'pointer' && base.family !== 'contributor-covenant' && !contacts.some((c) => c.kind === 'email' || c.kind === 'form')) return [];
    const findings: RuleFinding[] = [];
    // A Contact or Reporting section that names no channel, whatever the rest of the policy offers.
    for (const section of contactSections(doc)) {
      const body = section.bodySpan;
      const inside = contacts.some((c) => c.span.start >= body.start && c.span.start < body.end);
      const words = doc.text.slice(body.start, body.end).trim();
      // An address quoted in code (`conduct@x.org`) is still an address to the reader.
      if (inside || /[\w.+-]+@[\w-]+\.[\w.-]+/.test(words)) continue;
      if (!words) {
        findings.push({ span: section.heading.span, message: `Empty "${section.heading.title}" section: expected the email address or form where reports go.` });
      } else if (contacts.some((c) => c.private)) {
        const shown = words.replace(/\s+/g, ' ');
        findings.push({ span: section.heading.span, severity: 'information', message: `The "${section.heading.title}" section names no channel ("${shown.length > 40 ? `${shown.slice(0, 37)}…` : shown}"); expected the email address or form where reports go, which the policy gives elsewhere.` });
      }
    }
    const privateOnes = contacts.filter((c) => c.private);
    if (privateOnes.length && privateOnes.every((c) => c.kind === 'phone')) {
      findings.push({ span: privateOnes[0].span, severity: 'information', message: `Reports can only be made by telephone (${privateOnes[0].value}): expected an email address or a form as well, so people can report in writing, at any hour, without being overheard.` });
    }
    if (privateOnes.length) return findings;
    if (findings.some((f) => f.message.startsWith('Empty'))) return findings;
    const offered = [...new Set(contacts.filter((c) => c.kind !== 'url').map((c) => (c.kind === 'chat' && !/^https?:/i.test(c.value) ? `${KIND_NAMES.chat} named without a handle or link ("${c.value}")` : KIND_NAMES[c.kind])))];
    const span = anchor(doc);
    if (base.family === 'contributor-covenant' && ['1.0', '1.1', '1.2'].includes(base.version ?? '')) {
      return [...findings, { span, severity: 'information', message: `Contributor Covenant ${base.version} offers only public reporting (opening an issue or contacting maintainers); 1.3 and later add a private contact. Add an email address or a form only the enforcement team reads.` }];
    }
    const channels = offered.length ? `only ${offered.join(' and ')}` : 'no channel at all';
    return [...findings, { span, message: `No private way to report: this policy offers ${channels}; expected an email address or a form that only the people handling reports can read.` }];
  },
};
