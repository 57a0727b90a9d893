import type { ConductDocument } from '../document';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';

/** How loudly a finding is reported; 'off' disables the rule. */
export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** What a rule may read: the parsed policy and the bundled upstream texts. */
export interface RuleContext {
  doc: ConductDocument;
  library: UpstreamLibrary;
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
