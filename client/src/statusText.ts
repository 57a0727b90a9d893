import type { DocumentInfo } from '../../server/src/protocol';

/** What the language status item shows for a document: a short text and a detail line. */
export interface StatusText {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
}

/** Words for the status item, kept free of the editor API so they can be tested anywhere. */
export function statusText(info: DocumentInfo): StatusText {
  if (!info.policy) return { text: 'Not checked as a conduct policy', detail: 'Run "Check This File as a Conduct Policy" to check it', severity: 'information' };
  const { error, warning, information, hint } = info.counts;
  const parts = [error && `${error} error${error === 1 ? '' : 's'}`, warning && `${warning} warning${warning === 1 ? '' : 's'}`, information + hint && `${information + hint} note${information + hint === 1 ? '' : 's'}`].filter(Boolean);
  const detail = parts.length ? parts.join(', ') : 'no findings';
  const severity = error ? 'error' : warning ? 'warning' : 'information';
  const base = info.base;
  if (!base) return { text: 'Conduct policy', detail, severity };
  if (base.family === 'unknown') return { text: 'Conduct policy (own text)', detail: `not based on the Contributor Covenant · ${detail}`, severity };
  const language = base.language && base.language !== 'en' ? ` (${base.language})` : '';
  const name = base.family === 'contributor-covenant' ? 'Contributor Covenant' : (base.familyName ?? base.family);
  const version = base.version ? ` ${base.version}` : '';
  if (base.kind === 'pointer') return { text: `${name}${version} (by reference)`, detail: `adopts a code held elsewhere · ${detail}`, severity };
  if (base.family !== 'contributor-covenant') return { text: `${name}${version}${language}`, detail: `${Math.round(base.similarity * 100)}% similar · ${detail}`, severity };
  return { text: `Contributor Covenant ${base.version}${language}`, detail: `${Math.round(base.similarity * 100)}% similar · ${detail}`, severity };
}
