import {
  againstLabel,
  checkText,
  LineIndex,
  readPolicy,
  type CheckOptions,
  type UpstreamLibrary,
  comparePolicies, comparePolicyWithUpstream, detectedText, differsInWording, formatComparison, migrateToV3, parseTarget, resolveTarget, toComparisonReport, upgradePolicy, upgradeProblem, type MigrationDraft, type PolicyComparison, type UpgradeItem, type UpgradeResult } from '../core/index';

/** A problem with the call or its input: the CLI prints it and exits with 2. */
export class CliError extends Error {}

export interface CompareArgs {
  file: string;
  text: string;
  /** From the policy's project config file (its base, chiefly). */
  options?: CheckOptions;
  against?: string;
  /** The other policy, for a two-policy comparison. */
  other?: { file: string; text: string };
  format: string;
}

/** `diff`: prints the comparison; exit 0 when only fields and formatting differ, 1 when wording does. */
export function diffCommand(args: CompareArgs, library: UpstreamLibrary): { output: string; exitCode: number } {
  if (!['text', 'json'].includes(args.format)) throw new CliError(`--format for diff must be text or json, not "${args.format}".`);
  const result = comparePolicy(args, library);
  const report = toComparisonReport(args.file, args.text, result.against, result.comparison);
  const output = args.format === 'json' ? JSON.stringify(report, null, 2) : formatComparison(report, result.summary);
  return { output, exitCode: differsInWording(result.comparison) ? 1 : 0 };
}

function comparePolicy(args: CompareArgs, library: UpstreamLibrary): PolicyComparison {
  const analysis = checkText(args.text, library, args.options);
  if (!analysis.doc) throw new CliError(`${args.file}: ${analysis.findings[0]?.message ?? 'cannot be read'}`);
  if (args.other) {
    if (args.against) throw new CliError('give --against or --with, not both.');
    const other = readPolicy(args.other.text, library);
    if (!other.doc) throw new CliError(`${args.other.file}: ${other.unreadable ?? 'cannot be read'}`);
    return comparePolicies(other.doc, args.other.file, analysis.doc, library);
  }
  let upstream;
  if (args.against) {
    const target = parseTarget(args.against);
    if (!target) throw new CliError(`--against takes <version>[/<language>][@<commit>], such as 2.1, 2.1/de or 1.4/en@1a2b3c4, not "${args.against}".`);
    const found = resolveTarget(library, target, analysis.base);
    if (typeof found === 'string') throw new CliError(found);
    upstream = found;
  }
  const result = comparePolicyWithUpstream(analysis.doc, library, analysis.base, upstream);
  if (!result) throw new CliError(`${args.file} does not follow a Contributor Covenant text closely enough to pick one; name one with --against (for example --against 2.1).`);
  return result;
}

export interface UpgradeArgs {
  file: string;
  text: string;
  /** From the policy's project config file (its base, chiefly). */
  options?: CheckOptions;
  to?: string;
  format: string;
}

/**
 * `upgrade`: the policy merged three ways with its detected base wording and the target.
 * Returns the result for the caller to print or write; refuses targets that are not an
 * upgrade within the family (3.0 is a rewrite: `migrate`).
 */
export function upgradeCommand(args: UpgradeArgs, library: UpstreamLibrary): UpgradeResult {
  if (!['text', 'json'].includes(args.format)) throw new CliError(`--format for upgrade must be text or json, not "${args.format}".`);
  if (!args.to) throw new CliError('upgrade needs --to <version>[/<language>], such as --to 2.1.');
  const analysis = checkText(args.text, library, args.options);
  if (!analysis.doc) throw new CliError(`${args.file}: ${analysis.findings[0]?.message ?? 'cannot be read'}`);
  const base = detectedText(library, analysis.base);
  if (!base) throw new CliError(`${args.file} does not follow a Contributor Covenant text closely enough to upgrade it.`);
  const target = parseTarget(args.to);
  if (!target) throw new CliError(`--to takes <version>[/<language>], such as 2.1 or 2.1/de, not "${args.to}".`);
  const found = resolveTarget(library, { ...target, language: target.language ?? base.entry.language }, analysis.base);
  if (typeof found === 'string') throw new CliError(found);
  const problem = upgradeProblem(base, found);
  if (problem) throw new CliError(problem);
  return upgradePolicy(analysis.doc, library, base, found);
}

/** The upgrade's JSON shape: what was applied, kept and left to decide, with 1-based positions in the policy. */
export function upgradeReport(file: string, text: string, result: UpgradeResult) {
  const lines = new LineIndex(text);
  const point = (offset: number) => lines.pointAt(offset);
  const items = (list: readonly UpgradeItem[]) => list.map(({ policy, ...rest }) => ({ ...rest, policy: { start: point(policy.start), end: point(policy.end) } }));
  return { file, from: result.from, to: result.to, applied: items(result.applied), kept: items(result.kept), conflicts: items(result.conflicts) };
}

/** One line per decision, for the text output's closing summary on standard error. */
export function upgradeSummary(result: UpgradeResult): string {
  return `${againstLabel(result.from)} → ${againstLabel(result.to)}: ${result.applied.length} upstream change${result.applied.length === 1 ? '' : 's'} applied, ${result.kept.length} of your edits kept, ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'} to decide.`;
}

/** `migrate --to 3.0`: the guided draft and its notes. */
export function migrateCommand(args: { file: string; text: string; to?: string; options?: CheckOptions }, library: UpstreamLibrary): MigrationDraft {
  if (args.to !== '3.0') throw new CliError('migrate needs --to 3.0 (the only version that is a rewrite rather than an upgrade).');
  const analysis = checkText(args.text, library, args.options);
  if (!analysis.doc) throw new CliError(`${args.file}: ${analysis.findings[0]?.message ?? 'cannot be read'}`);
  const draft = migrateToV3(analysis.doc, library, analysis.base);
  if (typeof draft === 'string') throw new CliError(draft);
  return draft;
}
