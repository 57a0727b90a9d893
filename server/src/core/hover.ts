import { compareWithUpstream, type Comparison } from './compare/compare';
import { againstLabel } from './compare/describe';
import { upstreamAgainst } from './compare/target';
import { explainPlaceholder } from './placeholderHover';
import { explainSection, headingAt } from './sectionHover';
import { standingAt, standingParts } from './sectionStandings';
import { detectBase } from './detect';
import type { ConductDocument } from './document';
import type { PolicyBase } from './rules/types';
import { licenceOf } from './structure/attribution';
import { ladderFamily, type LadderRung, type RungField } from './structure/ladder';
import { RUNGS, type RungFieldId } from './ladderRungs';
import { clipText, foldLabel } from './normalize';
import { escapeRegExp } from './patterns';
import type { Span } from './span';
import { familyOf } from './sectionCanon';
import type { UpstreamText } from './upstream/types';
import type { UpstreamLibrary, UpstreamRung } from './upstream/library';

/** Hover content in Markdown, with the span it describes. */
export interface HoverResult {
  markdown: string;
  span: Span;
}

/**
 * What to show when the cursor rests on part of a policy, or undefined for nothing, first
 * match wins: a ladder rung's label (its meaning, the base's wording and how this one
 * differs), one of a rung's field labels (the same, with what the field says), an unfilled
 * placeholder (what belongs there, why, and the quick fix), the attribution (the paragraph
 * that cites a Contributor Covenant version: what the policy's text actually follows), or a
 * section heading (the standard section and its status against the base), or a rung's name
 * anywhere else in the text ("…may lead to a Temporary Ban"). `base` is the
 * policy's detection when the caller has it; without it, the attribution and heading hovers detect afresh.
 * `blocks` are the versions of a multi-version file, each held to its own base on a heading.
 */
export function hoverAt(doc: ConductDocument, offset: number, library: UpstreamLibrary, base?: PolicyBase, blocks?: readonly { span: Span; base: PolicyBase }[]): HoverResult | undefined {
  const rung = doc.ladder.find((r) => offset >= r.labelSpan.start && offset <= r.labelSpan.end);
  if (rung) return { markdown: explainRung(doc, rung, library, base), span: rung.labelSpan };
  const field = fieldAt(doc, offset);
  if (field) return { markdown: `${FIELD_MEANINGS[field.field.id].replace('{rung}', field.rung.name)}\n\n---\n\n${explainRung(doc, field.rung, library, base)}`, span: field.field.span };
  const placeholder = doc.placeholders.find((p) => offset >= p.span.start && offset <= p.span.end);
  if (placeholder) return { markdown: explainPlaceholder(placeholder), span: placeholder.span };
  // A heading that cites a version ("# Contributor Covenant 3.0") is an attribution claim first.
  const span = attributionAt(doc, offset);
  if (span) return { markdown: explainBase(doc, base ?? detectBase(doc.text, library), span), span };
  const section = headingAt(doc, offset);
  if (!section) {
    const mention = rungMentionAt(doc, offset);
    return mention && { markdown: explainRung(doc, mention.rung, library, base), span: mention.span };
  }
  const parts = standingParts(doc, library, base ?? detectBase(doc.text, library), blocks);
  return { markdown: explainSection(doc, section, parts.length ? standingAt(parts, section.heading.span.start) ?? null : undefined), span: section.heading.span };
}

/**
 * A rung of the policy's ladder named in its prose, under `offset`: the name as the ladder
 * writes it, in any case, as whole words, on the cursor's line and outside code.
 */
