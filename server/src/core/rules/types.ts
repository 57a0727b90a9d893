import type { DetectedFamily } from '../detect/families';
import type { ConductDocument } from '../document';
import type { Span } from '../span';
import type { UpstreamLibrary } from '../upstream/library';
import type { RevisionInfo, UpstreamText } from '../upstream/types';

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
  /** Names the project goes by (its repository folder, its package name); tells a project's mailbox from a person's. */
  projectNames?: readonly string[];
}

/** What detection concluded the policy is based on (the part rules read). */
export interface PolicyBase {
  family: DetectedFamily;
  /** 'pointer': the policy adopts a code held elsewhere and has no text of its own. Absent means 'text'. */
  kind?: 'text' | 'pointer';
  version?: string;
  language?: string;
  /** The earlier upstream wording the policy follows, or null (or absent) for today's. */
  revision?: RevisionInfo | null;
  /** The upstream text detection chose: today's or the earlier wording. */
  source?: UpstreamText;
  /** 0..1: how much of the upstream text the policy keeps. */
  similarity: number;
  /** Per section of that upstream text: how much of it the policy contains. */
  sections: readonly { heading: string; similarity: number }[];
}

/** What a rule may read: the parsed policy, its detected base, the bundled upstream texts and the environment. */
export interface RuleContext {
  doc: ConductDocument;
  base: PolicyBase;
  library: UpstreamLibrary;
  env: Environment;
  /**
   * The versions a file holds when it holds more than one (a translation and the original,
   * or one policy pasted twice), each with its own detected base; every other rule runs on
   * each version alone and never sees this. Absent for a file with one version.
   */
  blocks?: readonly { span: Span; base: PolicyBase }[];
}

/** A replacement that resolves a finding: `text` in place of `span` (UTF-16 offsets in the text). */
export interface RuleFix {
  span: Span;
  text: string;
  /** What the quick fix is called in the editor; without one it is named after its edit ("Replace … with …"). */
  title?: string;
}

/** A problem a rule reports, before severity is applied. */
export interface RuleFinding {
  message: string;
  span: Span;
  /** The edit that resolves it, when one is certain enough to offer as a quick fix. */
  fix?: RuleFix;
  /**
   * Other edits that would each resolve it, for the user to choose among: offered as quick
   * fixes after `fix`, never applied by fix-all, which takes only the certain `fix`.
   */
  fixes?: RuleFix[];
  /**
   * A severity for this finding alone, used when the user has not configured the rule: for
   * notes that are facts of an upstream version rather than mistakes (1.0–1.2 offer only
   * public reporting).
   */
  severity?: Exclude<Severity, 'off'>;
}

/** One check over the document model. */
export interface Rule {
  /** Stable kebab-case id: the diagnostic code, the README anchor and the settings key. */
  id: string;
  /** One line for listings and `explain`. */
  summary: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /**
   * 'covenant-text': the rule holds a policy to the Contributor Covenant's own text
   * (sections, ladder, attribution), so the engine runs it only on Covenant texts and on
   * policies whose family is unknown, never on another family or on a pointer. Absent: the
   * rule runs on every policy.
   */
  appliesTo?: 'covenant-text';
  /** Pure and synchronous; the engine isolates a rule that throws. */
  check(ctx: RuleContext): RuleFinding[];
}
