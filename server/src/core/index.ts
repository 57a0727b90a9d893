// The analysis core's public surface. Callers (server, CLI, tests, benchmarks) import from here only.
export { parseConductDocument, type ConductDocument, type ParseOptions } from './document';
export { ladderFamily, type LadderRung, type RungField } from './structure/ladder';
export { sectionAt, type Section, type ContentRecognizer } from './structure/sections';
export type { DocHeading, DocumentFormat } from './structure/headings';
export type { Contact, ContactKind } from './structure/contacts';
export type { Attribution, VersionClaim, Permalink, LicenceClaim } from './structure/attribution';
export type { RoleTerm, RoleTermUse } from './structure/roleTerms';
export { CANON, familyOf, sectionName, type SectionId, type Family, type CanonSection } from './sectionCanon';
export { hoverAt, type HoverResult } from './hover';
export { documentOutline, foldableSpans, type OutlineEntry } from './outline';
export { hasOwnHeading, sectionStatusTitle, sectionStatusSentence, type SectionStanding } from './sectionStatus';
export { sectionStandings, standingAt, standingParts, type StandingPart, type PlacedSection } from './sectionStandings';
export { escapeSnippet, insertionAt, policyStandardSections, sectionInsertion, sectionSnippet, standardSections, type SectionInsertion, type StandardSection } from './standardSections';
export { RUNGS, LADDERS, FIELDS, type RungId, type RungInfo, type RungFieldId } from './ladderRungs';
export { fixAllEdits, fixesOf, minimalFix, overlaps, type Fixable } from './fixes';
export { checkText, lintDocument, readPolicy, type ReadPolicy, unreadableReason, SUPPRESSION_COMMENT, UNREADABLE_INPUT, type CheckOptions, type CheckResult, type Finding } from './lint';
export { DEFAULT_MAX_LENGTH } from './limits';
export { findPlaceholders, type PlaceholderUse } from './placeholders';
export { isPolicyFileName } from './policyFileName';
export { correctPolicyFileName, type FileNameCorrection } from './policyFileNameSpelling';
export { findTranslationDrift, pathLanguage, primaryEdition, type PolicyEdition, type TranslationDrift } from './translationDrift';
export { MISSPELLED_FILE_NAME, misspelledNameFinding, misspelledNameMessage, projectFindings, TRANSLATION_DRIFT, type ProjectFile, type ProjectFinding } from './projectFindings';
export { parseBaseChoice, parseProjectConfig, PROJECT_CONFIG_FILE, SEVERITIES, type BaseChoice, type ConfigProblem, type ProjectConfig } from './projectConfig';
export { findSuppressionComments, suppressionFilter, type SuppressionComment, type SuppressionKind } from './suppressions';
export { RULES, type Environment, type PolicyBase, type Rule, type RuleContext, type RuleFinding, type RuleFix, type Severity } from './rules/index';
export { LineIndex, type LineColumn, type Point, type Span } from './span';
export { parseUpstreamText } from './upstream/frontMatter';
export { deriveText, UpstreamLibrary, type DerivedText, type RevisionShingles, type UpstreamPlaceholder, type UpstreamRung, type UpstreamSection } from './upstream/library';
export { type BundledFamily, type Catalog, type CatalogEntry, type CatalogFamilyEntry, type FamilyText, type CatalogRevision, type RevisionInfo, type UpstreamFrontMatter, type UpstreamText } from './upstream/types';
export { applyRevision, encodeRevision, type RevisionDelta, type RevisionOps } from './upstream/revisionDelta';
export { analyseBase, detectBase, type BaseAnalysis, type Detection, type DetectionCandidate, type DetectionEvidence, type DetectionLayer, type DetectOptions, type SectionMatch } from './detect';
export { FAMILY_NAMES, namedFamily, type DetectedFamily, type NamedFamily } from './detect/families';
export { buildDetectionIndex, DetectionIndex } from './detect/corpus';
export { detectionTokens, type DetectionToken } from './detect/normalize';
// Named, not `export *`: tsx's namespaced import (used by the build's fetch script) cannot follow star re-exports.
export {
  againstLabel,
  applyEdits,
  comparedText,
  comparedUpstream,
  comparePolicies,
  comparePolicyWithUpstream,
  compareTexts,
  compareWithUpstream,
  detectedText,
  differsInWording,
  formatComparison,
  migrateToV3,
  parseTarget,
  reflowBase,
  reflowEdits,
  resolveTarget,
  statusLabel,
  summaryLine,
  toComparisonReport,
  upgradePolicy,
  upgradeProblem,
  upstreamAgainst,
  type Change,
  type ChangeKind,
  type ComparedAgainst,
  type ComparedText,
  type CompareOptions,
  type Comparison,
  type ComparisonReport,
  type ComparisonSummary,
  type MigrationDraft,
  type MigrationNote,
  type PolicyComparison,
  type SectionComparison,
  type SectionStatus,
  type TextEdit,
  type UpgradeItem,
  type UpgradeResult,
  type UpstreamTarget,
} from './compare/index';
