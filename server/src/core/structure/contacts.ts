import type { Root } from 'mdast';
import { spanOf, walk } from '../markdown';
import { EMAIL, WEB_URL } from '../patterns';
import type { Span } from '../span';

/**
 * A way to reach the people who handle reports.
 * - `email`: an address, bare or as a mailto: link;
 * - `form`: a web form (a URL that is one, or "contact form" in the text);
 * - `issue-tracker`: opening an issue, a URL to issues or discussions;
 * - `social`: a social network or a forge's public profile ("through GitHub");
 * - `chat`: a chat service, private only when the text says to message someone directly;
 * - `phone`: a telephone number (private, but a report cannot be written down and sent);
 * - `url`: any other link.
 */
export type ContactKind = 'email' | 'form' | 'issue-tracker' | 'social' | 'chat' | 'phone' | 'url';

export interface Contact {
  kind: ContactKind;
  /** The address, URL or phrase as written. */
  value: string;
  span: Span;
  /** Whether a report sent this way reaches only the people handling it. */
  private: boolean;
  /** A template address such as security@yourorg.com or conduct@example.com. */
  placeholder: boolean;
  /** A personal mailbox at a free provider (gmail.com, outlook.com, …), i.e. one person. */
  personal: boolean;
}


/** Domains that mark an address as a template value, not a real one. */
const PLACEHOLDER_DOMAIN = /^(?:example\.(?:com|org|net)|(?:[\w-]+\.)?(?:your|my)[-_]?(?:org|organi[sz]ation|project|company|domain|site|team|community|email|name)[\w-]*\.[a-z]{2,}|domain\.(?:com|org)|email\.com|company\.com|project\.org)$/i;
const FREE_MAIL = /^(?:gmail|googlemail|outlook|hotmail|live|yahoo|ymail|icloud|me|aol|proton|protonmail|pm|gmx|mail|yandex|qq|163|126|zoho)\.[a-z.]{2,6}$/i;

const FORM_URL = /forms\.gle|docs\.google\.com\/forms|forms\.office\.com|typeform\.com|jotform|tally\.so|airtable\.com\/shr|formspree|\/forms?\b|contact/i;
const TRACKER_URL = /\/(?:issues|discussions|pulls)\b|\/-\/issues/i;
const SOCIAL_URL = /(?:twitter|x|mastodon\.[a-z]+|linkedin|facebook|instagram|bsky|threads)\.(?:com|social|app|net)\b/i;
const CHAT_URL = /discord\.(?:gg|com)|slack\.com|matrix\.to|zulipchat\.com|gitter\.im|t\.me\b/i;

