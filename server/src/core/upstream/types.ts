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

/** The pinned catalog: one upstream repository at one commit. */
export interface Catalog {
  repo: string;
  commit: string;
  entries: CatalogEntry[];
}

/** The TOML front matter upstream files carry (2.0 sw has none). */
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
}
