// The ES module build: the package's main entry is a UMD wrapper whose dynamic requires esbuild cannot bundle.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { parseTarget } from './compare/target';
import type { Severity } from './rules/types';
import { LineIndex } from './span';

/** The name of the project config file, looked for upward from a policy's folder. */
export const PROJECT_CONFIG_FILE = '.conductrc.json';

/** A base the user names instead of detection. */
export type BaseChoice = { version: string; language?: string };

/** What `.conductrc.json` holds, after validation: every key optional, absent when unset or invalid. */
export interface ProjectConfig {
  /** Severity per rule id ('off' disables the rule). */
  rules: Record<string, Severity>;
  /** The base to compare with instead of the detected one; 'auto' asks for detection explicitly; undefined when unset. */
  base?: BaseChoice | 'auto';
  /** What a contact placeholder is filled with. */
  contact?: string;
}

/** One thing wrong in a config file: where (1-based line and column, when known) and what was expected. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Reads the text of a `.conductrc.json` (JSON with comments and trailing commas). Pure:
 * the caller reads the file. A syntax error or a bad value never throws: the key falls back
 * to its default, and `problems` says what was wrong, one line each, "expected …".
 */
export function parseProjectConfig(text: string, knownRules: ReadonlySet<string>): { config: ProjectConfig; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const at = (offset: number, message: string): ConfigProblem => {
    const { line, column } = lines.pointAt(offset);
    return { line, column, message };
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const config: ProjectConfig = { rules: {} };
  // The first syntax error is the one to fix; the rest often follow from it.
  if (errors.length) return { config, problems: [at(errors[0].offset, `JSON syntax error: ${describeError(errors[0])}; the file is ignored until it is fixed.`)] };
  if (!root || root.type !== 'object') return { config, problems: [at(root?.offset ?? 0, 'Expected an object such as { "rules": { … } }; the file is ignored.')] };

  const problems: ConfigProblem[] = [];
  for (const property of root.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (key === '$schema') continue;
    if (key === 'rules') readRules(value, knownRules, config, (node, message) => problems.push(at(node.offset, message)));
    else if (key === 'base') {
      const base = parseBaseChoice(value.value);
      if (base === 'invalid') problems.push(at(value.offset, `"base": expected "auto", a version such as "2.1", or a version and language such as "2.1/de"; ignoring it.`));
      else config.base = base;
    } else if (key === 'contact') {
      if (typeof value.value === 'string' && value.value.trim() !== '') config.contact = value.value.trim();
      else problems.push(at(value.offset, '"contact": expected a non-empty string, such as "conduct@example.org"; ignoring it.'));
    } else problems.push(at(keyNode.offset, `Unknown key "${key}"; expected "rules", "base" or "contact".`));
  }
  return { config, problems };
}

function readRules(node: Node, knownRules: ReadonlySet<string>, config: ProjectConfig, problem: (node: Node, message: string) => void): void {
  if (node.type !== 'object') {
    problem(node, '"rules": expected an object of rule ids to severities, such as { "unfilled-placeholder": "warning" }; ignoring it.');
    return;
  }
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const id = String(keyNode.value);
    if (!knownRules.has(id)) problem(keyNode, `"rules": unknown rule "${id}"; ignoring it.`);
    else if (!SEVERITIES.includes(value.value as Severity)) problem(value, `"rules"."${id}": expected one of ${SEVERITIES.join(', ')}; using the default.`);
    else config.rules[id] = value.value as Severity;
  }
}

/**
 * Reads a base choice as settings and the config file spell it: "auto" (detect it), "2.1"
 * or "2.1/de"; anything else is 'invalid'. Whether that version exists is known only with
 * the library, so the caller checks it.
 */
export function parseBaseChoice(value: unknown): BaseChoice | 'auto' | 'invalid' {
  if (value === 'auto') return 'auto';
  if (typeof value !== 'string' || value.includes('@')) return 'invalid';
  const target = parseTarget(value);
  return target ? { version: target.version, ...(target.language && { language: target.language }) } : 'invalid';
}

function describeError(error: ParseError): string {
  // printParseErrorCode gives names like "CommaExpected"; spelled out, they read as English.
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
