import { linkTargets, textRuns } from '../links';
import type { Environment, Rule, RuleFinding } from './types';

/** A scheme (`https:`, `mailto:`) or a protocol-relative `//host`: not a file next to the policy. */
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** File names a policy mentions in prose: `SECURITY.md`, `docs/enforcement.md`. */
const FILE_MENTION = /(?<![\p{L}\p{N}_./@:\\-])(?:\.{1,2}\/)?(?:[\p{L}\p{N}_.-]+\/)*[\p{L}\p{N}_-][\p{L}\p{N}_.-]*\.(?:md|markdown|mdx|txt|rst|adoc|asciidoc|pdf)(?![\p{L}\p{N}_/@-]|\.[\p{L}\p{N}])/giu;
/** URLs and addresses, matched from the start of a word only (so a long word is scanned once). */
const URL_OR_EMAIL = /(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|(?<!\S)[^\s@]+@\S+/gi;
/**
 * Where GitHub and similar hosts look for community files, relative to a policy in the
 * repository root or in .github/ or docs/: a file named in prose may live in any of them.
 */
const MENTION_FOLDERS = ['', '../', '.github/', 'docs/', '../.github/', '../docs/'];

/** The path part of a relative URL, decoded; undefined for anchors and root-relative paths. */
function relativePath(url: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('/') || ABSOLUTE.test(url)) return undefined;
  let path = url.replace(/[?#][\s\S]*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray "%" is part of the name as written.
  }
  path = path.replace(/^(?:\.\/)+/, '');
  return path === '' || path === '.' ? undefined : path;
}

/** true, false, or undefined when the environment cannot tell (or throws). */
function exists(env: Environment, path: string): boolean | undefined {
  try {
    return env.fileExists?.(path);
  } catch {
    return undefined;
  }
}

/**
 * A relative link, or a file named in prose (`SECURITY.md`), that is not there sends readers
 * to a 404 at the moment they look for how to report. Checked through the injected
 * environment; silent when it cannot tell.
 */
export const missingLinkTarget: Rule = {
  id: 'missing-link-target',
  summary: 'A relative link, or a file named in the text such as SECURITY.md, that does not exist.',
  defaultSeverity: 'warning',
  check({ doc, env }) {
    if (!env.fileExists) return [];
    const findings: RuleFinding[] = [];
    for (const t of linkTargets(doc.text, doc.tree)) {
      if (t.kind === 'autolink') continue;
      const path = relativePath(t.url);
      if (path === undefined || exists(env, path) !== false) continue;
      findings.push({
        span: t.destination,
        message: `Unexpected ${t.kind === 'image' ? 'image' : 'link'} target "${t.url}", expected a file that exists: there is no "${path}" next to this policy.`,
      });
    }
    const candidates: { start: number; end: number; name: string }[] = [];
    for (const run of textRuns(doc.text, doc.tree)) {
      if (run.inLink) continue;
      const masked = run.raw.replace(URL_OR_EMAIL, (m) => ' '.repeat(m.length));
      for (const m of masked.matchAll(FILE_MENTION)) {
        const start = run.span.start + (m.index ?? 0);
        candidates.push({ start, end: start + m[0].length, name: m[0] });
      }
    }
    for (const span of doc.codeSpans) {
      const code = doc.text.slice(span.start, span.end);
      // Inline code only: a file name alone in `…` is a mention; a code block is an example.
      const inner = /[\r\n]/.test(code) ? null : /^`+\s*([^`\s]+)\s*`+$/.exec(code);
      if (!inner) continue;
      const whole = new RegExp(`^${FILE_MENTION.source}$`, 'iu').exec(inner[1]);
      if (!whole) continue;
      const start = span.start + code.indexOf(inner[1]);
      candidates.push({ start, end: start + inner[1].length, name: inner[1] });
    }
    for (const c of candidates.sort((a, b) => a.start - b.start)) {
      const path = c.name.replace(/^(?:\.\/)+/, '');
      const places = path.includes('/') ? [path] : MENTION_FOLDERS.map((folder) => folder + path);
      const answers = places.map((p) => exists(env, p));
      if (answers.some((a) => a !== false)) continue;
      const where = path.includes('/') ? `no ${path} relative to this policy` : `no ${path} next to this policy, in .github/ or in docs/`;
      findings.push({ span: { start: c.start, end: c.end }, message: `Unexpected reference to "${c.name}", expected a file that exists: there is ${where}.` });
    }
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};
