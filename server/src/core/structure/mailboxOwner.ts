/**
 * Whose mailbox an e-mail address is, read from the address alone and the names the project
 * goes by. It matters for one question: can a report about the person who reads it be sent
 * there? A role mailbox (conduct@, team@) or the project's own (geovista.pub@gmail.com) can
 * outlive one person; a person's (jane.doe@…, a given name at a family domain) cannot.
 */
export type MailboxOwner = 'role' | 'project' | 'person' | 'unknown';

/** Parts of a local part that name a function, not a person. */
const ROLE_PART = /^(?:conduct|coc|codeofconduct|team|teams|info|hello|hi|contact|contacts|admin|admins|administrators?|community|communities|reports?|reporting|abuse|moderat(?:e|ors?|ion)|mods?|maintainers?|security|secure|support|help|safety|safe|trust|core|oss|opensource|open|source|dev|devs|developers?|project|projects|office|legal|enforcement|steering|board|staff|organi[sz]ers?|organi[sz]ation|committee|council|ethics|incidents?|diversity|inclusion|conf|conference|events?|foundation|tsc|leadership|leads?|mail|email|noreply|no|reply|inbox|general|hr|people|care|feedback|privacy|compliance|governance|stewards?|ombuds(?:person)?|coc-?team|list|lists|group|groups|pub|public|official|hq|org|crew|desk|manager|managers|management|operations|ops)$/i;

/** Letters and digits only, lower case: "Geo-Vista" and "geovista" are one name. */
function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The owner of `address`.
 * - role: every part of the local part is a role word (conduct, coc-team, report.abuse);
 * - project: the local part or, for a domain of its own, nothing else, names the project;
 * - person: at a free mail provider, or a first.last form;
 * - unknown: nothing tells. A single word at an organisation's domain (jakub@, elo@,
 *   datenzentrum@) may be a given name or a function in any language: no finding rests on it.
 */
export function mailboxOwner(address: string, projectNames: readonly string[], freeMail: boolean): MailboxOwner {
  const at = address.lastIndexOf('@');
  if (at <= 0) return 'unknown';
  const local = address.slice(0, at).replace(/\+.*$/, '');
  const parts = local.split(/[._-]+/).filter(Boolean);
  const names = projectNames.map(squash).filter((n) => n.length >= 3);
  const squashedLocal = squash(local);
  const namesProject = (text: string) => names.some((n) => text.includes(n) || (text.length >= 4 && n.includes(text)));
  if (parts.length && parts.every((p) => ROLE_PART.test(p))) return 'role';
  if (namesProject(squashedLocal)) return 'project';
  if (freeMail) return 'person';
  if (parts.length === 2 && parts.every((p) => /^\p{L}{2,}$/u.test(p)) && !parts.some((p) => ROLE_PART.test(p))) return 'person';
  return 'unknown';
}

/** Words a policy's title wraps around the project's name: "The GeoVista Community Code of Conduct". */
const TITLE_FILLER = /\b(?:the|our|a|an|contributor|covenant|code|of|conduct|coc|community|communities|project|projects|policy|guidelines?|open|source|version|v?\d+(?:\.\d+)*|and|for|in|de|du|la|le|des|von|der|die|das)\b/giu;

/** The project's name as its title gives it, when the title says more than "Code of Conduct". */
export function projectNameInTitle(title: string): string | undefined {
  const rest = title.replace(/[`*_[\]()<>#:|"'“”‘’]/g, ' ').replace(TITLE_FILLER, ' ').replace(/\s+/g, ' ').trim();
  return rest.length >= 3 && rest.length <= 60 ? rest : undefined;
}
