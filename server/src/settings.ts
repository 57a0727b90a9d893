import { RULES, type CheckOptions, type Severity } from './core/index';

/**
 * The server's view of the `conduct.*` settings of one resource.
 * Flow: package.json contributes.configuration → this type → parseSettings (defaults for
 * anything malformed) → toCheckOptions for the core, which never sees setting names.
 */
export interface ConductSettings {
  /** Extra globs, relative to the workspace folder, of files to check as policies. */
  files: string[];
  /** Severity per rule id. */
  rules: Record<string, Severity>;
  /** Largest text analysed, in characters. */
  maxFileLength: number;
}

export const DEFAULT_SETTINGS: ConductSettings = Object.freeze({ files: [], rules: {}, maxFileLength: 2_000_000 });

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Reads the raw `conduct` section as the client sends it. Bad values fall back to their
 * default and are described in `problems`, one line each, instead of being thrown.
 */
export function parseSettings(raw: unknown): { settings: ConductSettings; problems: string[] } {
  const problems: string[] = [];
  const section = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push('conduct: expected an object of settings; using defaults.');

  let files = DEFAULT_SETTINGS.files;
  if (section.files !== undefined) {
    if (Array.isArray(section.files) && section.files.every((f) => typeof f === 'string')) files = section.files.filter((f) => f.trim() !== '');
    else problems.push('conduct.files: expected an array of glob strings; ignoring it.');
  }

  const rules: Record<string, Severity> = {};
  if (section.rules !== undefined) {
    if (!isRecord(section.rules)) problems.push('conduct.rules: expected an object of rule ids to severities; ignoring it.');
    else {
      const known = new Set(RULES.map((r) => r.id));
      for (const [id, value] of Object.entries(section.rules)) {
        if (!known.has(id)) problems.push(`conduct.rules: unknown rule "${id}"; ignoring it.`);
        else if (!SEVERITIES.includes(value as Severity)) problems.push(`conduct.rules.${id}: expected one of ${SEVERITIES.join(', ')}; using the default.`);
        else rules[id] = value as Severity;
      }
    }
  }

  let maxFileLength = DEFAULT_SETTINGS.maxFileLength;
  if (section.maxFileLength !== undefined) {
    if (typeof section.maxFileLength === 'number' && Number.isFinite(section.maxFileLength) && section.maxFileLength > 0) maxFileLength = Math.floor(section.maxFileLength);
    else problems.push('conduct.maxFileLength: expected a positive number; using the default.');
  }
  return { settings: { files, rules, maxFileLength }, problems };
}

/** The core's options for these settings. */
export function toCheckOptions(settings: ConductSettings): CheckOptions {
  return { severities: settings.rules, maxLength: settings.maxFileLength };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
