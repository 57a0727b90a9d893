import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult, UpstreamLibrary } from './core/index';
import { fromTransferable, type OffThreadJob, type OffThreadReply } from './offThreadProtocol';

/**
 * Policies at least this long are analysed on a worker thread. Remark's parse is synchronous
 * and costs about 1–2 ms per KiB here, so above this a single analysis would hold up every
 * other request (a hover on another policy) for longer than a keystroke.
 */
export const OFF_THREAD_MIN_LENGTH = 50_000;
/** An idle worker is stopped after this long: it holds its own copy of the texts and index. */
const IDLE_MS = 60_000;

/** Thrown for a job whose document changed before the worker could start it: its result would be discarded anyway. */
export class StaleAnalysis extends Error {
  constructor() {
    super('the document changed before its analysis started');
  }
}

interface Pending {
  job: OffThreadJob;
  isStale: () => boolean;
  resolve: (result: CheckResult) => void;
  reject: (error: Error) => void;
}

/**
 * Runs checkText for large policies on one worker thread, one job at a time, skipping jobs
 * whose document changed while they waited (typing in a large policy queues one analysis,
 * not one per keystroke). The main thread keeps its own library: results come back with
 * their detections pointing at it.
 */
export class OffThreadAnalysis {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly workerScript: string,
    private readonly log: (message: string) => void,
  ) {}

  analyse(uri: string, text: string, options: CheckOptions, library: UpstreamLibrary, isStale: () => boolean): Promise<CheckResult> {
    // The environment holds functions, which do not cross threads: the worker builds its own from the URI.
    const sendable: Omit<CheckOptions, 'env'> = { severities: options.severities, maxLength: options.maxLength, base: options.base };
    return new Promise<CheckResult>((resolve, reject) => {
      this.queue.push({
        job: { id: this.nextId++, uri, text, options: sendable },
        isStale,
        resolve: (result) => resolve(fromTransferable(result as never, library)),
        reject,
      });
      this.pump();
    });
  }

  /** Stops the worker; pending jobs fail. */
  dispose(): void {
    clearTimeout(this.idleTimer);
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the server is shutting down'));
    this.running?.reject(new Error('the server is shutting down'));
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    let next = this.queue.shift();
    while (next?.isStale()) {
      next.reject(new StaleAnalysis());
      next = this.queue.shift();
    }
    if (!next) {
      this.scheduleIdleStop();
      return;
    }
    clearTimeout(this.idleTimer);
    this.running = next;
    this.ensureWorker().postMessage(next.job);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerScript);
    worker.on('message', (reply: OffThreadReply) => {
      const running = this.running;
      if (!running || running.job.id !== reply.id) return;
      this.running = undefined;
      if ('error' in reply) running.reject(new Error(`The analysis worker failed: ${reply.error}`));
      else {
        for (const message of reply.failed) this.log(message);
        running.resolve(reply.result as never);
      }
      this.pump();
    });
    // A worker that dies (out of memory, a crash in a dependency) fails its job; the next job starts a new one.
    const died = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const running = this.running;
      this.running = undefined;
      running?.reject(new Error(`The analysis worker stopped: ${why}`));
      this.pump();
    };
    worker.on('error', (error) => died(error.stack ?? error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private scheduleIdleStop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.running || this.queue.length) return;
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}
