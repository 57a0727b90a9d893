import type { List, Nodes, Paragraph } from 'mdast';
import { spanOf, walk } from '../markdown';
import type { Rule, RuleFinding, RuleFix } from './types';

interface SourceLine {
  /** Offset of the line's first character. */
  start: number;
  /** The line without its container prefix (block-quote markers, indentation). */
  body: string;
  /** Offset where `body` starts. */
  bodyStart: number;
  /** Width of the indentation inside the container. */
  indent: number;
}

/** "##Scope": hashes glued to a word. */
const GLUED_HEADING = /^(#{1,6})(?=[\p{L}\p{N}])/u;
/** A line that was written as a list item: a Markdown marker or a typographic bullet. */
const ITEM_LINE = /^(?:[-*+]\s+|•\s*|\d{1,2}[.)]\s+)(?=\S)/u;
/** A sentence end glued to the next sentence: "behaviour.We". */
const GLUED_SENTENCE = /(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})/gu;

/**
 * Markdown that renders differently from what its author meant: a heading without a space
 * after its hashes, list items that CommonMark folds into the paragraph before them, a bullet
 * that lost its marker and joined the item above, and two sentences without a space between.
 * The first three are judged on the parse (the marker is inside a paragraph's text), so only
 * what really renders wrongly is reported; plain-text and reStructuredText files get only the
 * last.
 */
