// The worker thread that analyses large policies (see offThreadAnalysis.ts), so the server's
// main thread keeps answering hovers and other documents while a long parse runs. It runs
// from the server's own bundle (main.ts starts it with its own file) and loads its own copy
// of the bundled texts on its first job.
import { parentPort } from 'node:worker_threads';
import { checkText, type CheckOptions, type UpstreamLibrary } from './core/index';
import { environmentFor } from './fileEnvironment';
import { bundledUpstreamDir, loadUpstreamLibrary } from './upstream/loader';
import { toTransferable, type OffThreadJob, type OffThreadReply } from './offThreadProtocol';

let library: UpstreamLibrary | undefined;

/** Answers jobs from the server's main thread until it stops this worker. */
export function serveAnalyses(): void {
  parentPort?.on('message', (job: OffThreadJob) => parentPort?.postMessage(answer(job)));
}

function answer(job: OffThreadJob): OffThreadReply {
  try {
    library ??= loadUpstreamLibrary(bundledUpstreamDir(__dirname));
    const options: CheckOptions = { ...job.options, env: environmentFor(job.uri) };
    const failed: string[] = [];
    const result = checkText(job.text, library, options, (rule, error) => failed.push(`Rule ${rule.id} failed and was skipped: ${(error as Error)?.stack ?? error}`));
    return { id: job.id, result: toTransferable(result), failed };
  } catch (error) {
    return { id: job.id, error: (error as Error)?.stack ?? String(error) };
  }
}
