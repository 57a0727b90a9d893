import type { Nodes, Root } from 'mdast';
import type { ConductDocument } from '../document';
import { walk } from '../markdown';
import { URL_LINE } from '../patterns';
import type { Span } from '../span';
import type { Rule, RuleFinding } from './types';

interface Line {
  /** 0-based line number. */
  index: number;
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Start of the next line (after the line break). */
  next: number;
  text: string;
}

/** A hunk header, also one cut short by the paste ("@@ -12", "@@ -1,4 +1,5"). */
const HUNK_HEADER = /^@@ -\d+(?:,\d+)?(?:(?: \+\d+(?:,\d+)?)? @@.*|(?: \+\d+(?:,\d+)?)?\s*)$/;
const FILE_HEADER = /^(?:diff --git \S|(?:---|\+\+\+) (?:a\/|b\/|\/dev\/null)|index [0-9a-f]{7,}\.\.[0-9a-f]{7,})/;
const CONFLICT_START = /^<{7}(?: |$)/;
const CONFLICT_MIDDLE = /^={7}$/;
const CONFLICT_END = /^>{7}(?: |$)/;
/** A changed line in a diff: a marker glued to text, unlike a Markdown list item ("- x", "+ x"). */
const DIFF_LINE = /^[+-](?![\s+-])/;

