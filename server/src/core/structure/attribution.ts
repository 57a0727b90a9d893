import type { Span } from '../span';

/** A version of the Contributor Covenant that the policy says it is based on. */
export interface VersionClaim {
  version: string;
  span: Span;
}

/** A link to a contributor-covenant.org version page. */
export interface Permalink {
  url: string;
  /** The version in the URL's path ("/version/2/1/…" → "2.1"). */
  version?: string;
  span: Span;
}

/** A licence the policy names for its text. */
export interface LicenceClaim {
  licence: 'CC BY 4.0' | 'CC BY-SA 4.0';
  span: Span;
}

export interface Attribution {
  versions: VersionClaim[];
  permalinks: Permalink[];
  licences: LicenceClaim[];
}

/** The licence a Contributor Covenant version is published under: 3.0 CC BY-SA 4.0, earlier versions CC BY 4.0. */
export function licenceOf(version: string): LicenceClaim['licence'] {
  return version.startsWith('3.') ? 'CC BY-SA 4.0' : 'CC BY 4.0';
}

/** "Contributor Covenant …, version 2.1", "Contributor Covenant v2.0", "covenant 1.4". */
const VERSION_CLAIM = /Contributor[\s_*]+Covenant(?:[\]\s_*]|\[[^\]\n]{0,40}\]|\([^)\n]{0,200}\))*[,:]?\s*(?:\(?(?:version|versi[oó]n|vers[aã]o|versione|Version|v\.?)\s*)?(\d)\.(\d)(?:\.\d)?\b/giu;
/** The version in a permalink path, with the \_ escapes some editors add undone. */
const PERMALINK = /(?:https?:\/\/)?(?:www\.)?contributor-covenant\.org\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?version\/(\d+)\/(\d+)(?:\/\d+)?\/[^\s)\]>"'`]*/gi;
const LICENCE = /\bCC[\s-]BY[\s-]SA(?:[\s-]4\.0)?\b|Attribution[\s-]ShareAlike(?:\s4\.0)?|\bCC[\s-]BY(?:[\s-]4\.0)?\b(?![\s-]SA)|Creative Commons Attribution(?:\s4\.0)?(?![\s-]ShareAlike)/gi;

/** What the policy claims about where it comes from: versions, permalinks and licences. */
export function readAttribution(text: string): Attribution {
  const versions: VersionClaim[] = [];
  for (const match of text.matchAll(VERSION_CLAIM)) {
    versions.push({ version: `${match[1]}.${match[2]}`, span: { start: match.index, end: match.index + match[0].length } });
  }
  const permalinks: Permalink[] = [];
  for (const match of text.matchAll(PERMALINK)) {
    permalinks.push({ url: match[0], version: `${match[1]}.${match[2]}`, span: { start: match.index, end: match.index + match[0].length } });
  }
  const licences: LicenceClaim[] = [];
  for (const match of text.matchAll(LICENCE)) {
    const shareAlike = /SA|ShareAlike/i.test(match[0]);
    licences.push({ licence: shareAlike ? 'CC BY-SA 4.0' : 'CC BY 4.0', span: { start: match.index, end: match.index + match[0].length } });
  }
  return { versions, permalinks, licences };
}
