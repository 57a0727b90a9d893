/** Marks a position in an in-memory document, as vscode-markdown-languageservice's tests do. */
export const CURSOR = '$$CURSOR$$';

/** Removes the cursor marker and returns the text and the marker's offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error('no $$CURSOR$$ in test text');
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}
