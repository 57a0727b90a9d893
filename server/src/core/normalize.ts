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

/** Words quoted in a message: white space folded, and cut with an ellipsis past `max` characters. */
export function clipText(text: string, max: number): string {
  const folded = foldSpace(text);
  return folded.length > max ? `${folded.slice(0, max - 3)}…` : folded;
}
