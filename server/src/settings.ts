import { parseBaseChoice, RULES, SEVERITIES, type BaseChoice, type CheckOptions, type ProjectConfig, type Severity } from './core/index';

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
  /** The base to compare with instead of the detected one, or 'auto'. */
  base: BaseChoice | 'auto';
  /** What a contact placeholder is filled with; undefined when unset. */
  contact?: string;
  /** `conduct.codeLens.enabled`: false when the user turned the section lenses off; absent means on. */
  codeLens?: false;
}

export const DEFAULT_SETTINGS: ConductSettings = Object.freeze({ files: [], rules: {}, maxFileLength: 2_000_000, base: 'auto' as const });

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

  let base = DEFAULT_SETTINGS.base;
  if (section.base !== undefined && section.base !== null) {
    const choice = parseBaseChoice(section.base);
    if (choice === 'invalid') problems.push('conduct.base: expected "auto", a version such as "2.1", or a version and language such as "2.1/de"; detecting the base instead.');
    else base = choice;
  }

  let contact: string | undefined;
  if (section.contact !== undefined && section.contact !== null && section.contact !== '') {
    if (typeof section.contact === 'string' && section.contact.trim() !== '') contact = section.contact.trim();
    else problems.push('conduct.contact: expected a string, such as "conduct@example.org"; ignoring it.');
  }
  let codeLens: false | undefined;
  if (section.codeLens !== undefined && section.codeLens !== null) {
    const enabled = isRecord(section.codeLens) ? section.codeLens.enabled : section.codeLens;
    if (enabled === false) codeLens = false;
    else if (enabled !== true && enabled !== undefined) problems.push('conduct.codeLens.enabled: expected true or false; showing the lenses.');
  }
  return { settings: { files, rules, maxFileLength, base, ...(contact !== undefined && { contact }), ...(codeLens === false && { codeLens }) }, problems };
}

/**
 * The core's options for these settings and the policy's project config file, if any. The
 * file wins where both speak, as markdownlint's and ESLint's project files win over editor
 * defaults: it is what the project agreed on and what its CI runs with; the settings are
 * one person's defaults. A file's "auto" base asks for detection even over a setting.
 */
export function toCheckOptions(settings: ConductSettings, project?: ProjectConfig): CheckOptions {
  const base = project?.base ?? settings.base;
  return {
    severities: { ...settings.rules, ...project?.rules },
    maxLength: settings.maxFileLength,
    ...(base !== 'auto' && { base }),
  };
}

/**
 * The contact that fills a contact placeholder: the user's setting first (it is theirs to
 * type into the editor), then the project file's, as issue 8 orders them.
 */
export function contactFor(settings: ConductSettings, project?: ProjectConfig): string | undefined {
  return settings.contact ?? project?.contact;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