export const markdownRendering: Rule = {
  id: 'markdown-rendering',
  summary: 'Markdown that does not render as meant: "##Heading", a list run into a paragraph, a bullet without its marker, "end.Next".',
  defaultSeverity: 'warning',
  check({ doc }) {
    const text = doc.text;
    const markdown = doc.format === 'markdown';
    const findings: RuleFinding[] = [];
    walk(doc.tree, (node: Nodes, parent) => {
      if (node.type === 'code' || node.type === 'html' || node.type === 'inlineCode' || node.type === 'link' || node.type === 'linkReference' || node.type === 'definition') return false;
      if (node.type === 'text') findings.push(...gluedSentences(text, node));
      if (!markdown) return;
      if (node.type === 'paragraph') findings.push(...paragraphChecks(text, node, parent?.type === 'root'));
      if (node.type === 'list') findings.push(...lostMarkers(text, node));
    });
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

function gluedSentences(text: string, node: Nodes): RuleFinding[] {
  const span = spanOf(node);
  if (!span) return [];
  const source = text.slice(span.start, span.end);
  const findings: RuleFinding[] = [];
  for (const m of source.matchAll(GLUED_SENTENCE)) {
    const before = /\S*$/.exec(source.slice(0, m.index))![0];
    const after = /^\S*/.exec(source.slice(m.index + 1))![0];
    const token = before + m[0] + after;
    // Addresses, file names and identifiers glue words with dots on purpose.
    if (/[/@\\:_=]|www\.|\.[a-z]{2,4}\b.*\./i.test(token) || /[.!?]\p{Lu}\p{Ll}*[.!?]\p{Lu}/u.test(token)) continue;
    const at = span.start + m.index;
    const shown = `${before.slice(-15)}${m[0]}${after.slice(0, 15)}`;
    findings.push({
      span: { start: at, end: at + 2 },
      message: `Unexpected "${shown}" without a space after "${m[0]}", expected "${before.slice(-15)}${m[0]} ${after.slice(0, 15)}": two sentences run together.`,
      fix: { span: { start: at, end: at + 2 }, text: `${m[0]} ${text[at + 1]}` },
    });
  }
  return findings;
}

/** The paragraph's source lines, with block-quote markers and indentation taken off. */
function sourceLines(text: string, node: Nodes): SourceLine[] {
  const span = spanOf(node);
  if (!span) return [];
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const lines: SourceLine[] = [];
  let at = lineStart;
  for (const raw of text.slice(lineStart, span.end).split('\n')) {
    const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(raw)![0];
    const indent = /[ \t]*$/.exec(prefix)![0].length;
    lines.push({ start: at, body: raw.slice(prefix.length).replace(/\r$/, ''), bodyStart: at + prefix.length, indent });
    at += raw.length + 1;
  }
  // The first line may start before the paragraph (a list marker): start at the paragraph.
  if (lines.length) {
    lines[0].body = text.slice(span.start, lines[0].start + lines[0].body.length + (lines[0].bodyStart - lines[0].start));
    lines[0].bodyStart = span.start;
  }
  return lines;
}

function paragraphChecks(text: string, paragraph: Paragraph, topLevel: boolean): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const lines = sourceLines(text, paragraph);
  for (const line of lines) {
    const glued = GLUED_HEADING.exec(line.body);
    if (!glued) continue;
    const rest = line.body.slice(glued[1].length).trim();
    // One "#" before a word is also a hashtag or an issue number: report it only where it reads as a title.
    if (glued[1].length === 1 && !(/^\p{Lu}/u.test(rest) && rest.length <= 80 && !/[.,;:!?]$/.test(rest))) continue;
    const at = line.bodyStart + glued[1].length;
    findings.push({
      span: { start: line.bodyStart, end: line.bodyStart + line.body.trimEnd().length },
      message: `Unexpected "${glued[1]}${rest.split(/\s+/)[0]}" without a space after "${glued[1]}", expected "${glued[1]} ${rest.split(/\s+/)[0]}": Markdown reads this line as text, not as a heading.`,
      fix: { span: { start: at, end: at }, text: ' ' },
    });
  }

  // List items folded into the paragraph: a line written as an item, after the first line.
  const items = lines.map((l, i) => ({ line: l, i })).filter(({ line, i }) => ITEM_LINE.test(line.body) && (i > 0 || line.body.startsWith('•')));
  const folded = items.filter(({ i }) => i > 0);
  if (folded.length > 0 && (items.length >= 2 || /:\s*$/.test(lines[folded[0].i - 1].body))) {
    const first = folded[0].line;
    const end = spanOf(paragraph)!.end;
    const marker = /^\S+/.exec(first.body)![0];
    let fix: RuleFix | undefined;
    if (topLevel) {
      const rewritten = lines.slice(folded[0].i).map((l) => (ITEM_LINE.test(l.body) ? l.body.replace(/^•\s*/, '- ') : `  ${l.body.trimStart()}`));
      fix = { span: { start: first.start, end }, text: `\n${rewritten.join('\n')}` };
    }
    findings.push({
      span: { start: first.bodyStart, end: first.bodyStart + first.body.trimEnd().length },
      message: `Unexpected list item "${marker} …" inside a paragraph, expected a list: ${folded.length === 1 ? 'this line runs' : `these ${folded.length} lines run`} on as text after the line before${lines[0].indent >= 4 || first.indent >= 4 ? ' (indented too far to start a list)' : ''}. Put a blank line before the list${marker === '•' ? ' and write items with "-"' : ''}.`,
      ...(fix && { fix }),
    });
  }
  return findings;
}

/**
 * A bullet that lost its marker reads as a continuation of the item above ("* Be kind" /
 * "Be patient" renders as one item "Be kind Be patient"). Reported only in a list whose other
 * items are one line each, on a continuation line that starts a capitalised sentence.
 */
function lostMarkers(text: string, list: List): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const shapes = list.children.map((item) => {
    const paragraph = item.children[0];
    return paragraph?.type === 'paragraph' ? sourceLines(text, paragraph) : [];
  });
  const multiLine = shapes.filter((lines) => lines.length > 1).length;
  if (list.children.length < 3 || multiLine !== 1) return findings;
  list.children.forEach((item, index) => {
    const lines = shapes[index];
    if (lines.length !== 2) return;
    const [first, second] = lines;
    if (!/^\p{Lu}\p{Ll}+\s\S/u.test(second.body) || /[,;:(&-]$|\b(?:and|or|the|a|an|of|to|by|at|in|for|with)$/i.test(first.body.trimEnd())) return;
    const itemSpan = spanOf(item)!;
    const itemLineStart = text.lastIndexOf('\n', itemSpan.start - 1) + 1;
    const marker = /^\s*(?:>\s?)*([-*+]|\d+[.)])\s+/.exec(text.slice(itemLineStart, first.bodyStart));
    const indentEnd = second.bodyStart;
    findings.push({
      span: { start: second.bodyStart, end: second.bodyStart + second.body.trimEnd().length },
      message: `Unexpected "${second.body.trim().slice(0, 40)}" joined to the item above, expected an item of its own: the line has no list marker, so it renders as part of "${first.body.trim().slice(0, 40)}".`,
      ...(marker && { fix: { span: { start: second.start, end: indentEnd }, text: marker[0] } }),
    });
  });
  return findings;
}
