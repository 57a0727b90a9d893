import { availableParallelism } from 'node:os';
import { Worker, workerData, parentPort } from 'node:worker_threads';
import type { FileReport } from './report';

/** Below this many files one thread is faster: each worker loads the texts and builds the detection index first. */
export const PARALLEL_MIN_FILES = 24;
/** Workers beyond this add memory, not speed, on the machines the CLI runs on in CI. */
const MAX_WORKERS = 4;

/** What one worker is given: its share of the files, with their places in the whole list. */
interface CheckShare {
  role: 'conduct-check';
  files: { index: number; file: string }[];
}

type CheckMessage = { index: number; report: FileReport } | { index: number; error: string };

/** Whether this thread is a check worker started by {@link checkInParallel}. */
export function isCheckWorker(): boolean {
  return (workerData as CheckShare | undefined)?.role === 'conduct-check';
}

/**
 * The worker's side: checks its share of the files with `checkOne` and posts each report
 * (or the error that stopped it, as the message a user sees) back, in its own order.
 */
export function serveCheckShare(checkOne: (file: string) => FileReport): void {
  const share = workerData as CheckShare;
  for (const { index, file } of share.files) {
    let message: CheckMessage;
    try {
      message = { index, report: checkOne(file) };
    } catch (error) {
      message = { index, error: (error as Error).message };
    }
    parentPort?.postMessage(message);
  }
}

/**
 * The threads `check` may use: CONDUCT_CHECK_THREADS when it is a positive whole number (1
 * checks everything on the main thread), else one per core.
 */
export function threadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.CONDUCT_CHECK_THREADS);
  return Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
}

/** How many workers to use for `count` files: none when one thread is as fast. */
export function workersFor(count: number, cores = threadLimit()): number {
  if (count < PARALLEL_MIN_FILES || cores < 2) return 0;
  return Math.min(cores, MAX_WORKERS, Math.ceil(count / (PARALLEL_MIN_FILES / 2)));
}

/**
 * Checks files on `workers` threads started from `script` (the CLI's own bundle), dealt out
 * in turn so long and short files spread evenly, and returns the reports in the files'
 * order. The first file that could not be checked, in that order, fails the whole run with
 * its own message, as the sequential check does.
 */
export async function checkInParallel(script: string, files: readonly string[], workers: number): Promise<FileReport[]> {
  const shares: CheckShare[] = Array.from({ length: workers }, () => ({ role: 'conduct-check', files: [] }));
  files.forEach((file, index) => shares[index % workers].files.push({ index, file }));
  const reports: (FileReport | undefined)[] = new Array(files.length);
  const errors: { index: number; error: string }[] = [];
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script, { workerData: share });
          worker.on('message', (message: CheckMessage) => {
            if ('report' in message) reports[message.index] = message.report;
            else errors.push(message);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a check worker stopped with exit code ${code}`))));
        }),
    ),
  );
  if (errors.length) throw new ParallelCheckError(errors.sort((a, b) => a.index - b.index)[0].error);
  return reports.map((report, i) => {
    if (!report) throw new ParallelCheckError(`no report for ${files[i]}`);
    return report;
  });
}

/** A file a worker could not check: its message is the one the user sees. */
export class ParallelCheckError extends Error {}
