import { checkText, type UpstreamLibrary } from '../core/index';
import { comparePolicies, comparePolicyWithUpstream, differsInWording, formatComparison, parseTarget, resolveTarget, toComparisonReport, type PolicyComparison } from '../core/compare/index';

/** A problem with the call or its input: the CLI prints it and exits with 2. */
export class CliError extends Error {}

export interface CompareArgs {
  file: string;
  text: string;
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
  const analysis = checkText(args.text, library);
  if (!analysis.doc) throw new CliError(`${args.file}: ${analysis.findings[0]?.message ?? 'cannot be read'}`);
  if (args.other) {
    if (args.against) throw new CliError('give --against or --with, not both.');
    const other = checkText(args.other.text, library);
    if (!other.doc) throw new CliError(`${args.other.file}: ${other.findings[0]?.message ?? 'cannot be read'}`);
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
