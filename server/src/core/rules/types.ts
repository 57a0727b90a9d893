import type { ConductDocument } from '../document';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';

/** How loudly a finding is reported; 'off' disables the rule. */
export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * What the core may ask of the world outside the text, injected by its caller (server,
 * CLI, tests) so the core itself never touches the file system. Every member is optional:
 * a rule that needs one and does not get it stays silent.
 */
export interface Environment {
  /** Whether a path relative to the policy's folder exists; undefined when unknown. */
  fileExists?: (relativePath: string) => boolean | undefined;
}

/** What a rule may read: the parsed policy, the bundled upstream texts and the environment. */
export interface RuleContext {
  doc: ConductDocument;
  library: UpstreamLibrary;
  env: Environment;
}

/** A problem a rule reports, before severity is applied. */
export interface RuleFinding {
  message: string;
  span: Span;
}

/** One check over the document model. */
export interface Rule {
  /** Stable kebab-case id: the diagnostic code, the README anchor and the settings key. */
  id: string;
  /** One line for listings and `explain`. */
  summary: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** Pure and synchronous; the engine isolates a rule that throws. */
  check(ctx: RuleContext): RuleFinding[];
}
