import type { CompareRange, ComparisonView } from '../../../server/src/protocol';

/**
 * The policy range a message from the report asks to reveal, or undefined for anything
 * else. The webview is not trusted: only `{ type: 'reveal', section, change? }` with
 * integer indexes into the comparison it was rendered from is accepted.
 */
export function rangeToReveal(message: unknown, view: ComparisonView): CompareRange | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, section, change, ...rest } = message as Record<string, unknown>;
  if (type !== 'reveal' || Object.keys(rest).length || !isIndex(section, view.sections.length)) return undefined;
  const chosen = view.sections[section];
  if (change === undefined) return chosen.range;
  if (!isIndex(change, chosen.changes.length) || !chosen.range) return undefined;
  return chosen.changes[change].range;
}

function isIndex(value: unknown, length: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < length;
}

/** Whether the report's page says its script ran: the nonce and the CSP let it. */
export function isReadyMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>).type === 'ready' && Object.keys(message).length === 1;
}
