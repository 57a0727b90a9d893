/**
 * Folds a heading or label for lookup: Unicode NFKC, case-folded, with list numbering,
 * emoji, Markdown emphasis, punctuation and extra white space removed. "### 2. **Warning** ⚠️:"
 * and "warning" fold to the same key.
 */
export function foldLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/^\s*(?:\p{Nd}+|[ivx]+|[a-z])\s*[.):]\s+/u, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Collapses runs of white space (including line breaks) to one space and trims. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
