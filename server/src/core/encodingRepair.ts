// Only iconv-lite's single-byte tables: its main module would bundle every CJK table too
// (half a megabyte in each bundle) for two code pages of 128 characters.
import singleByteTables from 'iconv-lite/encodings/sbcs-data-generated';
import type { Span } from './span';

/** A legacy single-byte code page that UTF-8 text is commonly mis-decoded as. */
export interface LegacyCodec {
  /** Stable id, e.g. for messages and tests. */
  id: 'windows-1252' | 'mac-roman';
  /** The name readers know it by. */
  name: string;
}

/** A stretch of mis-decoded text and what it said before it was garbled. */
export interface MojibakeRun {
  span: Span;
  /** The garbled characters as they stand in the text. */
  garbled: string;
  /** The characters they encode in UTF-8: empty for a garbled byte order mark. */
  repaired: string;
  codec: LegacyCodec;
}

interface CodecTable extends LegacyCodec {
  /** Each character the code page maps to a byte 0x80–0xFF, and that byte. */
  byteOf: Map<string, number>;
}

const CODECS: readonly { codec: LegacyCodec; iconvName: string; extras: readonly [string, number][] }[] = [
  {
    codec: { id: 'windows-1252', name: 'Windows-1252' },
    iconvName: 'windows1252',
    // Decoders that follow the WHATWG or Latin-1 tables pass 0x80–0x9F through as C1
    // controls where Windows-1252 has a gap (and Latin-1 everywhere), so "â\u0080\u0099" is the
    // same accident as "â€™".
    extras: Array.from({ length: 32 }, (_, i) => [String.fromCharCode(0x80 + i), 0x80 + i] as [string, number]),
  },
  {
    codec: { id: 'mac-roman', name: 'Mac OS Roman' },
    iconvName: 'macintosh',
    // iconv-lite keeps the pre-1998 table; Apple's current one maps 0xF0 to its logo
    // (U+F8FF, private use) and 0xDB to the euro sign, and that is what editors produce.
    extras: [['\uF8FF', 0xf0], ['€', 0xdb]],
  },
];

let tables: CodecTable[] | undefined;

/** The code page tables, read from iconv-lite once and completed with the extras above. */
function codecTables(): CodecTable[] {
  tables ??= CODECS.map(({ codec, iconvName, extras }) => {
    // A table's `chars` are the characters of bytes 0x80–0xFF, U+FFFD where the byte is unassigned.
    const high = (singleByteTables as Record<string, { chars: string }>)[iconvName].chars;
    const byteOf = new Map<string, number>();
    [...high].forEach((ch, i) => {
      if (ch !== '\uFFFD') byteOf.set(ch, 0x80 + i);
    });
    for (const [ch, byte] of extras) if (!byteOf.has(ch)) byteOf.set(ch, byte);
    return { ...codec, byteOf };
  });
  return tables;
}

/** One UTF-8 sequence recovered from its code page characters. */
interface Piece {
  start: number;
  end: number;
  codePoint: number;
  /** The lead byte, which says which characters a short sequence came from. */
  lead: number;
  /** Whether the garbled form holds a C1 control or the Apple logo, which real prose never does. */
  unmistakable: boolean;
}

/**
 * Finds text that was UTF-8, decoded as Windows-1252 or Mac OS Roman, and saved again: "âœ…"
 * for ✅, "Â©" for ©, "‚úÖ" (Mac) for ✅. Each run is repaired by encoding its characters back
 * to bytes in the suspected code page and decoding those bytes as strict UTF-8; a run is
 * reported only when that round trip is valid and yields characters real text would use.
 * The code page that explains more of the document wins, so one text is never repaired
 * two ways. `skip` holds spans (code) to leave alone.
 */
export function findMojibake(text: string, skip: readonly Span[] = []): MojibakeRun[] {
  let best: MojibakeRun[] = [];
  let bestCovered = 0;
  for (const table of codecTables()) {
    const runs = runsFor(text, table, skip);
    const covered = runs.reduce((n, r) => n + r.garbled.length, 0);
    if (covered > bestCovered) {
      best = runs;
      bestCovered = covered;
    }
  }
  return best;
}

function runsFor(text: string, table: CodecTable, skip: readonly Span[]): MojibakeRun[] {
  const pieces = piecesFor(text, table, skip).filter((p) => pieceIsPlausible(p, table));
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    const group = groups[groups.length - 1];
    if (group && group[group.length - 1].end === piece.start) group.push(piece);
    else groups.push([piece]);
  }
  // Once a text is clearly garbled, its lone two-character forms are garbled too.
  const clearlyGarbled = groups.filter((g) => isStrong(g)).length >= 2;
  const runs: MojibakeRun[] = [];
  for (const group of groups) {
    if (!startsWell(group[0], text) || !(clearlyGarbled || isStrong(group) || weakButLikely(group[0], text))) continue;
    const start = group[0].start;
    const end = group[group.length - 1].end;
    let repaired = String.fromCodePoint(...group.map((p) => p.codePoint));
    // Text garbled twice ("Ã¢â‚¬â„¢" for ’) comes back one layer per pass.
    for (let pass = 0; pass < 2; pass++) {
      const again = piecesFor(repaired, table, []);
      if (again.length === 0 || !again.every((p) => pieceIsPlausible(p, table))) break;
      repaired = replacePieces(repaired, again);
    }
    runs.push({ span: { start, end }, garbled: text.slice(start, end), repaired: repaired.replace(/\uFEFF/g, ''), codec: table });
  }
  return runs;
}