/** What a chat assistant says around the text it was asked for. */
const CHATBOT = [
  /\b(?:Certainly|Sure|Of course|Absolutely)[!,.]?\s+(?:here(?:'|’)?s|here is|here are|below is)\b/i,
  /\bAs an? (?:AI|large) language model\b/i,
  /\bAs an AI assistant\b/i,
  /\bI hope (?:this|that) helps\b/i,
  /\bLet me know if you(?:'d|’d| would) like\b|\bLet me know if you want (?:me to|any|to (?:add|adjust|change|modify|make))\b/i,
  /\bLet me know if you need (?:any )?(?:changes|adjustments|modifications|further (?:changes|adjustments|help|edits))\b/i,
  /\bHere(?:'|’)?s? (?:is )?(?:a|an|the|your) (?:revised|updated|rewritten|improved|polished|draft|complete)\b.*:\s*$/i,
  /^(?:Below is|I(?:'|’)ve (?:drafted|written|created|updated|revised)) (?:a|an|the|your)\b.*:\s*$/i,
  /\bWould you like me to\b/i,
  /\bFeel free to (?:customi[sz]e|tailor|adapt|adjust|tweak) (?:this|it|the (?:template|draft|wording))\b/i,
];
/** Words one of the CHATBOT patterns needs (each has one), in one quick scan of a line before the ten patterns run. */
const CHATBOT_WORDS = /\b(?:certainly|sure|of course|absolutely|here|i hope|let me know|would you like|feel free)|language model|ai assistant|^(?:below is|i(?:'|’)ve)/i;

/** Citation residue a chat assistant leaves in copied text: "【4†source】", ":contentReference[oaicite:0]{index=0}". */
const CITATION = /【\d+(?::\d+)?†[^】\n]{0,40}】|:?contentReference\[oaicite:\d+\](?:\{index=\d+\})?|\[oaicite:\d+\]/g;
/** A numbered source tag glued to the end of a word or sentence ("…promptly.[2]"). */
const SOURCE_TAG = /(?<=[\p{L}\p{N}.,;:!?)”"’'])\[(\d{1,2})\](?![[(:])/gu;
/** What every citation marker or source tag contains: most texts have none, and a quick scan says so. */
const MAY_CITE = /【|oaicite|\[\d{1,2}\]/;

/** What a converter such as pandoc escapes although Markdown needs no escape there: quotes, and a hyphen inside a word. */
const NEEDLESS_ESCAPE = /\\['"]|(?<=[\p{L}\p{N}])\\-(?=[\p{L}\p{N}])/gu;
const ATTRIBUTE = String.raw`(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|[\w-]+))`;
/** A pandoc attribute block after a link, image or span: "[text](url){.external}". */
const LINK_ATTRIBUTES = new RegExp(String.raw`(?<=[)\]])(?<!oaicite:\d+\])\{${ATTRIBUTE}(?:\s+${ATTRIBUTE})*\}`, 'g');
/** A pandoc attribute block at the end of a heading: "## Scope {#scope}". */
const HEADING_ATTRIBUTES = new RegExp(String.raw`[ \t]+\{${ATTRIBUTE}(?:\s+${ATTRIBUTE})*\}[ \t]*$`);

/** A YAML (or TOML) key line in front matter. */
const FRONT_MATTER_KEY = /^[A-Za-z_][\w-]*\s*[:=]/;

const PAGE_NUMBER = /^(?:(?:page|p\.|seite|página|pagina|page no\.?)\s*\d{1,4}(?:\s*(?:of|\/|de|von|di|sur)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4})$/i;

/**
 * Text that is not part of the policy: a diff hunk or merge conflict pasted with the text,
 * an AI assistant's chatter and citation marks, front matter an editor or site generator
 * added, a converter's needless escapes and attribute blocks, or (in text copied out of a
 * PDF) page numbers, running headers and footers, and URLs printed in the page margin.
 */
export const strayContent: Rule = {
  id: 'stray-content',
  summary: 'Diff or merge-conflict markers, chatbot chatter or citations, front matter, converter escapes, or PDF page furniture left in the policy.',
  defaultSeverity: 'warning',
  check({ doc }) {
    const lines = splitLines(doc.text);
    const inCode = codeLines(doc, lines);
    const findings: RuleFinding[] = [];
    const report = (line: Line, message: string, remove = false) =>
      findings.push({ span: contentSpan(line), message, ...(remove && { fix: removal(line) }) });

    let inHunk = false;
    let inConflict = false;
    for (const line of lines) {
      if (inCode.has(line.index)) continue;
      const trimmed = line.text.trim();
      if (HUNK_HEADER.test(trimmed)) {
        inHunk = true;
        report(line, `Unexpected diff hunk header "${trimmed}", expected policy text: a patch was pasted into the policy.`, true);
        continue;
      }
      if (FILE_HEADER.test(trimmed)) {
        report(line, `Unexpected diff header "${trimmed}", expected policy text: a patch was pasted into the policy.`, true);
        continue;
      }
      if (CONFLICT_START.test(trimmed) || (inConflict && (CONFLICT_MIDDLE.test(trimmed) || CONFLICT_END.test(trimmed)))) {
        inConflict = !CONFLICT_END.test(trimmed);
        report(line, `Unexpected merge conflict marker "${trimmed}", expected one resolved version of the text.`);
        continue;
      }
      if (inHunk) {
        if (DIFF_LINE.test(line.text)) {
          report(line, `Unexpected diff marker "${line.text[0]}" at the start of the line, expected the text without it: this line is part of a pasted patch.`);
          continue;
        }
        if (!/^(?: |\\|$)/.test(line.text)) inHunk = false;
      }
      const chat = CHATBOT_WORDS.test(trimmed) && CHATBOT.find((pattern) => pattern.test(trimmed));
      if (chat) report(line, `Unexpected assistant chatter "${shorten(trimmed)}", expected policy text: remove what the AI tool said around the policy.`);
    }

    findings.push(...frontMatter(doc, lines));
    findings.push(...chatCitations(doc, lines, inCode));
    if (doc.format !== 'rst') findings.push(...converterArtefacts(lines, inCode));
    if (doc.format !== 'rst' && !usesMarkdown(doc.tree)) findings.push(...pageFurniture(doc, lines, inCode));
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

/**
 * Front matter (a `---` block of `key: value` lines) that an editor or site generator added.
 * At the very top a site generator may read it, but GitHub shows it as a table above the
 * policy: a note. After the title no generator reads it, and Markdown renders a rule and a
 * heading made of its keys: a warning, with the block's removal as the fix.
 */
function frontMatter(doc: ConductDocument, lines: readonly Line[]): RuleFinding[] {
  if (doc.format === 'rst') return [];
  const nextText = (from: number) => {
    let i = from;
    while (i < lines.length && lines[i].text.trim() === '') i++;
    return i;
  };
  const block = (open: number): number | undefined => {
    const fence = lines[open]?.text.trim();
    if (fence !== '---' && fence !== '+++') return undefined;
    let keys = 0;
    for (let i = open + 1; i < lines.length && i <= open + 40; i++) {
      const text = lines[i].text;
      if (text.trim() === fence) return keys > 0 ? i : undefined;
      if (FRONT_MATTER_KEY.test(text)) keys++;
      else if (!/^(?:\s+\S|\s*-\s|\s*#|\s*$)/.test(text)) return undefined;
    }
    return undefined;
  };
  const first = nextText(0);
  const topEnd = first === 0 ? block(0) : undefined;
  if (topEnd !== undefined) {
    return [{
      span: { start: lines[0].start, end: lines[topEnd].end },
      message: 'Unexpected front matter at the top of the policy, expected the policy\'s title: GitHub shows these keys as a table above the text. Keep it only if a site generator reads it.',
      severity: 'information',
    }];
  }
  if (first >= lines.length || !/^ {0,3}#(?:\s|$)/.test(lines[first].text)) return [];
  const open = nextText(first + 1);
  const end = block(open);
  if (end === undefined) return [];
  return [{
    span: { start: lines[open].start, end: lines[end].end },
    message: 'Unexpected front matter after the title, expected policy text: no site generator reads it there, and Markdown renders it as a rule and a heading made of its keys.',
    fix: { span: { start: lines[open].start, end: lines[nextText(end + 1)]?.start ?? lines[end].next }, text: '' },
  }];
}

/** Citation markers and numbered source tags that a chat assistant's answer carried into the text. */
function chatCitations(doc: ConductDocument, lines: readonly Line[], inCode: ReadonlySet<number>): RuleFinding[] {
  if (!MAY_CITE.test(doc.text)) return [];
  const findings: RuleFinding[] = [];
  const defined = new Set<string>();
  walk(doc.tree, (node: Nodes) => {
    if (node.type === 'definition') defined.add(node.identifier.toLowerCase());
  });
  for (const line of lines) {
    if (inCode.has(line.index)) continue;
    for (const m of line.text.matchAll(CITATION)) {
      const start = line.start + m.index - (m.index > 0 && line.text[m.index - 1] === ' ' ? 1 : 0);
      findings.push({
        span: { start: line.start + m.index, end: line.start + m.index + m[0].length },
        message: `Unexpected citation marker "${m[0]}", expected policy text: it was copied from an AI assistant's answer.`,
        fix: { span: { start, end: line.start + m.index + m[0].length }, text: '' },
      });
    }
    // A line that starts with its tag is a list of sources, not a tag in the text.
    if (/^\s*\[\d/.test(line.text)) continue;
    for (const m of line.text.matchAll(SOURCE_TAG)) {
      if (defined.has(m[1])) continue;
      findings.push({
        span: { start: line.start + m.index, end: line.start + m.index + m[0].length },
        message: `Unexpected source tag "${m[0]}", expected policy text: a numbered tag that links nowhere was copied from an AI assistant's or a web page's citations.`,
        fix: { span: { start: line.start + m.index, end: line.start + m.index + m[0].length }, text: '' },
      });
    }
  }
  return findings;
}

/** The text with the characters at the given offsets (the escapes' backslashes) left out. */
function withoutBackslashes(text: string, at: ReadonlySet<number>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!at.has(i)) out += text[i];
  return out;
}

/** Escapes and attribute blocks that a document converter (pandoc) wrote and CommonMark shows or needs no more. */
function converterArtefacts(lines: readonly Line[], inCode: ReadonlySet<number>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const line of lines) {
    // Every escape holds a backslash and every attribute block a brace: most lines have neither.
    if (inCode.has(line.index) || !(line.text.includes('\\') || line.text.includes('{'))) continue;
    const escapes = [...line.text.matchAll(NEEDLESS_ESCAPE)];
    if (escapes.length) {
      const from = escapes[0].index;
      const to = escapes[escapes.length - 1].index + 2;
      const shown = line.text.slice(from, to);
      findings.push({
        span: { start: line.start + from, end: line.start + to },
        message: `Unexpected backslash escape${escapes.length > 1 ? 's' : ''} in "${shorten(shown)}", expected the plain character${escapes.length > 1 ? 's' : ''}: a converter escaped what Markdown does not need escaped, and plain-text readers see the backslashes.`,
        fix: { span: { start: line.start + from, end: line.start + to }, text: withoutBackslashes(shown, new Set(escapes.map((e) => e.index - from))) },
      });
    }
    const attributes = [...line.text.matchAll(LINK_ATTRIBUTES)].map((m) => ({ at: m.index, text: m[0], cut: m.index }));
    const heading = /^ {0,3}#/.test(line.text) ? HEADING_ATTRIBUTES.exec(line.text) : null;
    if (heading) attributes.push({ at: heading.index + heading[0].indexOf('{'), text: heading[0].trim(), cut: heading.index });
    for (const a of attributes) {
      const end = line.start + a.at + a.text.length;
      findings.push({
        span: { start: line.start + a.at, end },
        message: `Unexpected attribute block "${a.text}", expected nothing after the ${heading && a.cut === heading.index ? 'heading' : 'link'}: CommonMark does not read pandoc attributes and shows them as text.`,
        fix: { span: { start: line.start + a.cut, end }, text: '' },
      });
    }
  }
  return findings;
}

/**
 * Page furniture in text extracted from a PDF: a line on its own (blank lines around it)
 * that is just a URL, a page number or a header/footer repeated on every page, sitting
 * between two parts of the text rather than introduced by it.
 */
function pageFurniture(doc: ConductDocument, lines: readonly Line[], inCode: ReadonlySet<number>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i].text.trim() === '';
  const standalone = (i: number) => !blank(i) && blank(i - 1) && blank(i + 1) && !inCode.has(i);
  // The nearest line with text before each line.
  const previousText: (Line | undefined)[] = [];
  let last: Line | undefined;
  for (const line of lines) {
    previousText.push(last);
    if (!blank(line.index)) last = line;
  }
  const lastText = last;
  const where = (line: Line) => {
    const section = sectionBefore(doc, lines, line.index);
    return section ? ` inside "${section}"` : '';
  };

  const counts = new Map<string, number>();
  for (const line of lines) {
    if (standalone(line.index)) counts.set(line.text.trim(), (counts.get(line.text.trim()) ?? 0) + 1);
  }

  for (const line of lines) {
    const before = previousText[line.index];
    // The first line is a title, the last a sign-off: furniture sits between two parts of the text.
    if (!standalone(line.index) || !before || line === lastText) continue;
    const trimmed = line.text.trim();
    if (URL_LINE.test(trimmed) && !/:\s*$/.test(before.text)) {
      findings.push({
        span: contentSpan(line),
        message: `Unexpected line "${trimmed}"${where(line)}, expected policy text: a URL on a line of its own here is a page header or footer carried over from a PDF.`,
        fix: removal(line),
      });
    } else if (PAGE_NUMBER.test(trimmed)) {
      findings.push({ span: contentSpan(line), message: `Unexpected page number "${trimmed}"${where(line)}, expected policy text: it was carried over from a PDF.`, fix: removal(line) });
    } else if ((counts.get(trimmed) ?? 0) >= 3 && /\p{L}/u.test(trimmed) && trimmed.length >= 4 && !/:$/.test(trimmed)) {
      findings.push({
        span: contentSpan(line),
        message: `Unexpected repeated line "${shorten(trimmed)}"${where(line)}, expected policy text: a line repeated on its own ${counts.get(trimmed)} times is a running header or footer carried over from a PDF.`,
        fix: removal(line),
      });
    }
  }
  return findings;
}

/**
 * The heading, ladder rung or heading-like line (short, unpunctuated, on its own) that a line
 * falls under, for naming it in messages; the nearest before the line wins.
 */
function sectionBefore(doc: ConductDocument, lines: readonly Line[], index: number): string | undefined {
  const offset = lines[index].start;
  const candidates: { start: number; name: string }[] = [];
  const lastHeading = doc.headings.filter((h) => h.span.start < offset).at(-1);
  if (lastHeading) candidates.push({ start: lastHeading.span.start, name: lastHeading.title });
  const lastRung = doc.ladder.filter((r) => r.labelSpan.start < offset).at(-1);
  if (lastRung) candidates.push({ start: lastRung.labelSpan.start, name: lines[lineIndexAt(lines, lastRung.labelSpan.start)].text.trim() || lastRung.name });
  for (let i = index - 1; i >= 0 && i >= index - 40; i--) {
    const text = lines[i].text.trim();
    const alone = (i === 0 || lines[i - 1].text.trim() === '') && (i + 1 >= lines.length || lines[i + 1].text.trim() === '');
    if (text && alone && text.length <= 60 && !/[.,;:!?]$/.test(text) && /^[\p{Lu}\p{N}]/u.test(text) && !URL_LINE.test(text)) {
      candidates.push({ start: lines[i].start, name: text });
      break;
    }
  }
  return candidates.sort((a, b) => b.start - a.start)[0]?.name;
}

/** The line without its leading and trailing white space. */
function contentSpan(line: Line): Span {
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length };
}

/** Deletes the whole line, line break included. */
function removal(line: Line): { span: Span; text: string } {
  return { span: { start: line.start, end: line.next }, text: '' };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    lines.push({ index: lines.length, start, end: m.index, next: m.index + m[0].length, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ index: lines.length, start, end: text.length, next: text.length, text: text.slice(start) });
  return lines;
}

/** Lines that touch code (fenced, indented or inline), where any text may be quoted on purpose. */
function codeLines(doc: ConductDocument, lines: readonly Line[]): Set<number> {
  const set = new Set<number>();
  for (const span of doc.codeSpans) {
    for (let i = lineIndexAt(lines, span.start); i < lines.length && lines[i].start <= span.end; i++) set.add(i);
  }
  return set;
}

/** The index of the line holding an offset (binary search over line starts). */
function lineIndexAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Whether the text uses Markdown structure or inline syntax; plain text from a PDF does not. */
function usesMarkdown(tree: Root): boolean {
  let found = false;
  walk(tree, (node: Nodes) => {
    if (found) return false;
    if (['heading', 'strong', 'emphasis', 'link', 'linkReference', 'definition', 'inlineCode', 'code', 'blockquote', 'image', 'html'].includes(node.type)) found = true;
  });
  return found;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}
