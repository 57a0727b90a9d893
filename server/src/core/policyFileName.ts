const STEM = /^(?:code[-_]of[-_]conduct|conduct)(?=$|[._-])/i;
const TEXT_EXTENSIONS = new Set(['md', 'markdown', 'txt']);

/**
 * Whether a file name (no folders) is a conventional conduct policy name: CODE_OF_CONDUCT,
 * CONDUCT, code-of-conduct or code_of_conduct in any case, optionally with a suffix such as
 * a language (".fr", "-es"), and with a .md, .markdown or .txt extension or none at all.
 */
export function isPolicyFileName(name: string): boolean {
  const stem = STEM.exec(name);
  if (!stem) return false;
  const rest = name.slice(stem[0].length);
  if (!rest.includes('.')) return true;
  return TEXT_EXTENSIONS.has(rest.slice(rest.lastIndexOf('.') + 1).toLowerCase());
}
