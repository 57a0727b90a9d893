import type { BaseLayout, CompareTarget } from '../../../server/src/protocol';

/** The URI scheme of a diff view's left side: read-only documents the language server writes. */
export const BASE_SCHEME = 'conduct-base';

/**
 * What a comparison is of, as the client keeps it: the policy's URI and either an upstream
 * target or another policy's URI (neither: the detected base). It is encoded in the left
 * side's URI, so the diff view, its layout toggle and the report all read it from there.
 */
export interface Subject {
  policy: string;
  target?: CompareTarget;
  other?: string;
}

/** A diff view's left side: a subject and how to lay the base out. */
export interface BaseSide extends Subject {
  layout: BaseLayout;
}

/** The left side's URI query: `policy=…&version=…&language=…&commit=…&other=…&layout=…`. */
export function encodeBaseQuery(side: BaseSide): string {
  const query = new URLSearchParams({ policy: side.policy });
  if (side.other !== undefined) query.set('other', side.other);
  else if (side.target) {
    query.set('version', side.target.version);
    if (side.target.language) query.set('language', side.target.language);
    if (side.target.commit) query.set('commit', side.target.commit);
  }
  query.set('layout', side.layout);
  return query.toString();
}

/** Reads a left side's URI query back; undefined when it is not one {@link encodeBaseQuery} wrote. */
export function decodeBaseQuery(query: string): BaseSide | undefined {
  const params = new URLSearchParams(query);
  const policy = params.get('policy');
  const layout = params.get('layout');
  if (!policy || (layout !== 'policy' && layout !== 'raw')) return undefined;
  const other = params.get('other');
  if (other) return { policy, other, layout };
  const version = params.get('version');
  if (!version) return { policy, layout };
  const language = params.get('language');
  const commit = params.get('commit');
  return { policy, target: { version, ...(language && { language }), ...(commit && { commit }) }, layout };
}

/**
 * The left side's path: the label of what the policy is compared with, as a file name with
 * the policy's own extension, so the tab reads well and both sides get the same language.
 */
export function basePath(label: string, policyPath: string): string {
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(policyPath)?.[0] ?? '';
  const name = label.replace(/[\\/:*?"<>|\s]+/g, ' ').trim() || 'base';
  return `/${name.toLowerCase().endsWith(extension.toLowerCase()) ? name : name + extension}`;
}

/** Whether a command argument is an upstream target such as `{ version: '2.1', language: 'en' }`. */
export function isTarget(value: unknown): value is CompareTarget {
  if (typeof value !== 'object' || value === null) return false;
  const { version, language, commit } = value as Record<string, unknown>;
  return typeof version === 'string' && (language === undefined || typeof language === 'string') && (commit === undefined || typeof commit === 'string');
}

/** A string that identifies a subject, e.g. for a map of open reports. */
export function subjectKey(subject: Subject): string {
  return encodeBaseQuery({ ...subject, layout: 'policy' });
}
