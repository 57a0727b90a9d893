import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, LineIndex, RULES, UNREADABLE_INPUT, type Finding, type UpstreamLibrary } from '../core/index';
import { loadUpstreamLibrary } from '../upstream/loader';

const USAGE = `Usage: conduct-lens <command> [options]

Commands:
  check <file...>        Check conduct policies; exit 1 if any finding is an error.
  explain <rule-id>      Describe a rule.
  rules                  List the rules.

Options:
  --format text|json     Output format for check (default: text).
  -h, --help             Show this help.`;

/** A problem with how the CLI was called or with reading its input: exit code 2. */
class UsageError extends Error {}

interface FileReport {
  file: string;
  findings: { rule: string; severity: Finding['severity']; message: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }[];
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'check':
      return check(rest);
    case 'explain':
      return explain(rest);
    case 'rules':
      for (const rule of RULES) console.log(`${rule.id.padEnd(24)} ${rule.defaultSeverity.padEnd(11)} ${rule.summary}`);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}".\n\n${USAGE}`);
  }
}

function check(args: string[]): number {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format') format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}".`);
    else files.push(arg);
  }
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}".`);
  if (!files.length) throw new UsageError('check needs at least one file.');

  const library = loadLibrary();
  const reports = files.map((file) => checkFile(file, library));
  if (format === 'json') console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  else printText(reports);
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function checkFile(file: string, library: UpstreamLibrary): FileReport {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const { findings } = checkText(text, library);
  if (text.includes('\uFFFD') && !findings.some((f) => f.rule === UNREADABLE_INPUT)) {
    console.error(`${file}: not valid UTF-8; undecodable bytes were read as U+FFFD.`);
  }
  const lines = new LineIndex(text);
  const point = (offset: number) => {
    const p = lines.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return {
    file,
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: { start: point(f.span.start), end: point(f.span.end) } })),
  };
}

function printText(reports: FileReport[]): void {
  let total = 0;
  for (const report of reports) {
    for (const f of report.findings) {
      console.log(`${report.file}:${f.range.start.line}:${f.range.start.column}: ${f.severity} ${f.message} [${f.rule}]`);
      total++;
    }
  }
  console.log(`${total === 0 ? 'No' : total} finding${total === 1 ? '' : 's'} in ${reports.length} file${reports.length === 1 ? '' : 's'}.`);
}

function explain(args: string[]): number {
  const rule = RULES.find((r) => r.id === args[0]);
  if (!rule) throw new UsageError(`explain needs a rule id, one of: ${RULES.map((r) => r.id).join(', ')}.`);
  console.log(`${rule.id} (default severity: ${rule.defaultSeverity})\n\n${rule.summary}\n\nhttps://github.com/conduct-lens/conduct-lens#rule-${rule.id}`);
  return 0;
}

function loadLibrary(): UpstreamLibrary {
  const dir = process.env.CONDUCT_UPSTREAM_TEXTS ?? join(__dirname, '..', '..', 'upstream-texts');
  try {
    return loadUpstreamLibrary(dir);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`conduct-lens: ${error.message}`);
  process.exitCode = 2;
}