const AT = String.raw`(?:\s*[([{]\s*at\s*[)\]}]\s*|\s+(?:AT|at)\s+)`;
const DOT = String.raw`(?:\s*[([{]\s*dot\s*[)\]}]\s*|\s+(?:DOT|dot)\s+)`;
const OBFUSCATED_AT = new RegExp(AT, 'g');
const OBFUSCATED_DOT = new RegExp(DOT, 'g');
/** A local part, an obfuscated "at", then labels joined by real or obfuscated dots, ending in a plausible top-level domain. */
const OBFUSCATED_EMAIL = new RegExp(String.raw`(?<![\w.@-])[\w.+-]{1,64}${AT}(?:[a-z0-9-]{1,63}(?:\.|${DOT}))+[a-z]{2,12}\b`, 'giu');
/** A telephone number after a word that says so ("phone", "call", "tel", …), or a tel: link's number. */
const PHONE = /\b(?:phone|telephone|tel|call|text|mobile|cell|whatsapp|signal)\b[^\n\d+]{0,20}(\+?\(?\d[\d ().-]{6,18}\d)/gi;

/** Phrases that name a channel without an address. */
const PHRASES: { pattern: RegExp; kind: ContactKind; private: boolean }[] = [
  { pattern: /\bcontact form\b|\breport(?:ing)? form\b|\bweb form\b|\bonline form\b/gi, kind: 'form', private: true },
  { pattern: /\b(?:open(?:ing)?|fil(?:e|ing)|creat(?:e|ing)|submit(?:ting)?) (?:an? |a new )?(?:GitHub |GitLab )?issues?\b|\bGitHub issues?\b|\bissue tracker\b|\bGitHub discussions?\b/gi, kind: 'issue-tracker', private: false },
  { pattern: /\b(?:through|via|on) (?:GitHub|GitLab|Twitter|X|LinkedIn|Mastodon)\b(?!\s+(?:issues?|discussions?))/gi, kind: 'social', private: false },
  // "contact us on Discord": a platform named, with no handle, server or link to reach anyone by.
  { pattern: /\b(?:on|via|through|in|at) (?:our |the )?(?:Discord|Slack|Matrix|Zulip|Gitter|Telegram|IRC)(?: (?:server|channel|workspace|chat))?\b/g, kind: 'chat', private: false },
  { pattern: /\b(?:direct(?:ly)? message|private message|DM)\b[^.\n]{0,60}\b(?:Discord|Slack|Matrix|Zulip|Gitter|Element)\b|\b(?:Discord|Slack|Matrix|Zulip|Gitter|Element)\b[^.\n]{0,60}\b(?:direct message|private message|DM)\b/gi, kind: 'chat', private: true },
];

/** Messaging someone privately, on any platform ("contact the stewards by DM"). */
const DIRECT_MESSAGE = /\b(?:DMs?|direct(?:ly)? messag(?:e|es|ing)|private(?:ly)? messag(?:e|es|ing)|message (?:us|them|one of us|(?:a|an|any|one of the) (?:\w+ ){0,2}(?:moderators?|maintainers?|stewards?|admins?|organi[sz]ers?|leaders?|members? of the \w+ team)) (?:privately|directly))\b/gi;
const REPORT_VERB = /\b(?:report\w*|contact\w*|reach\w*|notify\w*|tell|message|let \w+ know|raise|flag)\b/i;
/** Private messages that are the harm being described, not the way to report it. */
const UNWANTED = /\b(?:unsolicited|unwanted|unwelcome|spam\w*|harass\w*|abusive|sexual\w*)\b/i;

/**
 * Whether the sentence around `offset` tells people to report by that means: it has a
 * reporting verb and does not describe unwanted messages as the behaviour to avoid.
 */
function isReportingSentence(text: string, offset: number): boolean {
  const before = text.lastIndexOf('\n\n', offset);
  const paragraphStart = before < 0 ? 0 : before;
  const head = text.slice(Math.max(paragraphStart, offset - 300), offset);
  const start = Math.max(head.search(/[.!?]\s+[^.!?]*$/) + 1, 0);
  const endMatch = /[.!?](?:\s|$)|\n\n/.exec(text.slice(offset, offset + 300));
  const sentence = head.slice(start) + text.slice(offset, offset + (endMatch ? endMatch.index : 300));
  return REPORT_VERB.test(sentence) && !UNWANTED.test(sentence);
}

/**
 * Every contact in the text outside code. Link targets count (a mailto: behind "email us"),
 * and the Markdown tree tells a link's text from its target so one address is one contact.
 */
export function readContacts(text: string, tree: Root, codeSpans: readonly Span[]): Contact[] {
  // Candidates from every source, in priority order (a link covers the address inside it);
  // one sorted sweep then keeps the first of any that overlap, in linear-logarithmic time.
  const candidates: { contact: Contact; priority: number }[] = [];
  walk(tree, (node) => {
    if ((node.type !== 'link' && node.type !== 'definition') || !node.url) return;
    const span = spanOf(node);
    if (!span) return;
    if (/^mailto:/i.test(node.url)) candidates.push({ contact: emailContact(node.url.slice(7).split('?')[0], span), priority: 0 });
    else if (/^https?:/i.test(node.url)) candidates.push({ contact: urlContact(node.url, span), priority: 0 });
    else if (/^tel:/i.test(node.url)) candidates.push({ contact: { kind: 'phone', value: node.url.slice(4), span, private: true, placeholder: false, personal: false }, priority: 0 });
  });
  for (const match of text.matchAll(EMAIL)) {
    candidates.push({ contact: emailContact(match[0], { start: match.index, end: match.index + match[0].length }), priority: 1 });
  }
  // Addresses written out so harvesters miss them: name(at)domain.org, name AT domain DOT org, "conduct at example dot org".
  for (const match of text.matchAll(OBFUSCATED_EMAIL)) {
    // A plain " at " is English ("the team at github.com") unless the dots are written out too.
    if (/\sat\s/.test(match[0]) && !/[\s([{]dot[\s)\]}]/i.test(match[0])) continue;
    const address = match[0].replace(OBFUSCATED_AT, '@').replace(OBFUSCATED_DOT, '.').replace(/\s+/g, '');
    candidates.push({ contact: emailContact(address, { start: match.index, end: match.index + match[0].length }), priority: 1 });
  }
  for (const match of text.matchAll(PHONE)) {
    const contact: Contact = { kind: 'phone', value: match[1], span: { start: match.index + match[0].indexOf(match[1]), end: match.index + match[0].length }, private: true, placeholder: false, personal: false };
    candidates.push({ contact, priority: 2 });
  }
  for (const match of text.matchAll(WEB_URL)) {
    const value = match[0].replace(/[.,;:!?)]+$/, '');
    candidates.push({ contact: urlContact(value, { start: match.index, end: match.index + value.length }), priority: 2 });
  }
  for (const phrase of PHRASES) {
    for (const match of text.matchAll(phrase.pattern)) {
      const contact: Contact = { kind: phrase.kind, value: match[0], span: { start: match.index, end: match.index + match[0].length }, private: phrase.private, placeholder: false, personal: false };
      candidates.push({ contact, priority: 3 });
    }
  }
  for (const match of text.matchAll(DIRECT_MESSAGE)) {
    if (!isReportingSentence(text, match.index)) continue;
    const contact: Contact = { kind: 'chat', value: match[0], span: { start: match.index, end: match.index + match[0].length }, private: true, placeholder: false, personal: false };
    candidates.push({ contact, priority: 3 });
  }
  candidates.sort((a, b) => a.contact.span.start - b.contact.span.start || a.priority - b.priority || b.contact.span.end - a.contact.span.end);
  // Code hides what it holds, except an inline code span that is exactly one address or URL:
  // `conduct@example.org` is written as code to be copied, not as an example.
  const code = codeSpans.filter((span) => !isCodedAddress(text, span)).sort((a, b) => a.start - b.start);
  const contacts: Contact[] = [];
  let coveredTo = -1;
  let codeIndex = 0;
  for (const { contact } of candidates) {
    const start = contact.span.start;
    if (start < coveredTo) continue;
    while (codeIndex < code.length && code[codeIndex].end <= start) codeIndex++;
    if (codeIndex < code.length && code[codeIndex].start <= start) continue;
    contacts.push(contact);
    coveredTo = contact.span.end;
  }
  return contacts;
}

