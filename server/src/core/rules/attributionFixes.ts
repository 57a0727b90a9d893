import { minimalFix } from '../fixes';
import { licenceOf, readAttribution, type LicenceClaim, type Permalink, type VersionClaim } from '../structure/attribution';
import type { UpstreamLibrary } from '../upstream/library';
import { baseFamily, CLOSE_ADAPTATION } from './ruleSupport';
import type { PolicyBase, RuleFix } from './types';

/**
 * The Covenant version the policy's body follows, when it is close enough to say: the one
 * fact the attribution fixes align the claim, the permalink and the licence with.
 */
export function bodyVersion(base: PolicyBase): string | undefined {
  const followed = baseFamily(base);
  return followed && base.similarity >= CLOSE_ADAPTATION ? followed.version : undefined;
}

/** The claim's version number ("2.0", "2.0.1") rewritten as `version`; the words around it are kept. */
export function versionClaimFix(text: string, claim: VersionClaim, version: string): RuleFix | undefined {
  const written = text.slice(claim.span.start, claim.span.end);
  const number = /\d\.\d(?:\.\d)?$/.exec(written);
  if (!number) return undefined;
  const start = claim.span.start + number.index;
  return minimalFix(text, { start, end: claim.span.end }, version, `Change the version to ${version}`);
}

/** "version/2/1/" and what follows it up to a fragment: the part of a permalink a version decides. */
const VERSION_PATH = /version\/\d+\/\d+(?:\/\d+)?\/([^#?]*)/i;

/**
 * The permalink pointed at `version`: the version's path segments, and the page name when the
 * link uses the page name of a bundled permalink (1.4's "code-of-conduct.html", 2.x's
 * "code_of_conduct.html", 3.0's bare folder), since versions name their page differently.
 * Scheme, host, language prefix and fragment stay as written. Undefined when the version has
 * no bundled text, so no link is invented.
 */
export function permalinkFix(text: string, link: Permalink, version: string, library: UpstreamLibrary): RuleFix | undefined {
  const pages = canonicalPages(library);
  const target = pages.get(version);
  if (target === undefined) return undefined;
  const written = text.slice(link.span.start, link.span.end);
  const path = VERSION_PATH.exec(written);
  if (!path) return undefined;
  // The link as read may end in the sentence's full stop: it is no part of the page name.
  const [, page, stop] = /^(.*?)([.,;:!?]*)$/.exec(path[1])!;
  const known = [...pages.values()].includes(page.replace(/\\_/g, '_'));
  const [major, minor] = version.split('.');
  const rewritten = `version/${major}/${minor}/${known ? target : page}${stop}`;
  const replaced = written.slice(0, path.index) + rewritten + written.slice(path.index + path[0].length);
  return minimalFix(text, link.span, replaced, `Point the link at version ${version}`);
}

/** Each bundled Covenant version's page name in its own permalink ("code_of_conduct.html", "" for 3.0). */
function canonicalPages(library: UpstreamLibrary): Map<string, string> {
  let pages = PAGES.get(library);
  if (pages) return pages;
  pages = new Map();
  // English first: every version has it, and translations link to the same page names.
  const texts = [...library.texts].sort((a, b) => Number(b.entry.language === 'en') - Number(a.entry.language === 'en'));
  for (const upstream of texts) {
    if (pages.has(upstream.entry.version)) continue;
    for (const link of readAttribution(upstream.body).permalinks) {
      const path = VERSION_PATH.exec(link.url);
      if (link.version === upstream.entry.version && path) {
        pages.set(upstream.entry.version, path[1]);
        break;
      }
    }
  }
  PAGES.set(library, pages);
  return pages;
}

const PAGES = new WeakMap<UpstreamLibrary, Map<string, string>>();

/**
 * The licence's name rewritten as `expected`, in the form it was written ("CC BY 4.0",
 * "CC-BY-SA", "Creative Commons Attribution-ShareAlike 4.0"). When the name is the text of a
 * link to a Creative Commons licence deed, the deed's path is rewritten too, so the link and
 * its text agree.
 */
export function licenceFix(text: string, claim: LicenceClaim, expected: LicenceClaim['licence']): RuleFix | undefined {
  const written = text.slice(claim.span.start, claim.span.end);
  const shareAlike = expected === 'CC BY-SA 4.0';
  let renamed: string;
  const short = /^CC([\s-])BY(?:[\s-]SA)?((?:[\s-]4\.0)?)$/i.exec(written);
  if (short) {
    const separator = short[1];
    renamed = `${written.slice(0, 2)}${separator}${written.slice(3, 5)}${shareAlike ? `${separator === ' ' ? '-' : separator}SA` : ''}${short[2]}`;
  } else {
    const long = /^(Creative Commons Attribution|Attribution)(?:[\s-]ShareAlike)?((?:\s4\.0)?)$/i.exec(written);
    if (!long) return undefined;
    renamed = `${long[1]}${shareAlike ? '-ShareAlike' : ''}${long[2]}`;
  }
  const title = `Change the licence to ${expected}`;
  // "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)": the deed goes with the name.
  const deed = /^\]\(\s*<?https?:\/\/(?:www\.)?creativecommons\.org\/licenses\/(by(?:-sa)?)\/4\.0\/?[^)\s>]*/i.exec(text.slice(claim.span.end, claim.span.end + 120));
  if (deed && text[claim.span.start - 1] === '[') {
    const linked = written.length + deed[0].length;
    const rewritten = renamed + deed[0].replace(/licenses\/by(?:-sa)?\//i, `licenses/${shareAlike ? 'by-sa' : 'by'}/`);
    return minimalFix(text, { start: claim.span.start, end: claim.span.start + linked }, rewritten, title);
  }
  return minimalFix(text, claim.span, renamed, title);
}

/** The licence the policy should name, when that is certain: the claimed version's, and also the body's. */
export function expectedLicence(claimed: string, base: PolicyBase): LicenceClaim['licence'] | undefined {
  const expected = licenceOf(claimed);
  const body = bodyVersion(base);
  return body === undefined || licenceOf(body) === expected ? expected : undefined;
}
