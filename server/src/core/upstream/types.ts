/** One pinned upstream file, as listed in upstream/catalog.json: facts, never the text. */
export interface CatalogEntry {
  /** Contributor Covenant version, e.g. "2.1". */
  version: string;
  /** Upstream language code, kept as upstream spells it ("en", "pt-br", "iw", "zh-cn"). */
  language: string;
  /** Path inside the upstream repository at the pinned commit. */
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * An earlier wording of a catalogued text (same version and language), as upstream
 * published it before later edits: the first blob with that wording, where it lives, and
 * the dates of the first and last upstream commits that carried it.
 */
export interface CatalogRevision extends CatalogEntry {
  /** Upstream repository, "owner/name". */
  repo: string;
  /** The first commit with this wording; the file is `<repo>/<commit>/<path>`. */
  commit: string;
  /** ISO date (YYYY-MM-DD) of the first upstream commit with this wording. */
  firstDate: string;
  /** ISO date of the last upstream commit with this wording. */
  lastDate: string;
}

/** The pinned catalog: today's texts from one upstream repository at one commit, and their earlier wordings. */
export interface Catalog {
  repo: string;
  commit: string;
  entries: CatalogEntry[];
  /** Earlier wordings, each at its own commit; absent in catalogs that predate them. */
  revisions?: CatalogRevision[];
  /** Texts of other families (Citizen, Django, …), each at its own repository and commit. */
  families?: CatalogFamilyEntry[];
}

/**
 * A code-of-conduct family other than the Contributor Covenant whose text is bundled, as
 * catalog.json names it; see {@link KNOWN_FAMILIES} for those recognised by name only.
 */
export type BundledFamily = 'citizen' | 'django' | 'geek-feminism' | 'go' | 'no-code-of-conduct';

/** One pinned text of another family: facts, never the text. */
export interface CatalogFamilyEntry extends CatalogEntry {
  family: BundledFamily;
  /** Upstream repository, "owner/name". */
  repo: string;
  commit: string;
  /** The licence, as the text itself states it (or that it does not). */
  licence: string;
}

/** A bundled text of another family, ready for detection. */
export interface FamilyText {
  entry: CatalogFamilyEntry;
  /** The Markdown body after the front matter, line breaks normalised to LF. */
  body: string;
}

/** When upstream published an earlier wording: the facts a detection or hover reports. */
export interface RevisionInfo {
  commit: string;
  /** ISO dates (YYYY-MM-DD) of the first and last upstream commits with this wording. */
  firstDate: string;
  lastDate: string;
}

/**
 * The front matter upstream files carry: TOML between `+++` lines today (2.0 sw has none);
 * some earlier files carried Jekyll's YAML between `---` lines, or none.
 */
export interface UpstreamFrontMatter {
  version?: string;
  title?: string;
  aliases: string[];
  /** The template's reporting placeholder, e.g. "[INSERT CONTACT METHOD]" or a translation. */
  reportingPlaceholder?: string;
  /** 3.0's long note that asks adopters to describe their own enforcement. */
  enforcementPlaceholder?: string;
}

/** An upstream text ready for analysis. */
export interface UpstreamText {
  entry: CatalogEntry;
  frontMatter: UpstreamFrontMatter;
  /** The Markdown body after the front matter, line breaks normalised to LF. */
  body: string;
  /** Set for an earlier wording; undefined for today's. */
  revision?: RevisionInfo;
}