const CODED_ADDRESS = new RegExp(`^(?:${EMAIL.source}|${WEB_URL.source})$`, 'iu');

function isCodedAddress(text: string, span: Span): boolean {
  if (span.end - span.start > 300 || text[span.start] !== '`') return false;
  const inner = text.slice(span.start, span.end).replace(/^`+|`+$/g, '').trim();
  return CODED_ADDRESS.test(inner);
}

function emailContact(address: string, span: Span): Contact {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return { kind: 'email', value: address, span, private: true, placeholder: PLACEHOLDER_DOMAIN.test(domain), personal: FREE_MAIL.test(domain) };
}

function urlContact(url: string, span: Span): Contact {
  let host = '';
  try {
    host = new URL(/^www\./i.test(url) ? `https://${url}` : url).hostname;
  } catch {
    host = '';
  }
  const base = { value: url, span, placeholder: PLACEHOLDER_DOMAIN.test(host), personal: false };
  if (TRACKER_URL.test(url)) return { ...base, kind: 'issue-tracker', private: false };
  if (SOCIAL_URL.test(host)) return { ...base, kind: 'social', private: false };
  if (CHAT_URL.test(url)) return { ...base, kind: 'chat', private: false };
  if (FORM_URL.test(url.replace(/^https?:\/\/[^/]+/, '')) || /forms\.gle|typeform|jotform|tally\.so/i.test(host)) return { ...base, kind: 'form', private: true };
  return { ...base, kind: 'url', private: false };
}
