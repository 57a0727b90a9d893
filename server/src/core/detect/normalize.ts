import { EMAIL } from '../patterns';
import { findPlaceholders } from '../placeholders';
import type { UpstreamLibrary } from '../upstream/library';

/** A word as detection sees it: folded text, and where it stands in the source. */
export interface DetectionToken {
  /** NFKC, lower-cased, without soft hyphens or zero-width joiners. */
  text: string;
  start: number;
  end: number;
}

/**
 * A word: a run of letters, marks and digits. Soft hyphens and zero-width (non-)joiners
 * count as part of a word: Persian and Indic words contain them, and a PDF may leave soft
 * hyphens where it broke a line.
 */
const WORD = /[\p{L}\p{M}\p{N}\u00AD\u200C\u200D]+/gu;

/**
 * Scripts written without spaces between words. Each of their characters is a token of its
 * own, so word shingles over them are character n-grams and one tokenizer serves every
 * language. Split out of a word only when one is present, which keeps the common case fast.
 */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const UNSPACED_PIECES = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;

const INVISIBLE = /[\u00AD\u200C\u200D]/g;

/** TOML (upstream's `+++`) or YAML front matter at the very start of a file. */
const FRONT_MATTER = /^\uFEFF?(?:\+\+\+[ \t]*\r?\n[\s\S]{0,20000}?\r?\n\+\+\+|---[ \t]*\r?\n[ \t]*[\w-]{1,40}[ \t]*:[\s\S]{0,20000}?\r?\n---)[ \t]*(?=\r?\n|$)/;

/**
 * A link reference definition ("[v2.1]: https://…", optionally with a title): syntax only,
 * never wording. As in CommonMark, text after the destination makes the line a paragraph
 * instead; upstream's 2.0 ja runs a definition and the next paragraph into one line. The
 * destination is ASCII for the same reason as {@link URL}'s.
 */
const DEFINITION = /^[ \t]{0,3}\[[^[\]\n]{1,200}\]:[ \t]*[\x21-\x7e]{1,2000}(?:[ \t]+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|\([^)\n]{0,500}\)))?[ \t]*$/gm;

/**
 * Markdown brackets in one pass, so a link's text can be told from a placeholder: group 1
 * is the text; group 2 an inline target or a reference label. Bounded quantifiers keep the
 * scan linear on hostile input.
 */
const BRACKETS = /!?\[([^[\]]{0,500})\](\([^()]{0,2000}\)|\[[^[\]]{0,200}\])?/g;

/**
 * Filled-in contact fields. A URL is printable ASCII other than quotes, brackets and
 * parentheses, so it ends where a Korean or Japanese word is written against it ("…/faq를").
 * (A negated class would not do: under the i and u flags, "[^\u0080-\uffff]" also excludes
 * "s" and "k", because U+017F and U+212A fold to them.) The lookbehinds make each run
 * of word characters a single candidate start, so a long run without an "@" costs linear
 * time, not quadratic.
 */
const URL = /(?<![\p{L}\p{N}])(?:(?:https?|ftp|mailto):|www\.)[\x21\x23-\x26\x2a-\x3b\x3d\x3f-\x5a\x5c\x5e\x5f\x61-\x7e]{1,2000}/giu;

const HTML_TAG = /<\/?[A-Za-z][^<>\n]{0,500}>/g;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,10});/gi;

/**
 * The number of a list item or numbered heading ("3.", "2)", "4.1.") after any quote marker,
 * heading hashes, bullet or emphasis. It is layout, not wording: a policy that renumbers its
 * ladder, or a PDF that puts "1." on its own line, still reads the same. The closing "." or
 * ")" is required, so a version number that hard wrapping left at the start of a line
 * ("1.3.0 verziója") stays wording.
 */
const ITEM_NUMBER = /^([ \t>]*(?:#{1,6}[ \t]+)?(?:[-*+•·‣◦▪●○■□►▶➢–—][ \t]*)?(?:\*\*|__|\*|_)?)(\d{1,3}(?:\.\d{1,3})*[.)])(?=\s|\*|_|$)/gm;

/** A page footer or header from a PDF: "12", "Page 3", "3 / 7", "Page 3 of 7". */
const PAGE_LINE = /^[ \t]*(?:page[ \t]+)?\d{1,4}(?:[ \t]*(?:\/|of)[ \t]*\d{1,4})?[ \t]*$/gim;

/**
 * Fills the place of link syntax ("[", "](…)", "][label]"), which renders as nothing: a
 * word written against a link ("[…ladder][ref]에서", as Korean attaches particles) reads as
 * one word, so the tokenizer joins across it, where it splits at a space.
 */
const NOTHING = '\u0001';

/** Replaces every character but line breaks with a space, so offsets stay those of the source. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** Like {@link blank}, for syntax that renders as nothing. */
function erase(text: string): string {
  return text.replace(/[^\r\n]/g, NOTHING);
}

function blankSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + blank(text.slice(from, end));
    at = end;
  }
  return out + text.slice(at);
}

