// The comparison's public surface: the server, the CLI and the tests import from here.
import type { ConductDocument } from '../document';
import type { Detection } from '../detect';
import type { UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import { compareTexts, comparedText, comparedUpstream, type Comparison, type CompareOptions, type ComparedText } from './compare';
import { summaryLine, type ComparedAgainst } from './describe';
import { reflowBase } from './reflow';
import { detectedText, upstreamAgainst } from './target';

export { compareTexts, comparedText, comparedUpstream, compareWithUpstream, type Change, type ChangeKind, type Comparison, type ComparisonSummary, type ComparedText, type CompareOptions, type SectionComparison, type SectionStatus } from './compare';
export { againstLabel, differsInWording, formatComparison, statusLabel, summaryLine, toComparisonReport, type ComparedAgainst, type ComparisonReport } from './describe';
export { applyEdits, reflowBase, reflowEdits, type TextEdit } from './reflow';
export { migrateToV3, type MigrationDraft, type MigrationNote } from './migrate';
export { upgradePolicy, upgradeProblem, type UpgradeItem, type UpgradeResult } from './upgrade';
export { detectedText, parseTarget, resolveTarget, upstreamAgainst, type UpstreamTarget } from './target';

/** Everything an editor or the CLI shows for one comparison. */
export interface PolicyComparison {
  against: ComparedAgainst;
  comparison: Comparison;
  /** "96% identical to Contributor Covenant 2.1 (en) · 2 sections customised · 3 addenda". */
  summary: string;
  /** The base's text in the policy's layout (see reflowBase): the left side of a diff view. */
  reflowed: string;
  /** The base's own text (an upstream body without its front matter, or the other policy). */
  raw: string;
  base: ComparedText;
  policy: ComparedText;
}

/** Compares a policy with an upstream text: the detected base (and its revision) unless `upstream` names another. */
export function comparePolicyWithUpstream(doc: ConductDocument, library: UpstreamLibrary, detection: Detection | undefined, upstream?: UpstreamText, options?: CompareOptions): PolicyComparison | undefined {
  const text = upstream ?? detectedText(library, detection);
  if (!text) return undefined;
  return finish(comparedUpstream(text, library), comparedText(doc, library), upstreamAgainst(text), text.body, options);
}

/** Compares a policy with another policy (its translation's base, another project's), section by section. */
export function comparePolicies(other: ConductDocument, otherName: string, doc: ConductDocument, library: UpstreamLibrary, options?: CompareOptions): PolicyComparison {
  return finish(comparedText(other, library), comparedText(doc, library), { family: 'policy', file: otherName }, other.text, options);
}

function finish(base: ComparedText, policy: ComparedText, against: ComparedAgainst, raw: string, options?: CompareOptions): PolicyComparison {
  const comparison = compareTexts(base, policy, options);
  return { against, comparison, summary: summaryLine(comparison, against), reflowed: reflowBase(comparison, base, policy), raw, base, policy };
}