function rungMentionAt(doc: ConductDocument, offset: number): { rung: LadderRung; span: Span } | undefined {
  if (!doc.ladder.length || doc.codeSpans.some((c) => offset >= c.start && offset < c.end)) return undefined;
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const eol = doc.text.indexOf('\n', offset);
  const line = doc.text.slice(lineStart, eol < 0 ? doc.text.length : eol);
  for (const rung of doc.ladder) {
    const words = rung.name.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
    if (!words.length) continue;
    const name = new RegExp(`(?<![\\p{L}\\p{N}])${words.join(String.raw`\s+`)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of line.matchAll(name)) {
      const span = { start: lineStart + match.index, end: lineStart + match.index + match[0].length };
      if (offset >= span.start && offset <= span.end) return { rung, span };
    }
  }
  return undefined;
}

/** What each rung field states, in our words; `{rung}` is the rung's name as written. */
const FIELD_MEANINGS: Record<RungFieldId, string> = {
  'community-impact': '**Community Impact** of *{rung}*: the harm that leads the stewards to this rung.',
  consequence: '**Consequence** of *{rung}*: what the stewards do when they take this step.',
  event: '**Event** of *{rung}*: the behaviour that leads to this rung.',
  repair: '**Repair** of *{rung}*: what the person can do to make amends and come back.',
};

/** The rung field label under the cursor, with its rung. */
function fieldAt(doc: ConductDocument, offset: number): { rung: LadderRung; field: RungField } | undefined {
  for (const rung of doc.ladder) {
    const field = rung.fields.find((f) => offset >= f.span.start && offset <= f.span.end);
    if (field) return { rung, field };
  }
  return undefined;
}

/** The paragraph around `offset` when it cites a Contributor Covenant version (or links to one). */
function attributionAt(doc: ConductDocument, offset: number): Span | undefined {
  const claims = [...doc.attribution.versions, ...doc.attribution.permalinks];
  const paragraph = paragraphAt(doc.text, offset);
  return claims.some((c) => c.span.start < paragraph.end && c.span.end > paragraph.start) ? paragraph : undefined;
}

/** A paragraph longer than this many lines (a text without blank lines) hovers by line instead. */
const MAX_PARAGRAPH_LINES = 6;

/** The lines between the blank lines around `offset` (or its own line, in a long block), without surrounding white space. */
function paragraphAt(text: string, offset: number): Span {
  let start = 0;
  for (const blank of text.slice(0, offset).matchAll(/\n[ \t]*\r?\n/g)) start = blank.index + blank[0].length;
  const after = /\r?\n[ \t]*\r?\n/.exec(text.slice(offset));
  let end = after ? offset + after.index : text.length;
  if (text.slice(start, end).split('\n').length > MAX_PARAGRAPH_LINES) {
    start = text.lastIndexOf('\n', offset - 1) + 1;
    const eol = text.indexOf('\n', offset);
    end = eol < 0 ? text.length : eol;
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const LICENCE_URLS: Record<string, string> = {
  'CC BY 4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC BY-SA 4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
};

/** What the policy's text follows (version, language, and which wording), against what its attribution says. */
function explainBase(doc: ConductDocument, base: PolicyBase, span: Span): string {
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  if (base.family !== 'contributor-covenant' || !base.version) {
    return "This policy's text does not follow a Contributor Covenant text: it shares too little of any version's wording.";
  }
  const label = againstLabel({ family: 'contributor-covenant', version: base.version, language: base.language, revision: base.revision ?? null });
  const lines = [`This policy's text follows **${label}** (${percent(base.similarity)} similar).`];
  const claimed = doc.attribution.versions.find((c) => c.span.start >= span.start && c.span.end <= span.end)?.version;
  if (claimed && claimed !== base.version) lines.push('', `The attribution says version ${claimed}.`);
  if (base.revision) lines.push('', `Upstream has edited this wording since: today's ${base.version} text is newer.`);
  const licence = licenceOf(base.version);
  lines.push('', `Licence of the Contributor Covenant ${base.version}: [${licence}](${LICENCE_URLS[licence]}), with attribution.`);
  return lines.join('\n');
}

function explainRung(doc: ConductDocument, rung: LadderRung, library: UpstreamLibrary, base?: PolicyBase): string {
  const lines = [`**${rung.name}**: rung ${rung.ordinal} of ${doc.ladder.length} in this policy's enforcement ladder.`, ''];
  if (!rung.id) {
    lines.push('This rung is your own: no Contributor Covenant ladder has one by this name.');
    return lines.join('\n');
  }
  const info = RUNGS[rung.id];
  if (foldLabel(rung.name) !== foldLabel(info.name)) lines.push(`Contributor Covenant calls this rung *${info.name}*.`, '');
  lines.push(info.explanation);
  const fromBase = base?.source && library.rungsOf(base.source).find((r) => r.id === rung.id);
  const upstream = fromBase || upstreamRung(doc, rung, library);
  if (upstream) {
    const label = againstLabel(upstreamAgainst(upstream.source));
    lines.push('', `---`, '', `${label} defines it as:`, '', quote(upstream.markdown));
    const difference = fromBase && rungDifference(doc, rung, upstream.source, library);
    if (difference) lines.push('', difference);
  }
  return lines.join('\n');
}

/** At most this many of a rung's changes are listed in its hover; the report has the rest. */
const MAX_HOVER_CHANGES = 5;

/** How the policy's rung differs from the base's, word by word: "Identical", or the changes. */
function rungDifference(doc: ConductDocument, rung: LadderRung, source: UpstreamText, library: UpstreamLibrary): string | undefined {
  const section = comparisonOf(doc, source, library).sections.find((s) => s.id === `rung:${rung.id}`);
  if (!section || !section.upstream) return undefined;
  const wording = section.changes.filter((c) => c.kind === 'insert' || c.kind === 'delete' || c.kind === 'replace');
  if (!wording.length) return '**Your rung has the same wording.**';
  const shown = wording.slice(0, MAX_HOVER_CHANGES).map((c) => {
    if (c.kind === 'insert') return `- added: *${clip(c.text)}*`;
    if (c.kind === 'delete') return `- dropped: ~~${clip(c.upstreamText)}~~`;
    return `- ~~${clip(c.upstreamText)}~~ → *${clip(c.text)}*`;
  });
  const more = wording.length > MAX_HOVER_CHANGES ? [`- … and ${wording.length - MAX_HOVER_CHANGES} more (Conduct: Show Comparison Report)`] : [];
  return [`**Your rung differs** (${Math.floor(section.similarity * 100)}% similar):`, '', ...shown, ...more].join('\n');
}

const comparisons = new WeakMap<ConductDocument, Map<UpstreamText, Comparison>>();

/** One comparison per document and base, shared by every hover on that version of the text. */
function comparisonOf(doc: ConductDocument, source: UpstreamText, library: UpstreamLibrary): Comparison {
  let bySource = comparisons.get(doc);
  if (!bySource) comparisons.set(doc, (bySource = new Map()));
  let comparison = bySource.get(source);
  if (!comparison) bySource.set(source, (comparison = compareWithUpstream(doc, source, library)));
  return comparison;
}

/** Words quoted in a hover: white space folded, Markdown characters escaped, long runs cut. */
function clip(text: string): string {
  return clipText(text, 80).replace(/[\\`*_~[\]<>|#]/g, (ch) => `\\${ch}`);
}

/**
 * The upstream definition to show: from the ladder family the policy follows, in the
 * language whose rung name the policy uses, newest version first.
 */
function upstreamRung(doc: ConductDocument, rung: LadderRung, library: UpstreamLibrary): UpstreamRung | undefined {
  const family = ladderFamily(doc.ladder);
  const candidates: UpstreamRung[] = [];
  for (const text of library.texts) {
    if (familyOf(text.entry.version) !== family) continue;
    for (const r of library.rungsOf(text)) if (r.id === rung.id) candidates.push(r);
  }
  const sameName = candidates.filter((r) => foldLabel(r.name) === foldLabel(rung.name));
  const pool = sameName.length ? sameName : candidates.filter((r) => r.source.entry.language === 'en');
  return pool.sort((a, b) => compareVersions(b.source, a.source))[0];
}

function compareVersions(a: UpstreamText, b: UpstreamText): number {
  return a.entry.version.localeCompare(b.entry.version, 'en', { numeric: true });
}

function quote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}
