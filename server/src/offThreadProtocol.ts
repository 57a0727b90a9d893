import type { CheckOptions, CheckResult, Detection, UpstreamLibrary } from './core/index';

/** What the main thread sends the analysis worker: options without functions (the worker builds the environment from the URI). */
export interface OffThreadJob {
  id: number;
  uri: string;
  text: string;
  options: Omit<CheckOptions, 'env'>;
}

/** The findings and detection, without the parsed document: a tree of a large policy costs more to copy than it saves. */
export type TransferableResult = Omit<CheckResult, 'doc'>;

export type OffThreadReply = { id: number; result: TransferableResult; failed: string[] } | { id: number; error: string };

/** A detection's texts are the library's objects, which do not cross threads: each goes as its key and comes back as this thread's own. */
type SentDetection = Omit<Detection, 'source'> & { sourceKey?: { version: string; language: string; commit?: string } };

function sendDetection(detection: Detection): SentDetection {
  const { source, ...rest } = detection;
  return { ...rest, ...(source && { sourceKey: { version: source.entry.version, language: source.entry.language, commit: source.revision?.commit } }) };
}

function receiveDetection(sent: SentDetection, library: UpstreamLibrary): Detection {
  const { sourceKey, ...rest } = sent;
  const source = sourceKey ? library.find(sourceKey.version, sourceKey.language, sourceKey.commit) : undefined;
  return { ...rest, source } as Detection;
}

/** The result as it crosses to the main thread. */
export function toTransferable(result: CheckResult): TransferableResult {
  return {
    findings: result.findings,
    ...(result.base && { base: sendDetection(result.base) as unknown as Detection }),
    ...(result.blocks && { blocks: result.blocks.map((b) => ({ span: b.span, base: sendDetection(b.base) as unknown as Detection })) }),
  };
}

/** The result back on the main thread, its detections pointing at this thread's library again. */
export function fromTransferable(result: TransferableResult, library: UpstreamLibrary): CheckResult {
  return {
    findings: result.findings,
    ...(result.base && { base: receiveDetection(result.base as unknown as SentDetection, library) }),
    ...(result.blocks && { blocks: result.blocks.map((b) => ({ span: b.span, base: receiveDetection(b.base as unknown as SentDetection, library) })) }),
  };
}
