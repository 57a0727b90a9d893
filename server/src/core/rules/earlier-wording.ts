import { compareTexts, comparedUpstream } from '../compare/compare';
import { againstLabel } from '../compare/describe';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import { newerVersions, noteSpan } from './ruleSupport';
import type { Rule } from './types';

/** How many of upstream's changes the message quotes. */
const MAX_QUOTED = 3;
/** Words of upstream's text quoted on each side of a change, and at most in one quote. */
const CONTEXT_WORDS = 2;
const MAX_QUOTE_WORDS = 12;

/**
 * A policy copied from a wording upstream later edited: says what upstream changed since, so
 * that neither the reader nor a comparison takes upstream's edits for the policy's own, and
 * that today's wording is there to upgrade to.
 */
export const earlierWording: Rule = {
  id: 'earlier-wording',
  summary: 'The policy follows an earlier wording of its Contributor Covenant version, which upstream has edited since.',
  defaultSeverity: 'information',
  appliesTo: 'covenant-text',
  check({ doc, base, library }) {
    const source = base.source;
    const current = source?.revision && library.currentOf(source);
    if (!source?.revision || !current || !base.version) return [];
    const changes = changesSince(source, current, library);
    const quoted = changes.slice(0, MAX_QUOTED).map(({ before, after }) => `"${before}" to "${after}"`);
    const more = changes.length - quoted.length;
    const what = quoted.length
      ? `Upstream has since changed ${quoted.join(', ')}${more > 0 ? ` and made ${more} more change${more === 1 ? '' : 's'}` : ''}.`
      : 'Upstream has since changed only its formatting.';
    const newer = newerVersions(library, base.version);
    const upgrade = `Today's ${base.version} wording is available${newer.length ? `, and newer versions: ${newer.join(', ')}` : ''}.`;
    const label = againstLabel({ family: 'contributor-covenant', version: base.version, language: base.language, revision: source.revision });
    return [{ span: noteSpan(doc), message: `Follows ${label}. ${what} ${upgrade}` }];
  },
};

interface WordingChange {
  /** The earlier wording's words there, with a little context, and today's. */
  before: string;
  after: string;
}

const cache = new WeakMap<UpstreamText, WordingChange[]>();

/**
 * Upstream's wording changes from an earlier wording to today's, in text order, through the
 * comparison engine (so fields and formatting are not changes); changes a few words apart
 * are quoted as one. Computed once per earlier wording: only policies detected as one ask.
 */
function changesSince(earlier: UpstreamText, current: UpstreamText, library: UpstreamLibrary): WordingChange[] {
  let changes = cache.get(earlier);
  if (!changes) {
    const comparison = compareTexts(comparedUpstream(earlier, library), comparedUpstream(current, library));
    const spans: { before: Span; after: Span }[] = [];
    for (const change of comparison.sections.flatMap((section) => section.changes).filter((c) => c.kind !== 'field')) {
      const last = spans.at(-1);
      if (last && near(earlier.body, last.before, change.upstream) && near(current.body, last.after, change.policy)) {
        last.before = { start: last.before.start, end: Math.max(last.before.end, change.upstream.end) };
        last.after = { start: last.after.start, end: Math.max(last.after.end, change.policy.end) };
      } else spans.push({ before: change.upstream, after: change.policy });
    }
    changes = spans.map(({ before, after }) => ({ before: quote(earlier.body, before), after: quote(current.body, after) }));
    cache.set(earlier, changes);
  }
  return changes;
}

/** Whether `next` starts within {@link CONTEXT_WORDS} words after `span` ends (their quotes would overlap). */
function near(text: string, span: Span, next: Span): boolean {
  if (next.start < span.end) return next.start >= span.start;
  return text.slice(span.end, next.start).split(/\s+/).filter(Boolean).length <= CONTEXT_WORDS;
}

/**
 * The text over `span` and {@link CONTEXT_WORDS} whole words on each side, white space
 * folded and Markdown marks dropped, at most {@link MAX_QUOTE_WORDS} words.
 */
function quote(text: string, span: Span): string {
  const head = new RegExp(`(?:\\S+\\s+){0,${CONTEXT_WORDS}}\\S*$`).exec(text.slice(Math.max(0, span.start - 300), span.start))?.[0] ?? '';
  const tail = new RegExp(`^\\S*(?:\\s+\\S+){0,${CONTEXT_WORDS}}`).exec(text.slice(span.end, span.end + 300))?.[0] ?? '';
  const words = `${head}${text.slice(span.start, span.end)}${tail}`.replace(/[*_`#[\]]/g, '').split(/\s+/).filter(Boolean);
  return words.length > MAX_QUOTE_WORDS ? `${words.slice(0, MAX_QUOTE_WORDS).join(' ')} …` : words.join(' ');
}
