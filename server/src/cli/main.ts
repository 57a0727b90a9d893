import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { environmentFor } from '../fileEnvironment';
import { checkText, detectBase, resolveTarget, RULES, type CheckOptions, type Environment, type UpstreamLibrary } from '../core/index';
import { findProjectConfig, formatConfigProblem } from '../projectConfigFiles';
import { DEFAULT_SETTINGS, toCheckOptions } from '../settings';
import { bundledUpstreamDir, loadUpstreamLibrary } from '../upstream/loader';
import { formatDetections, formatText, toDetectionReport, toFileReport, type FileReport } from './report';
import { ruleDocsUrl } from '../ruleDocs';
import { toSarif } from './sarif';
import { addProjectFindings, expandFolders } from './folderCheck';
import { checkInParallel, isCheckWorker, ParallelCheckError, serveCheckShare, workersFor } from './parallelCheck';
import { CliError, diffCommand, migrateCommand, upgradeCommand, upgradeReport, upgradeSummary } from './compareCommands';
import { version } from '../../../package.json';

const USAGE = `Usage: conduct-lens <command> [options]

Commands:
  check <file...>        Check conduct policies. Exit 1 if any finding is an error.
                         A folder is walked for policy files (not node_modules or .git),
                         and misspelled names and drifted translations are reported too.
  detect <file...>       Say which Contributor Covenant version and language each file follows.
  diff <file> [--against <version>[/<lang>][@<commit>]] [--with <other-policy>]
                         Compare a policy with upstream (its detected base by default) or
                         with another policy, section by section. Exit 1 if the wording differs.
  upgrade <file> --to <version>[/<lang>] [--write] [--force]
                         Merge upstream's changes since the policy's base wording into it,
                         keeping your edits. Prints the result (json: applied, kept,
                         conflicts); --write replaces the file (backup in <file>.bak) unless
                         there are conflicts (--force writes anyway). Exit 1 on conflicts.
  migrate <file> --to 3.0
                         Print a guided 3.0 draft: your contact, title and addenda carried
                         over, and a comment at every decision for you to review.
  explain <rule-id>      Describe a rule.
  rules                  List the rules.

check, diff, upgrade and migrate read the nearest .conductrc.json upward from each
policy's folder (rules, base); detect always detects. check spreads 24 or more files over
worker threads, one per core; CONDUCT_CHECK_THREADS=<n> sets how many (1: none).

Options:
  --format <format>      check: text (default), json or sarif; detect, diff: text or json.
  -h, --help             Show this help.
  -v, --version          Show the version.

Exit codes: 0 no error-level finding (diff: the same wording, apart from fields and
formatting), 1 error-level findings (diff: the wording differs), 2 usage or I/O error.`;

/** A problem with how the CLI was called or with reading its input: exit code 2. */
class UsageError extends Error {}

interface Parsed {
  format?: string;
  files: string[];
  /** Options with a value (--against 2.1), by name without the dashes. */
  values: Record<string, string>;
  /** Options without one (--write). */
  flags: Set<string>;
}

/** `command`'s options: --format everywhere, and those the command names. */
function parseArgs(args: readonly string[], valued: readonly string[] = [], flags: readonly string[] = []): Parsed {
  const parsed: Parsed = { files: [], values: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') ? [arg.slice(2).split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : ['', undefined];
    if (name === 'format' || valued.includes(name)) {
      if (inline === undefined && i + 1 >= args.length) throw new UsageError(`--${name} needs a value.`);
      const value = inline ?? args[++i];
      if (name === 'format') parsed.format = value;
      else parsed.values[name] = value;
    } else if (flags.includes(name)) parsed.flags.add(name);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}".\n\n${USAGE}`);
    else parsed.files.push(arg);
  }
  return parsed;
}

function main(argv: readonly string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    console.log(version);
    return 0;
  }
  switch (command) {
    case 'check':
      return check(parseArgs(rest));
    case 'detect':
      return detect(parseArgs(rest));
    case 'diff':
      return diff(parseArgs(rest, ['against', 'with']));
    case 'migrate': {
      const { files, values } = parseArgs(rest, ['to']);
      if (files.length !== 1) throw new UsageError('migrate takes one policy file (or - for standard input).');
      const library = loadLibrary();
      const draft = migrateCommand({ file: files[0], text: readPolicy(files[0]), to: values.to, options: projectOptions(files[0], library) }, library);
      process.stdout.write(draft.text);
      console.error(`Draft from ${draft.from}: ${draft.notes.length} notes to review (<!-- Conduct Lens: … --> comments).`);
      return 0;
    }
    case 'upgrade':
      return upgrade(parseArgs(rest, ['to'], ['write', 'force']));
    case 'explain':
      return explain(rest);
    case 'rules':
      for (const rule of RULES) console.log(`${rule.id.padEnd(28)} ${rule.defaultSeverity.padEnd(12)} ${rule.summary}`);
      return 0;
    case undefined:
      throw new UsageError(`a command is required.\n\n${USAGE}`);
    default:
      throw new UsageError(`unknown command "${command}".\n\n${USAGE}`);
  }
}

