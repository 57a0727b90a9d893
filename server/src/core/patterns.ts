// Patterns several parts of the core agree on. One definition each, so detection's masking,
// contact extraction and the rules never disagree about what an address or a web link is.

/**
 * An e-mail address in running text. The lookbehind makes each run of word characters a
 * single candidate start, so a long run without an "@" costs linear time, not quadratic.
 */
export const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;

/** A web address in running text: http(s):// or www., up to white space or Markdown punctuation. */
export const WEB_URL = /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<>()[\]"'`]{1,2000}/giu;

/** A line (already trimmed, or with surrounding white space) that is only a web address. */
export const URL_LINE = /^\s*(?:https?:\/\/|www\.)\S+\s*$/i;

/** A literal string as a regular expression that matches it exactly. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
