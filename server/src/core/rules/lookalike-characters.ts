import { EMAIL, WEB_URL } from '../patterns';
import type { Span } from '../span';
import type { Rule, RuleFinding } from './types';

/** Characters that reorder the text around them; they can make a line read differently from what it says (Trojan Source). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
/**
 * Invisible characters with no job in a policy: zero-width space, word joiner, and a byte
 * order mark after the start. Zero-width (non-)joiners (U+200C, U+200D) are left alone: Persian,
 * Indic scripts and emoji need them.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF]+/g;
/** Dashes and hyphens that look like "-" but are other characters: inside an address they break it. */
const HYPHEN_LIKE = /[\u2010\u2011\u2012\u2013\u2212\u00AD]/g;
/** A full-width number sign (or a run of them) at the start of a line, where a heading was meant. */
const FULL_WIDTH_HEADING = /^( {0,3})(＃{1,6})[ \u3000]?(?=\S)/gm;

/** Cyrillic and Greek letters that look exactly like Latin ones, and their Latin twins. */
const TO_LATIN: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  ο: 'o', α: 'a', ν: 'v', ρ: 'p', ι: 'i', Α: 'A', Β: 'B', Ε: 'E', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X', Υ: 'Y', Ζ: 'Z',
};

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const NAMES: Record<string, string> = {
  '\u2010': 'hyphen', '\u2011': 'non-breaking hyphen', '\u2012': 'figure dash', '\u2013': 'en dash', '\u2212': 'minus sign', '\u00AD': 'soft hyphen',
  '\u200B': 'zero-width space', '\u2060': 'word joiner', '\uFEFF': 'byte order mark',
};
const named = (ch: string) => `${NAMES[ch] ? `${NAMES[ch]} ` : ''}${codePoint(ch)}`;

/**
 * Characters that look like others or like nothing at all: bidi controls and zero-width
 * characters (always), a full-width "＃" where a heading was meant, hyphen look-alikes inside
 * a web or e-mail address (which break it), a non-breaking hyphen in a word (what chat tools
 * write: search and spell checkers miss the word), and Cyrillic or Greek letters inside a
 * Latin word (or the reverse). Each finding covers the exact character.
 */