/** HTML comments, found with indexOf: a lazy regex would rescan the text after each unclosed "<!--". */
function blankComments(text: string): string {
  const spans: { start: number; end: number }[] = [];
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', start + 4)) {
    const close = text.indexOf('-->', start + 4);
    const end = close < 0 ? text.length : close + 3;
    spans.push({ start, end });
    if (close < 0) break;
    start = end - 4;
  }
  return blankSpans(text, spans);
}

/**
 * Keeps a link's text and drops its target or label. A bracketed text that is not a link
 * ("[project name]", "[INSERT …]", a shortcut reference) is a template field, masked like
 * the library's placeholders. Images go whole: their alt text is not the policy's wording.
 */
function blankBrackets(text: string): string {
  return text.replace(BRACKETS, (match: string, inner: string, target: string | undefined) => {
    if (match.startsWith('!') || target === undefined) return blank(match);
    const open = match.indexOf('[');
    return erase(match.slice(0, open + 1)) + inner + erase(match.slice(open + 1 + inner.length));
  });
}

/**
 * The text with everything that is not wording blanked out (same length, so offsets hold):
 * front matter, placeholders and other template fields, URLs and e-mail addresses (so a
 * filled-in policy matches its template), Markdown and HTML syntax, item numbers and PDF
 * page lines. What remains is split into tokens by {@link detectionTokens}.
 */
export function maskForDetection(text: string, library: UpstreamLibrary): string {
  let masked = text.replace(FRONT_MATTER, blank);
  masked = blankSpans(masked, findPlaceholders(masked, library).map((p) => p.span));
  masked = blankComments(masked).replace(DEFINITION, blank);
  masked = masked.replace(URL, blank).replace(EMAIL, blank);
  masked = blankBrackets(masked);
  masked = masked.replace(HTML_TAG, blank).replace(ENTITY, blank);
  masked = masked.replace(ITEM_NUMBER, (_m: string, lead: string, number: string) => lead + blank(number));
  return masked.replace(PAGE_LINE, blank);
}

/**
 * The words of a policy, folded, with their source offsets. Wrapping, Markdown, case and
 * punctuation disappear because only letters, marks and digits make tokens.
 */
export function detectionTokens(text: string, library: UpstreamLibrary, isWord?: (word: string) => boolean): DetectionToken[] {
  return tokenize(maskForDetection(text, library), isWord);
}

/**
 * The words of a text already masked by {@link maskForDetection}.
 *
 * `isWord` rejoins a word that a PDF hyphenated across a line break ("harass-" / "ment")
 * when the joined form is a known word; otherwise the hyphen stays a separator, as in
 * "socio-economic".
 */
export function tokenize(masked: string, isWord: (word: string) => boolean = () => false): DetectionToken[] {
  const tokens: DetectionToken[] = [];
  const push = (word: string, start: number) => {
    const end = start + word.length;
    const folded = fold(word);
    if (!folded) return;
    const previous = tokens.at(-1);
    const hyphenated = previous && masked.charCodeAt(previous.end) === 45 && HYPHEN_BREAK.test(masked.slice(previous.end + 1, start));
    const glued = previous && GLUE.test(masked.slice(previous.end, start)) && !UNSPACED.test(previous.text.slice(-1)) && !UNSPACED.test(folded[0]);
    if (glued || (hyphenated && isWord(previous.text + folded))) {
      tokens[tokens.length - 1] = { text: previous.text + folded, start: previous.start, end };
    } else {
      tokens.push({ text: folded, start, end });
    }
  };
  for (const match of masked.matchAll(WORD)) {
    if (!UNSPACED.test(match[0])) push(match[0], match.index);
    else for (const piece of match[0].matchAll(UNSPACED_PIECES)) push(piece[0], match.index + piece.index);
  }
  return tokens;
}

/**
 * Markup inside a word: emphasis marks ("**커뮤니티**의") or link syntax (blanked to
 * {@link NOTHING}). The word renders whole, so it is one token, as in plain text. Not
 * between characters of unspaced scripts, whose tokens are single characters.
 */
const GLUE = /^[\u0001*_~]+$/;

/** What follows the hyphen of a word a PDF broke at the end of a line. */
const HYPHEN_BREAK = /^[ \t]*\r?\n[ \t]*$/;

function fold(word: string): string {
  const visible = word.replace(INVISIBLE, '');
  // NFKC only matters beyond ASCII, and skipping it there halves the cost of tokenizing.
  return (/^[\x00-\x7f]*$/.test(visible) ? visible : visible.normalize('NFKC')).toLowerCase();
}
