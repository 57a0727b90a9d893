/** A half-open range of UTF-16 offsets into a document's text, the unit JavaScript strings and LSP use. */
export interface Span {
  start: number;
  end: number;
}

/** A 1-based line and column, as editors, the CLI's JSON and SARIF count them (columns in UTF-16 units). */
export interface Point {
  line: number;
  column: number;
}

/** A 0-based line and UTF-16 column, as LSP counts them. */
export interface LineColumn {
  line: number;
  character: number;
}

/**
 * Maps offsets to lines and columns for a text that is not held by an editor (the CLI,
 * tests). Line breaks are LF, CRLF or a lone CR, as LSP defines them.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The 0-based line and column of an offset (clamped to the text). */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** The 1-based line and column of an offset, for people and reports. */
  pointAt(offset: number): Point {
    const p = this.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }

  /** The offset of a 0-based line and column (clamped to the line). */
  offsetAt(position: LineColumn): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
