import type { Root } from 'mdast';
import { literalReferences, normalizeLabel } from '../links';
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
 * the result shows the label defined, so it is never offered where the end of the file is
 * inside code or HTML.
 */
export function definitionInsertion(text: string, tree: Root, label: string, url: string): RuleFix | undefined {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `[${label.replace(/\s+/g, ' ').trim()}]: ${/[\s<>]/.test(url) ? `<${url}>` : url}`;
  const definitions = tree.children.filter((node) => node.type === 'definition');
  const last = definitions.length ? spanOf(definitions[definitions.length - 1]) : undefined;
  let fix: RuleFix;
  if (last) {
    const lineEnd = /\r?\n|$/.exec(text.slice(last.end))!.index + last.end;
    fix = { span: { start: lineEnd, end: lineEnd }, text: `${newline}${line}` };
  } else {
    const trailing = /(?:\r?\n)*$/.exec(text)![0];
    const breaks = (trailing.match(/\n/g) ?? []).length;
    const before = text.length === 0 ? '' : newline.repeat(Math.max(0, 2 - breaks));
    fix = { span: { start: text.length, end: text.length }, text: `${before}${line}${breaks > 0 ? newline : ''}` };
  }
  const result = text.slice(0, fix.span.start) + fix.text + text.slice(fix.span.end);
  const stillLiteral = literalReferences(result, parseMarkdown(result)).some((r) => normalizeLabel(r.label) === normalizeLabel(label));
  return stillLiteral ? undefined : { ...fix, title: `Define [${label.trim()}] as ${url}` };
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
