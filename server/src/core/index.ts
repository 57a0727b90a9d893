// The analysis core's public surface. Callers (server, CLI, tests, benchmarks) import from here only.
export { parseConductDocument, ladderFamily, type ConductDocument, type DocHeading, type LadderRung } from './document';
export { hoverAt, type HoverResult } from './hover';
export { RUNGS, LADDERS, type RungId, type RungInfo } from './ladderRungs';
export { checkText, lintDocument, unreadableReason, UNREADABLE_INPUT, DEFAULT_MAX_LENGTH, type CheckOptions, type Finding } from './lint';
export { findPlaceholders, type PlaceholderUse } from './placeholders';
export { isPolicyFileName } from './policyFileName';
export { RULES, type Environment, type Rule, type RuleContext, type RuleFinding, type Severity } from './rules/index';
export { LineIndex, type LineColumn, type Span } from './span';
export { parseUpstreamText } from './upstream/frontMatter';
export { UpstreamLibrary, type UpstreamPlaceholder, type UpstreamRung } from './upstream/library';
export { versionFamily, type Catalog, type CatalogEntry, type UpstreamFrontMatter, type UpstreamText } from './upstream/types';
