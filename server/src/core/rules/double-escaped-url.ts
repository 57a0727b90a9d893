import { linkTargets, textRuns } from '../links';
import { WEB_URL } from '../patterns';
import type { Span } from '../span';
import type { Rule, RuleFinding } from './types';

/** CommonMark lets a backslash escape any ASCII punctuation character. */
const ESCAPABLE = String.raw`[!-/:-@[-\x60{-~]`;
const LEFTOVER_ESCAPE = new RegExp(String.raw`\\(?=${ESCAPABLE})`, 'g');
const HAS_LEFTOVER_ESCAPE = new RegExp(String.raw`\\${ESCAPABLE}`);
const ESCAPED_BACKSLASH = new RegExp(String.raw`\\\\(?=${ESCAPABLE})`, 'g');
const UNESCAPE = new RegExp(String.raw`\\(${ESCAPABLE})`, 'g');

/**
 * A formatter that escapes `_` in a URL, run twice, leaves `code\\_of\\_conduct`: the reader
 * sees (and copies) `code\_of\_conduct`, and a link with that destination is broken.
 */
export const doubleEscapedUrl: Rule = {
  id: 'double-escaped-url',
  summary: 'A URL with backslash escapes that survive into the rendered text or link ("code\\_of\\_conduct").',
  defaultSeverity: 'warning',
  check({ doc }) {
    const findings: RuleFinding[] = [];
    const report = (span: Span, shown: string, fixed: string, fixText: string) =>
      findings.push({
        span,
        message: `Unexpected backslashes in URL "${shown}", expected "${fixed}": the escapes were applied twice, so the backslashes show.`,
        fix: { span, text: fixText },
      });

    const targets = linkTargets(doc.text, doc.tree);
    for (const t of targets) {
      if (!HAS_LEFTOVER_ESCAPE.test(t.url)) continue;
      const fixed = t.url.replace(LEFTOVER_ESCAPE, '');
      const written = doc.text.slice(t.destination.start, t.destination.end);
      report(t.destination, t.url, fixed, written.startsWith('<') ? `<${fixed}>` : fixed);
    }
    const autolinks = targets.filter((t) => t.kind === 'autolink');
    for (const run of textRuns(doc.text, doc.tree)) {
      if (autolinks.some((a) => a.span.start <= run.span.start && run.span.end <= a.span.end)) continue;
      for (const m of run.raw.matchAll(WEB_URL)) {
        const raw = withoutTrailingPunctuation(m[0]);
        const rendered = raw.replace(UNESCAPE, '$1');
        if (!rendered.includes('\\')) continue;
        const start = run.span.start + (m.index ?? 0);
        const fixText = raw.replace(ESCAPED_BACKSLASH, '');
        report({ start, end: start + raw.length }, rendered, fixText.replace(UNESCAPE, '$1'), fixText);
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
