import type { Root } from 'mdast';
import { normalizeLabel } from '../links';
import { parseMarkdown, spanOf } from '../markdown';
import type { UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import { baseText } from './ruleSupport';
import type { PolicyBase, RuleFix } from './types';

/** `[label]: url` at the start of a line, as the upstream texts write their definitions. */
const DEFINITION_LINE = /^ {0,3}\[((?:\\.|[^\\\]\n])+)\]:[ \t]*<?([^\s>]+)>?/gm;

/**
 * Where a reference label points when that is knowable: the definition the upstream text the
 * policy follows gives it (adopters often drop the definitions at the end and keep the
 * references), or failing that the one URL every bundled text agrees on for that label.
 * Undefined when no bundled text defines it or they disagree: a guessed link is worse than none.
 */
export function knownReferenceUrl(label: string, base: PolicyBase, library: UpstreamLibrary): string | undefined {
  const key = normalizeLabel(label);
  const own = baseText(base, library);
  const fromBase = own && definitionsOf(own).get(key);
  if (fromBase) return fromBase;
  const urls = new Set<string>();
  for (const upstream of library.texts) {
    const url = definitionsOf(upstream).get(key);
    if (url) urls.add(url);
  }
  return urls.size === 1 ? [...urls][0] : undefined;
}

/**
 * The insertion that defines `label` as `url`: on the line after the document's last
 * top-level definition, or as a paragraph of its own at the end. Undefined unless parsing
 * the result shows the new line, alone, read as that definition: never where the end of the
 * file is inside code or HTML, nor where the line after would be taken for its title.
 */
export function definitionInsertion(text: string, tree: Root, label: string, url: string): RuleFix | undefined {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `[${label.replace(/\s+/g, ' ').trim()}]: ${/[\s<>]/.test(url) ? `<${url}>` : url}`;
  const definitions = tree.children.filter((node) => node.type === 'definition');
  const last = definitions.length ? spanOf(definitions[definitions.length - 1]) : undefined;
  let fix: RuleFix;
  let lineStart: number;
  // Where the check's parse starts: a top-level block's start, where parsing begins afresh.
  let from: number;
  if (last) {
    const lineEnd = /\r?\n|$/.exec(text.slice(last.end))!.index + last.end;
    fix = { span: { start: lineEnd, end: lineEnd }, text: `${newline}${line}` };
    lineStart = newline.length;
    from = last.start;
  } else {
    const trailing = /(?:\r?\n)*$/.exec(text)![0];
    const breaks = (trailing.match(/\n/g) ?? []).length;
    const before = text.length === 0 ? '' : newline.repeat(Math.max(0, 2 - breaks));
    fix = { span: { start: text.length, end: text.length }, text: `${before}${line}${breaks > 0 ? newline : ''}` };
    lineStart = before.length;
    const lastBlock = tree.children.length ? spanOf(tree.children[tree.children.length - 1]) : undefined;
    from = lastBlock?.start ?? text.length;
  }
  // Only the last block, the new line and the line after it can change how the new line reads,
  // so the check parses those rather than the whole policy again.
  const at = fix.span.start;
  const nextLine = /^(?:\r?\n)?[^\r\n]*/.exec(text.slice(at))![0];
  const excerpt = text.slice(from, at) + fix.text + nextLine;
  const start = at - from + lineStart;
  const end = start + line.length;
  const parsed = parseMarkdown(excerpt).children.find((node) => node.type === 'definition' && spanOf(node)?.start === start);
  const defines = parsed?.type === 'definition' && spanOf(parsed)?.end === end && normalizeLabel(parsed.label ?? parsed.identifier) === normalizeLabel(label);
  return defines ? { ...fix, title: `Define [${label.trim()}] as ${url}` } : undefined;
}

const DEFINITIONS = new WeakMap<UpstreamText, Map<string, string>>();

function definitionsOf(upstream: UpstreamText): Map<string, string> {
  let found = DEFINITIONS.get(upstream);
  if (found) return found;
  found = new Map();
  for (const m of upstream.body.matchAll(DEFINITION_LINE)) {
    const key = normalizeLabel(m[1]);
    // CommonMark: the first definition of a label wins.
    if (!found.has(key)) found.set(key, m[2]);
  }
  DEFINITIONS.set(upstream, found);
  return found;
}