function readPolicy(file: string): string {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message)}.`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) {
    console.error(`conduct-lens: ${file} is not valid UTF-8; undecodable bytes were read as U+FFFD.`);
  }
  return text;
}

const reportedConfigProblems = new Set<string>();

/**
 * The options the policy's project config file sets (the nearest .conductrc.json upward from
 * its folder, the working folder for standard input). Its problems go to standard error,
 * once per run, and never stop the check.
 */
function projectOptions(file: string, library: UpstreamLibrary): CheckOptions {
  const found = findProjectConfig(file === '-' ? process.cwd() : dirname(resolve(file)));
  if (!found) return {};
  const options = toCheckOptions(DEFAULT_SETTINGS, found.config);
  const problems = found.problems.map((p) => formatConfigProblem(found.path, p));
  const unknownBase = options.base && resolveTarget(library, options.base);
  if (typeof unknownBase === 'string') problems.push(`${found.path}: "base" is not bundled, so the detected base is used: ${unknownBase}`);
  for (const problem of problems) {
    if (reportedConfigProblems.has(problem)) continue;
    reportedConfigProblems.add(problem);
    console.error(`conduct-lens: ${problem}`);
  }
  return options;
}

/** Relative links are checked against the policy's own folder (the working folder for standard input). */
function environmentOf(file: string): Environment {
  return environmentFor(pathToFileURL(file === '-' ? join(process.cwd(), 'stdin') : resolve(file)).href);
}

function check({ format = 'text', files }: Parsed): number | Promise<number> {
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format for check must be text, json or sarif, not "${format}".`);
  if (!files.length) throw new UsageError('check needs at least one file or folder (or - for standard input).');
  const targets = expandFolders(files, (folder) => console.error(`conduct-lens: no policy files in ${folder}.`));
  // Many files are checked on worker threads, one per core; standard input only here.
  const workers = targets.some(({ file }) => file === '-') ? 0 : workersFor(targets.length);
  if (workers) return checkInParallel(__filename, targets.map(({ file }) => file), workers).then((reports) => reportChecks(targets, reports, format), rethrowAsUsage);
  const library = loadLibrary();
  return reportChecks(targets, targets.map(({ file }) => checkOne(file, library)), format);
}

function checkOne(file: string, library: UpstreamLibrary): FileReport {
  const text = readPolicy(file);
  return toFileReport(file, text, checkText(text, library, { ...projectOptions(file, library), env: environmentOf(file) }));
}

function rethrowAsUsage(error: unknown): never {
  throw error instanceof ParallelCheckError ? new UsageError(error.message.replace(/^conduct-lens: /, '')) : error;
}

function reportChecks(targets: ReturnType<typeof expandFolders>, reports: FileReport[], format: string): number {
  addProjectFindings(targets, reports);
  if (format === 'json') console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  else if (format === 'sarif') console.log(JSON.stringify(toSarif(reports, version), null, 2));
  else console.log(formatText(reports));
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function detect({ format = 'text', files }: Parsed): number {
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format for detect must be text or json, not "${format}".`);
  if (!files.length) throw new UsageError('detect needs at least one file (or - for standard input).');
  const library = loadLibrary();
  const results = files.map((file) => toDetectionReport(file, detectBase(readPolicy(file), library)));
  console.log(format === 'json' ? JSON.stringify(results.length === 1 ? results[0] : results, null, 2) : formatDetections(results));
  return 0;
}

function diff({ format = 'text', files, values }: Parsed): number {
  if (files.length !== 1) throw new UsageError('diff takes one policy file (or - for standard input).');
  const other = values.with === undefined ? undefined : { file: values.with, text: readPolicy(values.with) };
  const library = loadLibrary();
  const { output, exitCode } = diffCommand({ file: files[0], text: readPolicy(files[0]), against: values.against, other, format, options: projectOptions(files[0], library) }, library);
  console.log(output);
  return exitCode;
}

function upgrade({ format = 'text', files, values, flags }: Parsed): number {
  if (files.length !== 1 || files[0] === '-') throw new UsageError('upgrade takes one policy file.');
  const text = readPolicy(files[0]);
  const library = loadLibrary();
  const result = upgradeCommand({ file: files[0], text, to: values.to, format, options: projectOptions(files[0], library) }, library);
  if (format === 'json') console.log(JSON.stringify(upgradeReport(files[0], text, result), null, 2));
  else if (!flags.has('write')) process.stdout.write(result.text);
  console.error(upgradeSummary(result));
  if (flags.has('write')) {
    if (result.conflicts.length && !flags.has('force')) {
      console.error(`Not written: ${result.conflicts.length} place${result.conflicts.length === 1 ? '' : 's'} where both you and upstream changed the wording. Review them (--format json), or pass --force to write with your wording kept there.`);
      return 1;
    }
    writeAtomically(files[0], result.text);
    console.error(`Wrote ${files[0]} (the previous text is in ${files[0]}.bak).`);
  }
  return result.conflicts.length ? 1 : 0;
}

/** Writes beside the file, then renames over it, so a crash never leaves half a policy; the old text goes to <file>.bak first. */
function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.tmp`);
  try {
    copyFileSync(file, `${file}.bak`);
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

function explain(args: readonly string[]): number {
  const rule = RULES.find((r) => r.id === args[0]);
  if (!rule) throw new UsageError(`explain needs a rule id, one of:\n  ${RULES.map((r) => r.id).join('\n  ')}`);
  console.log(`${rule.id} (default severity: ${rule.defaultSeverity})\n\n${rule.summary}\n\nExamples, fix and rationale: ${ruleDocsUrl(rule.id)}`);
  return 0;
}

function loadLibrary(): UpstreamLibrary {
  try {
    return loadUpstreamLibrary(bundledUpstreamDir(__dirname));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function fail(error: unknown): void {
  if (!(error instanceof UsageError || error instanceof CliError)) throw error;
  console.error(`conduct-lens: ${error.message}`);
  process.exitCode = 2;
}

// One bundle, two roles: the CLI, and the worker threads `check` starts with this same file.
if (isCheckWorker()) {
  let library: UpstreamLibrary | undefined;
  serveCheckShare((file) => checkOne(file, (library ??= loadLibrary())));
} else {
  try {
    const code = main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
    else code.then((c) => (process.exitCode = c), fail);
  } catch (error) {
    fail(error);
  }
}