export const lookalikeCharacters: Rule = {
  id: 'lookalike-characters',
  summary: 'Bidi controls, zero-width characters, full-width "＃", or look-alike letters and hyphens (in addresses they break the link).',
  defaultSeverity: 'warning',
  check({ doc }) {
    const text = doc.text;
    const inCode = (at: number) => doc.codeSpans.some((s) => s.start <= at && at < s.end);
    const findings: RuleFinding[] = [];
    const seen = new Set<number>();
    const report = (at: number, length: number, message: string, replacement: string, severity?: 'information') => {
      if (seen.has(at)) return;
      seen.add(at);
      const span: Span = { start: at, end: at + length };
      findings.push({ span, message, fix: { span, text: replacement }, ...(severity && { severity }) });
    };

    for (const m of text.matchAll(BIDI)) {
      report(m.index, 1, `Unexpected bidirectional control ${codePoint(m[0])}, expected none: it can reorder the text so that it reads differently from what it says.`, '');
    }
    for (const m of text.matchAll(INVISIBLE)) {
      // A byte order mark at the very start is an encoding signature, not text.
      const skip = m.index === 0 && m[0][0] === '\uFEFF' ? 1 : 0;
      const run = m[0].slice(skip);
      if (!run) continue;
      const what = run.length === 1 ? named(run) : `${[...new Set(run)].map(named).join(', ')} (${run.length} characters)`;
      report(m.index + skip, run.length, `Unexpected invisible ${what}, expected nothing: it splits words for search and can hide inside addresses.`, '');
    }
    for (const m of text.matchAll(FULL_WIDTH_HEADING)) {
      const at = m.index + m[1].length;
      const hashes = m[2].length;
      if (inCode(at)) continue;
      findings.push({
        span: { start: at, end: at + hashes },
        message: `Unexpected full-width "${m[2]}", expected "${'#'.repeat(hashes)} ": Markdown reads this line as text, not as a heading.`,
        fix: { span: { start: at, end: m.index + m[0].length }, text: `${'#'.repeat(hashes)} ` },
      });
    }
    // Hyphen look-alikes inside addresses: a web address may hold them only where the URL regex stops.
    // Whole runs first, then the look-alike test: one pass, where a pattern with the look-alike
    // in its middle would rescan a long run from every start (quadratic on hostile input).
    // Only the runs that hold a look-alike are read: each found from a look-alike outwards,
    // once, so the pass stays linear and skips the (many) policies with none.
    for (const token of runsAround(text, /[\u2010-\u2013\u2212\u00AD]/gu, /[\s<>()[\]"'`]/u)) {
      const value = token[0];
      WEB_URL.lastIndex = 0;
      EMAIL.lastIndex = 0;
      // A web or e-mail address is broken wherever the character sits; a bare domain only inside the domain.
      const domain = /^(?:[\p{L}\p{N}\u2010-\u2013\u2212\u00AD-]+\.)+(?:com|org|net|io|dev|edu|gov)(?![\p{L}\p{N}])/u.exec(value);
      const limit = WEB_URL.test(value) || /@[\p{L}\p{N}]/u.test(value) ? value.length : (domain?.[0].length ?? 0);
      if (limit === 0 || inCode(token.index)) continue;
      for (const h of value.slice(0, limit).matchAll(HYPHEN_LIKE)) {
        report(token.index + h.index, 1, `Unexpected ${named(h[0])} in the address "${value}", expected "${h[0] === '\u00AD' ? '' : '-'}": the link does not work with it.`, h[0] === '\u00AD' ? '' : '-');
      }
    }
    // Words: a non-breaking hyphen inside a word, and letters from two scripts in one word;
    // a text with neither a U+2011 nor a Cyrillic or Greek letter has no such word.
    if (!/[\u2011\p{Script=Cyrillic}\p{Script=Greek}]/u.test(text)) return findings.sort((a, b) => a.span.start - b.span.start);
    for (const w of text.matchAll(/[\p{L}\p{M}]+(?:[\u2011][\p{L}\p{M}]+)*/gu)) {
      if (inCode(w.index)) continue;
      const word = w[0];
      for (const h of word.matchAll(/\u2011/g)) {
        report(w.index + h.index, 1, `Unexpected non-breaking hyphen U+2011 in "${word}", expected "-": search and spell checkers do not see the word (chat tools write this character).`, '-', 'information');
      }
      const latin = (word.match(/\p{Script=Latin}/gu) ?? []).length;
      const other = (word.match(/[\p{Script=Cyrillic}\p{Script=Greek}]/gu) ?? []).length;
      if (latin === 0 || other === 0) continue;
      if (latin >= other) {
        for (const c of word.matchAll(/[\p{Script=Cyrillic}\p{Script=Greek}]/gu)) {
          const twin = TO_LATIN[c[0]];
          if (twin) report(w.index + c.index, 1, `Unexpected ${/\p{Script=Greek}/u.test(c[0]) ? 'Greek' : 'Cyrillic'} "${c[0]}" (${codePoint(c[0])}) in the Latin word "${word}", expected the Latin "${twin}": it looks the same but search, spell checkers and links do not match it.`, twin);
        }
      } else {
        const fromLatin = new Map<string, string>();
        for (const [look, twin] of Object.entries(TO_LATIN)) if (/\p{Script=Cyrillic}/u.test(look) && !fromLatin.has(twin)) fromLatin.set(twin, look);
        for (const c of word.matchAll(/\p{Script=Latin}/gu)) {
          const twin = fromLatin.get(c[0]);
          if (twin && /\p{Script=Cyrillic}/u.test(word)) report(w.index + c.index, 1, `Unexpected Latin "${c[0]}" in the Cyrillic word "${word}", expected the Cyrillic "${twin}": it looks the same but search and spell checkers do not match it.`, twin);
        }
      }
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

/**
 * The runs of non-delimiter characters that contain a match of `marker`, as matchAll would
 * give them (`[0]` the run, `index` its start), each once, in order.
 */
function* runsAround(text: string, marker: RegExp, delimiter: RegExp): Generator<{ 0: string; index: number }> {
  let done = 0;
  for (const m of text.matchAll(marker)) {
    if (m.index < done) continue;
    let start = m.index;
    while (start > done && !delimiter.test(text[start - 1])) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !delimiter.test(text[end])) end++;
    done = end;
    yield { 0: text.slice(start, end), index: start };
  }
}
