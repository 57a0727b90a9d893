import { LineIndex, type Point } from '../span';
import type { Change, Comparison, SectionComparison } from './compare';

/** What a comparison was made against, for labels: an upstream text or another policy. */
export interface ComparedAgainst {
  family: 'contributor-covenant' | 'policy';
  version?: string;
  language?: string;
  revision?: { commit: string; firstDate: string; lastDate: string } | null;
  /** For another policy: its file name or URI. */
  file?: string;
}

/** "Contributor Covenant 2.1 (en)", "… as published 2016-01 to 2017-09", or the other policy's name. */
export function againstLabel(against: ComparedAgainst): string {
  if (against.family === 'policy') return against.file ?? 'the other policy';
  const [first, last] = against.revision ? [against.revision.firstDate.slice(0, 7), against.revision.lastDate.slice(0, 7)] : [];
  const revision = first ? `, as published ${first === last ? first : `${first} to ${last}`}` : '';
  return `Contributor Covenant ${against.version ?? '?'} (${against.language ?? 'en'})${revision}`;
}

const percent = (n: number) => `${Math.floor(n * 100)}%`;

/** "96% identical to Contributor Covenant 2.1 (en) · 2 sections customised · 3 addenda". */
export function summaryLine(comparison: Comparison, against: ComparedAgainst): string {
  const { summary } = comparison;
  const parts = [`${percent(comparison.similarity)} identical to ${againstLabel(against)}`];
  const count = (n: number, one: string, many: string) => n && parts.push(`${n} ${n === 1 ? one : many}`);
  count(summary.modified, 'section customised', 'sections customised');
  count(summary.added, 'addendum', 'addenda');
  count(summary.removed, 'section left out', 'sections left out');
  count(summary.moved, 'section moved', 'sections moved');
  count(summary.fields, 'field filled', 'fields filled');
  return parts.join(' · ');
}

/** A section's status in a few words: "identical", "modified (88% similar)", "your addendum". */
export function statusLabel(section: SectionComparison): string {
  switch (section.status) {
    case 'identical':
      return 'identical';
    case 'modified':
      return `modified (${percent(section.similarity)} similar)`;
    case 'moved':
      return section.similarity < 1 ? `moved, ${percent(section.similarity)} similar` : 'moved';
    case 'added':
      return 'your addendum';
    case 'removed':
      return 'left out';
  }
}

/** Whether two texts differ in more than fields, link targets and formatting (the CLI's exit code 1). */
export function differsInWording(comparison: Comparison): boolean {
  const { summary } = comparison;
  return summary.modified + summary.added + summary.removed + summary.moved > 0;
}


/** The comparison in the CLI's JSON shape (1-based lines and columns on the policy's side). */
export interface ComparisonReport {
  file: string;
  against: ComparedAgainst;
  similarity: number;
  summary: Comparison['summary'];
  fallback?: Comparison['fallback'];
  sections: {
    id: string | null;
    heading: string;
    upstreamHeading?: string;
    status: SectionComparison['status'];
    similarity: number;
    range?: { start: Point; end: Point };
    changes: { kind: Change['kind']; policy: { start: Point; end: Point }; text: string; upstreamText: string }[];
  }[];
}

export function toComparisonReport(file: string, policyText: string, against: ComparedAgainst, comparison: Comparison): ComparisonReport {
  const lines = new LineIndex(policyText);
  const point = (offset: number): Point => lines.pointAt(offset);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    file,
    against,
    similarity: round(comparison.similarity),
    summary: comparison.summary,
    ...(comparison.fallback && { fallback: comparison.fallback }),
    sections: comparison.sections.map((s) => ({
      id: s.id ?? null,
      heading: s.heading,
      ...(s.upstreamHeading !== undefined && { upstreamHeading: s.upstreamHeading }),
      status: s.status,
      similarity: round(s.similarity),
      ...(s.policy && { range: { start: point(s.policy.start), end: point(s.policy.end) } }),
      changes: s.changes.map((c) => ({ kind: c.kind, policy: { start: point(c.policy.start), end: point(c.policy.end) }, text: c.text, upstreamText: c.upstreamText })),
    })),
  };
}

/**
 * The comparison as text, grouped by section, in the style of a unified diff over the
 * normalised words: "-" the base's words, "+" the policy's, with the policy's line.
 */
export function formatComparison(report: ComparisonReport, summary: string): string {
  const out = [`--- ${againstLabel(report.against)}`, `+++ ${report.file}`, summary];
  for (const section of report.sections) {
    if (section.status === 'identical' && !section.changes.length) continue;
    const heading = section.heading || section.upstreamHeading || '(before the first heading)';
    const renamed = section.upstreamHeading !== undefined && section.upstreamHeading !== section.heading ? ` (upstream: ${section.upstreamHeading})` : '';
    const status = section.status === 'modified' ? `modified, ${Math.floor(section.similarity * 100)}% similar` : section.status;
    out.push('', `## ${heading}${renamed}: ${status}`);
    for (const change of section.changes) {
      out.push(`@@ line ${change.policy.start.line} · ${CHANGE_LABEL[change.kind]} @@`);
      if (change.kind === 'formatting') continue;
      if (change.upstreamText) out.push(`-${change.upstreamText}`);
      if (change.text) out.push(`+${change.text}`);
    }
  }
  if (report.fallback) out.push('', `note: ${report.fallback.message}`);
  return out.join('\n');
}

const CHANGE_LABEL: Record<Change['kind'], string> = {
  insert: 'added wording',
  delete: 'dropped wording',
  replace: 'reworded',
  field: 'field',
  link: 'link target',
  formatting: 'paragraph break (formatting)',
};
