import type { ConductDocument } from './document';
import { ladderFamily, type LadderRung } from './structure/ladder';
import { RUNGS } from './ladderRungs';
import { foldLabel } from './normalize';
import type { Span } from './span';
import { familyOf } from './sectionCanon';
import type { UpstreamText } from './upstream/types';
import type { UpstreamLibrary, UpstreamRung } from './upstream/library';

/** Hover content in Markdown, with the span it describes. */
export interface HoverResult {
  markdown: string;
  span: Span;
}

/** What to show when the cursor rests on part of a policy, or undefined for nothing. */
export function hoverAt(doc: ConductDocument, offset: number, library: UpstreamLibrary): HoverResult | undefined {
  const rung = doc.ladder.find((r) => offset >= r.labelSpan.start && offset <= r.labelSpan.end);
  return rung && { markdown: explainRung(doc, rung, library), span: rung.labelSpan };
}

function explainRung(doc: ConductDocument, rung: LadderRung, library: UpstreamLibrary): string {
  const lines = [`**${rung.name}**: rung ${rung.ordinal} of ${doc.ladder.length} in this policy's enforcement ladder.`, ''];
  if (!rung.id) {
    lines.push('This rung is your own: no Contributor Covenant ladder has one by this name.');
    return lines.join('\n');
  }
  const info = RUNGS[rung.id];
  if (foldLabel(rung.name) !== foldLabel(info.name)) lines.push(`Contributor Covenant calls this rung *${info.name}*.`, '');
  lines.push(info.explanation);
  const upstream = upstreamRung(doc, rung, library);
  if (upstream) {
    const { version, language } = upstream.source.entry;
    lines.push('', `---`, '', `Contributor Covenant ${version}${language === 'en' ? '' : ` (${language})`} defines it as:`, '', quote(upstream.markdown));
  }
  return lines.join('\n');
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
