import { linkTargets, textRuns } from '../links';
import type { Span } from '../span';
import type { Rule, RuleFinding } from './types';

/** `http:host`, `http:/host` and `http//host`: a web scheme without its `://`. */
const MALFORMED = /^(https?|ftp)(?::\/?|\/\/)(?!\/)(?=[\p{L}\p{N}])/iu;
const MALFORMED_IN_TEXT = /(?<![\p{L}\p{N}./@-])(?:https?|ftp)(?::\/?|\/\/)(?!\/)[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)+[^\s<>"'`()[\]]*/giu;

/** The URL with its scheme written out properly. */
function repaired(url: string): string {
  return url.replace(MALFORMED, (_, scheme: string) => `${scheme}://`);
}

/**
 * A URL missing the `//` after its scheme (`http:contributor-covenant.org`) is a relative
 * path to browsers and most renderers: the link leads nowhere. Contributor Covenant 1.0
 * itself shipped one.
 */
export const malformedUrl: Rule = {
  id: 'malformed-url',
  summary: 'A URL whose scheme lacks "://", such as "http:example.org".',
  defaultSeverity: 'warning',
  check({ doc }) {
    const findings: RuleFinding[] = [];
    const report = (span: Span, url: string, written: string) =>
      findings.push({
        span,
        message: `Unexpected URL "${url}", expected "${repaired(url)}": without "//" the address is read as a relative path.`,
        fix: { span, text: repaired(written) },
      });
    const targets = linkTargets(doc.text, doc.tree);
    for (const t of targets) {
      if (!MALFORMED.test(t.url)) continue;
      const written = doc.text.slice(t.destination.start, t.destination.end);
      const inner = written.startsWith('<') && written.endsWith('>') && t.kind !== 'autolink';
      const span = inner ? { start: t.destination.start + 1, end: t.destination.end - 1 } : t.destination;
      report(span, t.url, doc.text.slice(span.start, span.end));
    }
    for (const run of textRuns(doc.text, doc.tree)) {
      if (run.inLink) continue;
      for (const m of run.raw.matchAll(MALFORMED_IN_TEXT)) {
        const url = withoutTrailingPunctuation(m[0]);
        const start = run.span.start + (m.index ?? 0);
        report({ start, end: start + url.length }, url, url);
      }
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

/** The URL without the sentence punctuation that follows it ("…/faq." ends at "faq"). */
function withoutTrailingPunctuation(token: string): string {
  let end = token.length;
  while (end > 0 && '.,;:!?'.includes(token[end - 1])) end--;
  return token.slice(0, end);
}
