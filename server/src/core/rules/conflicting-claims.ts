import { compareWithUpstream } from '../compare/compare';
import type { ConductDocument } from '../document';
import { LineIndex } from '../span';
import { CLOSE_ADAPTATION } from './ruleSupport';
import type { PolicyBase, Rule, RuleContext, RuleFinding } from './types';

/** "Revision 2.2" as a label, not as an entry of a revision history ("Revision 2.2. Posted 4 February 2016."). */
const REVISION = /(?<![A-Za-z])Revision\s+(\d+\.\d+(?:\.\d+)?)\b(?![.,]?\s*(?:Posted|adopted))/g;
const HISTORY_ENTRY = /(?<![A-Za-z])Revision\s+(\d+\.\d+(?:\.\d+)?)[.,]?\s*(?:Posted|adopted)/g;

/** Words that make a claim one of descent ("adapted from", "basado en", "inspiriert"), which a rewrite honours. */
const ADAPTED = /adapt|based|inspir|derived|modif|basad|basiert|bas[ée]|baseado|basat|ispirat|angepasst|\bchanges\b/i;

/** Below this share of a claimed version's words kept, a section counts as condensed or reworded. */
const REWORDED_SECTION = 0.5;
/** A policy that keeps more of the claimed version than this is a copy with edits, not a rewrite. */
const FAITHFUL = 0.8;
/** Time the comparison may take before it falls back to coarser units. */
const BUDGET_MS = 150;

function byVersion(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function lineOf(doc: ConductDocument, offset: number): number {
  return new LineIndex(doc.text).positionAt(offset).line + 1;
}

/** Whether attribution-version already reports the claims that differ from the text the policy follows. */
function attributionVersionCovers(base: PolicyBase): boolean {
  return base.family === 'contributor-covenant' && base.kind !== 'pointer' && Boolean(base.version) && base.similarity >= CLOSE_ADAPTATION;
}

function versionConflicts({ doc, base }: RuleContext): RuleFinding[] {
  const claims = doc.attribution.versions;
  const first = claims[0];
  if (!first || attributionVersionCovers(base)) return [];
  return claims
    .filter((claim) => claim.version !== first.version)
    .filter((claim, i, all) => all.findIndex((c) => c.version === claim.version) === i)
    .map((claim) => ({
      span: claim.span,
      message: `Unexpected claim of Contributor Covenant ${claim.version}: the policy also claims ${first.version} (line ${lineOf(doc, first.span.start)}); expected one version throughout.`,
    }));
}

function revisionConflicts({ doc }: RuleContext): RuleFinding[] {
  const labels = [...doc.text.matchAll(REVISION)].map((m) => ({ version: m[1], span: { start: m.index, end: m.index + m[0].length } }));
  const history = [...doc.text.matchAll(HISTORY_ENTRY)].map((m) => m[1]).sort(byVersion);
  const latest = history.at(-1);
  const expected = latest ?? labels[0]?.version;
  if (!expected) return [];
  return labels
    .filter((label) => label.version !== expected)
    .map((label) => ({
      span: label.span,
      message: latest
        ? `Unexpected revision label ${label.version}: the revision history ends at ${latest}; expected the label to name the revision the text is.`
        : `Unexpected revision label ${label.version}: the policy also calls itself revision ${expected}; expected one revision throughout.`,
    }));
}

/**
 * A policy that claims a version while condensing or rewording most of its sections tells
 * readers they are getting that version's text. Information only: adapting is allowed, but
 * the claim should say "adapted from".
 */
function rewordedClaim({ doc, base, library }: RuleContext): RuleFinding[] {
  const claims = doc.attribution.versions;
  const versions = new Set(claims.map((c) => c.version));
  if (versions.size !== 1 || base.kind === 'pointer') return [];
  const [version] = versions;
  if (base.family === 'contributor-covenant' && base.version === version && base.similarity >= FAITHFUL) return [];
  if (attributionVersionCovers(base) && base.version !== version) return [];
  // Only a claim to be the version, not one to descend from it: "adapted from 2.1" is honest about a rewrite.
  const claim = claims.find((c) => !ADAPTED.test(doc.text.slice(Math.max(0, c.span.start - 80), c.span.start)));
  if (!claim) return [];
  const upstream = library.find(version, base.language ?? 'en') ?? library.find(version, 'en');
  if (!upstream) return [];
  const comparison = compareWithUpstream(doc, upstream, library, { budgetMs: BUDGET_MS });
  const standard = comparison.sections.filter((s) => s.id && s.id !== 'title' && s.id !== 'preamble' && s.id !== 'attribution' && s.status !== 'added');
  // A pointer or a stub has too little of its own to be a rewrite of anything.
  const kept = standard.filter((s) => s.status !== 'removed');
  if (standard.length < 3 || kept.length === 0) return [];
  const rewritten = standard.filter((s) => s.status === 'removed' || s.similarity < REWORDED_SECTION);
  if (rewritten.length * 2 < standard.length || comparison.similarity >= FAITHFUL) return [];
  const ladder = standard.filter((s) => s.id?.startsWith('rung:'));
  const ladderGone = ladder.length > 0 && ladder.every((s) => s.status === 'removed');
  const names = rewritten.filter((s) => !s.id?.startsWith('rung:')).map((s) => s.upstreamHeading ?? s.heading);
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  const what = [shown && `condenses or rewords ${shown}`, ladderGone && 'drops the enforcement ladder'].filter(Boolean).join(' and ');
  return [{
    span: claim.span,
    severity: 'information',
    message: `Claims Contributor Covenant ${version}, but keeps ${Math.round(comparison.similarity * 100)}% of its wording: it ${what}. Expected the claim to say the policy is adapted from ${version}, or the text to follow it.`,
  }];
}

/** One policy should make one claim about what it is. */
export const conflictingClaims: Rule = {
  id: 'conflicting-claims',
  summary: 'The policy claims two different versions or revisions, or claims a version whose text it rewrites.',
  defaultSeverity: 'warning',
  check(ctx) {
    return [...versionConflicts(ctx), ...revisionConflicts(ctx), ...rewordedClaim(ctx)].sort((a, b) => a.span.start - b.span.start);
  },
};
