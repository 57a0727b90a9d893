import { parse as parseToml } from 'smol-toml';
import type { CatalogEntry, UpstreamFrontMatter, UpstreamText } from './types';

const FENCE = /^\+\+\+[ \t]*$/;

/**
 * Splits an upstream file into its TOML front matter and Markdown body. Tolerates a byte
 * order mark, CRLF or CR line breaks, a missing final newline and a file with no front
 * matter at all (2.0 sw). A front matter block that is not valid TOML is treated as absent
 * rather than thrown, so one odd file never takes the catalog down.
 */
export function parseUpstreamText(entry: CatalogEntry, raw: string): UpstreamText {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const none: UpstreamText = { entry, frontMatter: { aliases: [] }, body: text };
  if (!FENCE.test(lines[0] ?? '')) return none;
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) return none;
  let data: Record<string, unknown>;
  try {
    data = parseToml(lines.slice(1, close).join('\n'));
  } catch {
    return none;
  }
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  const frontMatter: UpstreamFrontMatter = {
    version: str('version'),
    title: str('title'),
    aliases: Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [],
    reportingPlaceholder: str('reportingPlaceholder'),
    enforcementPlaceholder: str('enforcementPlaceholder'),
  };
  return { entry, frontMatter, body: lines.slice(close + 1).join('\n') };
}
