import type { ConductDocument } from '../document';
import type { UpstreamLibrary } from '../upstream/library';
import type { PolicyBase, Rule } from './types';

/**
 * A file in a code of conduct's place that holds no policy (source code, a disclaimer, an
 * empty file, a "TODO" stub) would otherwise collect a dozen findings that all miss the
 * point. This rule says the one thing that matters, and the engine drops every other finding.
 */
export const notAPolicy: Rule = {
  id: 'not-a-policy',
  summary: 'The file is not a code of conduct: it is empty, a stub, source code or unrelated text.',
  defaultSeverity: 'warning',
  check({ doc, base, library }) {
    const reason = notAPolicyReason(doc, base, library);
    if (!reason) return [];
    const firstLine = doc.text.search(/\S/);
    const start = Math.max(0, firstLine);
    const lineEnd = doc.text.indexOf('\n', start);
    return [{ span: { start, end: lineEnd < 0 ? doc.text.length : lineEnd }, message: `${reason}: expected the text of a code of conduct, or a pointer to one.` }];
  },
};

/** A body this short, with no conduct word, link, address or template field, is a placeholder for a policy ("TODO", "Coming soon"). */
const STUB_WORDS = 12;
/** Prose that uses fewer of the conduct words than this is about something else. */
const MIN_CONDUCT_WORDS = 2;

/**
 * Why a text is not a conduct policy, as the start of a sentence, or undefined when it is
 * one (or may be). Detection's verdict counts: any family it recognises, a pointer
 * included, is a policy, unless the file is empty, code or a stub.
 */
export function notAPolicyReason(doc: ConductDocument, base: PolicyBase, library: UpstreamLibrary): string | undefined {
  const text = doc.text;
  if (!/[\p{L}\p{N}]/u.test(text)) return 'This file is empty';
  if (looksLikeCode(text)) return 'This file reads as source code, not as a code of conduct';
  const vocabulary = conductVocabulary(library);
  const body = withoutHeadings(doc);
  if (wordCount(body) <= STUB_WORDS && !REFERENCE.test(body) && !doc.placeholders.length && !body.includes('[') && conductWords(body, vocabulary).length === 0) {
    const said = body.replace(/\s+/g, ' ').trim();
    return said ? `This file is a stub ("${said.length > 40 ? `${said.slice(0, 40)}…` : said}")` : 'This file has a title and nothing else';
  }
  // A detected family (a pointer included) or a template field of a policy ("[INSERT CONTACT METHOD]") says policy.
  if (base.family !== 'unknown' || doc.placeholders.length) return undefined;
  if (conductWords(text, vocabulary).length < MIN_CONDUCT_WORDS) return 'This file does not read as a code of conduct (it uses almost none of the words policies use, such as conduct, standards, enforcement or community)';
  return undefined;
}

/** A link, an address or an e-mail: a short file that has one points somewhere (a pointer). */
const REFERENCE = /https?:\/\/|www\.|\]\(|\S@\S+\.\S|<\S+>/u;

function withoutHeadings(doc: ConductDocument): string {
  let body = '';
  let from = 0;
  for (const heading of doc.headings) {
    body += doc.text.slice(from, heading.span.start);
    from = Math.max(from, heading.span.end);
  }
  return body + doc.text.slice(from);
}

/** Words in scripts that space them; a run of Han, Kana or Thai counts as one word per two characters. */
function wordCount(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) count += UNSPACED.test(match[0]) ? Math.ceil(match[0].length / 2) : 1;
  return count;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Source code: most lines end a statement or block (";", "{", "}") or open with a comment,
 * a shebang, a preprocessor line or an assignment, and symbols are dense. Markdown's own
 * syntax (links, emphasis, lists) is never counted.
 */
function looksLikeCode(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim());
  if (!lines.length) return false;
  const codeLines = lines.filter((line) => CODE_LINE.test(line)).length;
  const prose = text.replace(/\]\([^)\n]*\)/g, '');
  const symbols = (prose.match(/[{}();=<>[\]]/g) ?? []).length / Math.max(1, prose.replace(/\s/g, '').length);
  return codeLines / lines.length >= 0.5 || (codeLines / lines.length >= 0.3 && symbols >= 0.08);
}

const CODE_LINE = /[;{}]\s*$|^\s*(?:\/\/|\/\*|\*\/|#!|#include\b|#define\b|<\?php|\}|[\w$.[\]'"]+\s*(?:=|\+=|:=|=>)\s*\S.*[;,)\]}'"\w]\s*$|(?:def|class|function|fn|func|import|from|package|return|if|for|while)\b[^.]*[:({]\s*$)/u;

const vocabularies = new WeakMap<UpstreamLibrary, Vocabulary>();

interface Vocabulary {
  /** Stems ({@link stem}) of words of scripts that space them. */
  words: Set<string>;
  /** Runs of Han, Kana or Thai, matched as substrings. */
  runs: string[];
}

/**
 * The words a conduct policy uses, in every bundled language: those of the upstream texts'
 * titles, section headings, rung names and rung field labels (conduct, pledge, standards,
 * enforcement, responsibilities, warning, community impact…), four letters or more so that
 * articles and prepositions drop out, and used by at least two texts, so that one text's
 * incidental words ("other", "limited") do not count. Derived once per library.
 */
function conductVocabulary(library: UpstreamLibrary): Vocabulary {
  const known = vocabularies.get(library);
  if (known) return known;
  const texts = new Map<string, number>();
  for (const text of library.texts) {
    const labels: string[] = [];
    const title = /^#[ \t]+(.+)$/m.exec(text.body)?.[1];
    if (title) labels.push(title);
    for (const section of library.sectionsOf(text)) labels.push(section.heading);
    for (const rung of library.rungsOf(text)) labels.push(rung.name, ...rung.fields.map((f) => f.label));
    const own = new Set<string>();
    for (const label of labels) {
      for (const [word] of label.matchAll(/[\p{L}\p{M}]+/gu)) {
        if (UNSPACED.test(word) ? word.length >= 2 : word.length >= 4) own.add(UNSPACED.test(word) ? word : stem(word));
      }
    }
    for (const word of own) texts.set(word, (texts.get(word) ?? 0) + 1);
  }
  const vocabulary: Vocabulary = { words: new Set(), runs: [] };
  for (const [word, count] of texts) {
    if (count < 2) continue;
    if (UNSPACED.test(word)) vocabulary.runs.push(word);
    else vocabulary.words.add(word);
  }
  vocabularies.set(library, vocabulary);
  return vocabulary;
}

/** Folded, and cut to six letters so that "report" meets "reporting" and "behaviour" meets "behaviors". */
function stem(word: string): string {
  return [...word.normalize('NFKC').toLocaleLowerCase('und')].slice(0, 6).join('');
}

/** The distinct conduct words a text uses. */
function conductWords(text: string, vocabulary: Vocabulary): string[] {
  const found = new Set<string>();
  for (const [word] of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    if (word.length < 4) continue;
    const stemmed = stem(word);
    if (vocabulary.words.has(stemmed)) found.add(stemmed);
  }
  for (const run of vocabulary.runs) if (text.includes(run)) found.add(run);
  return [...found];
}