/** Three characters or more, or a character real prose never holds: no accident spells that. */
function isStrong(group: readonly Piece[]): boolean {
  return group.length > 1 || group[0].end - group[0].start > 2 || group[0].unmistakable;
}

/**
 * A lone two-character form ("Â©", "Ã©", "Ä™") is the weakest evidence, because real text
 * spells some by accident: an upper-case accented letter before a quote or an ellipsis
 * ("CAFÉ”", "É…"). It counts when it starts with Â or Ã (Latin-1 letters and symbols, whose
 * garbled forms nothing spells) or sits against a lower-case letter, inside a word.
 */
function weakButLikely(piece: Piece, text: string): boolean {
  if (piece.lead === 0xc2 || piece.lead === 0xc3) return true;
  return /\p{Ll}/u.test(text[piece.start - 1] ?? '') || /\p{Ll}/u.test(text[piece.end] ?? '');
}

function replacePieces(text: string, pieces: readonly Piece[]): string {
  let out = '';
  let at = 0;
  for (const p of pieces) {
    out += text.slice(at, p.start) + String.fromCodePoint(p.codePoint);
    at = p.end;
  }
  return out + text.slice(at);
}

/** Every well-formed UTF-8 sequence spelled in the code page's characters, left to right. */
function piecesFor(text: string, table: CodecTable, skip: readonly Span[]): Piece[] {
  const skipped = new Uint8Array(text.length);
  for (const span of skip) skipped.fill(1, Math.max(0, span.start), Math.min(text.length, span.end));
  const pieces: Piece[] = [];
  for (let i = 0; i < text.length; i++) {
    const lead = table.byteOf.get(text[i]);
    if (lead === undefined || lead < 0xc2 || lead > 0xf4) continue;
    const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    if (i + length > text.length || skipped.subarray(i, i + length).includes(1)) continue;
    let codePoint = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k < length && ok; k++) {
      const byte = table.byteOf.get(text[i + k]);
      ok = byte !== undefined && byte <= 0xbf;
      codePoint = (codePoint << 6) | ((byte ?? 0) & 0x3f);
    }
    // Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
    const minimum = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
    if (!ok || codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) continue;
    const unmistakable = /[\u0080-\u009F\uF8FF]/.test(text.slice(i, i + length));
    pieces.push({ start: i, end: i + length, codePoint, lead, unmistakable });
    i += length - 1;
  }
  return pieces;
}

/** Whether a decoded sequence is a character real text would hold, given how it was garbled. */
function pieceIsPlausible(piece: Piece, table: CodecTable): boolean {
  const cp = piece.codePoint;
  const ch = String.fromCodePoint(cp);
  if (/[\p{Cc}\p{Co}\p{Cn}\p{Cs}]/u.test(ch) || (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return false;
  if (piece.end - piece.start === 2 && !piece.unmistakable) {
    // Two characters are the form real text spells by accident ("ß“", "É…", "“é"), so only
    // letters of the scripts commonly garbled this way count: not IPA, combining marks or
    // the rarer scripts those pairs would otherwise turn into.
    const letterRange =
      (cp >= 0xa0 && cp <= 0x24f) ||
      (cp >= 0x370 && cp <= 0x3ff) ||
      (cp >= 0x400 && cp <= 0x4ff) ||
      (cp >= 0x531 && cp <= 0x58a) ||
      (cp >= 0x5d0 && cp <= 0x5f4) ||
      (cp >= 0x620 && cp <= 0x64a) ||
      (cp >= 0x660 && cp <= 0x6d3);
    if (!letterRange) return false;
    // In Mac OS Roman the lead bytes of Greek, Cyrillic and the rest are dashes and quotes,
    // and a quote before an accented letter is ordinary prose; only ¬ √ ƒ ≈ ∆ (which spell
    // Latin letters) never precede a letter in real text.
    if (table.id === 'mac-roman' && piece.lead > 0xc6) return false;
  }
  return !(cp >= 0x800 && cp <= 0x8ff);
}

/** A run cannot start with a combining mark unless it follows a letter for the mark to sit on. */
function startsWell(first: Piece, text: string): boolean {
  const before = text[first.start - 1] ?? '';
  return first.unmistakable || !/\p{M}/u.test(String.fromCodePoint(first.codePoint)) || /[\p{L}\p{N}]/u.test(before);
}
