import { parse as parseToml } from 'smol-toml';
import type { CatalogEntry, RevisionInfo, UpstreamFrontMatter, UpstreamText } from './types';

const TOML_FENCE = /^\+\+\+[ \t]*$/;
const YAML_FENCE = /^---[ \t]*$/;

/**
 * Splits an upstream file into its front matter and Markdown body. Today's files carry TOML
 * between `+++` lines; some earlier ones carried Jekyll's YAML between `---` lines, and the
 * oldest none. Tolerates a byte order mark, CRLF or CR line breaks, a missing final newline
 * and a file with no front matter at all (2.0 sw). A block that does not parse is treated as
 * absent rather than thrown, so one odd file never takes the catalog down.
 */
export function parseUpstreamText(entry: CatalogEntry, raw: string, revision?: RevisionInfo): UpstreamText {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const none: UpstreamText = { entry, frontMatter: { aliases: [] }, body: text, ...(revision && { revision }) };
  const fence = [TOML_FENCE, YAML_FENCE].find((f) => f.test(lines[0] ?? ''));
  if (!fence) return none;
  const close = lines.findIndex((line, i) => i > 0 && fence.test(line));
  if (close < 0) return none;
  const block = lines.slice(1, close).join('\n');
  const data = fence === TOML_FENCE ? tryToml(block) : parseSimpleYaml(block);
  if (!data) return none;
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const frontMatter: UpstreamFrontMatter = {
    version: str('version'),
    title: str('title'),
    aliases: Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [],
    reportingPlaceholder: str('reportingPlaceholder'),
    enforcementPlaceholder: str('enforcementPlaceholder'),
  };
  return { ...none, frontMatter, body: lines.slice(close + 1).join('\n') };
}

function tryToml(block: string): Record<string, unknown> | undefined {
  try {
    return parseToml(block);
  } catch {
    return undefined;
  }
}

const YAML_PAIR = /^([\w-]{1,40})[ \t]*:[ \t]*(.*)$/;
const YAML_ITEM = /^[ \t]+-[ \t]+(.*)$|^-[ \t]+(.*)$/;

/**
 * The flat YAML that Jekyll front matter holds (`key: value`, and `- item` lists under a
 * key), with scalars kept as strings: no YAML library is needed for that, and anything
 * richer makes the block count as no front matter instead of a guess. A `---` that opens a
 * file followed by prose is a Markdown rule, not front matter, and is left in the body.
 */
function parseSimpleYaml(block: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  let list: string[] | undefined;
  for (const line of block.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const item = YAML_ITEM.exec(line);
    if (item && list) {
      list.push(unquote(item[1] ?? item[2]));
      continue;
    }
    const pair = YAML_PAIR.exec(line);
    if (!pair) return undefined;
    const value = pair[2].trim();
    if (value) {
      data[pair[1]] = /^\[.*\]$/.test(value) ? value.slice(1, -1).split(',').map((v) => unquote(v.trim())).filter(Boolean) : unquote(value);
      list = undefined;
    } else {
      data[pair[1]] = list = [];
    }
  }
  return Object.keys(data).length ? data : undefined;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
