import { findMojibake, type MojibakeRun } from '../encodingRepair';
import type { Rule, RuleFinding } from './types';

/**
 * UTF-8 text that went through a Windows-1252 or Mac OS Roman decoder reads as "âœ…" or
 * "Â©": readers see noise where the policy had a symbol, a name or a whole translation.
 * One finding per affected line, with the repaired text as its fix.
 */
export const mojibake: Rule = {
  id: 'mojibake',
  summary: 'Garbled characters ("âœ…", "Â©") where UTF-8 text was decoded as Windows-1252 or Mac OS Roman.',
  defaultSeverity: 'warning',
  check({ doc }) {
    const text = doc.text;
    const findings: RuleFinding[] = [];
    let line: MojibakeRun[] = [];
    const flush = () => {
      if (line.length === 0) return;
      const start = line[0].span.start;
      const end = line[line.length - 1].span.end;
      let repaired = '';
      let at = start;
      for (const run of line) {
        repaired += text.slice(at, run.span.start) + run.repaired;
        at = run.span.end;
      }
      const garbled = text.slice(start, end);
      const codec = line[0].codec.name;
      const shown = garbled.length <= 60 ? { from: garbled, to: repaired } : { from: line[0].garbled, to: line[0].repaired };
      const more = shown.from === garbled ? '' : ` (and ${line.length - 1} more on this line)`;
      const expected = shown.to === '' ? 'nothing (it is a byte order mark)' : `"${visible(shown.to)}"`;
      findings.push({
        span: { start, end },
        message: `Unexpected "${visible(shown.from)}"${more}, expected ${expected}: UTF-8 text was decoded as ${codec} and saved again.`,
        fix: { span: { start, end }, text: repaired },
      });
      line = [];
    };
    for (const run of findMojibake(text, doc.codeSpans)) {
      const previous = line[line.length - 1];
      if (previous && /[\r\n]/.test(text.slice(previous.span.end, run.span.start))) flush();
      line.push(run);
    }
    flush();
    return findings;
  },
};

/** Control characters (Latin-1 garbling leaves C1 controls) spelled out, so the message shows them. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\uFEFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
