// Custom requests for the three-way upgrade and the guided 3.0 migration (issue 6). The
// client imports this file, so it holds names and types only: no runtime imports.
import type { Range, WorkspaceEdit } from 'vscode-languageserver';

/** The answer to an upgrade or migration request that cannot be given: what went wrong, in a sentence. */
export interface UpgradeError {
  error: string;
}

/** Asks which texts a policy can be upgraded to: newer versions of its family, and today's wording of its own version when it follows an earlier one. */
export const UPGRADE_CHOICES = 'conduct/upgradeChoices';

export interface UpgradeChoicesParams {
  uri: string;
}

export interface UpgradeChoice {
  /** "Contributor Covenant 2.1 (en)". */
  label: string;
  /** Why it is offered: "latest", "today's wording of 1.4". */
  description?: string;
  /** What to send as `to` in conduct/upgrade: "2.1/en". */
  to: string;
}

export interface UpgradeChoices {
  /** The detected base the upgrade starts from: "Contributor Covenant 2.0 (en)", or "…, as published 2016-01 to 2017-09". */
  from: string;
  /** Newest first; empty when the policy already follows the newest wording of its family. */
  choices: UpgradeChoice[];
  /** Whether Contributor Covenant 3.0 (a rewrite, so a migration rather than an upgrade) is the next step instead. */
  migration: boolean;
}

export type UpgradeChoicesResult = UpgradeChoices | UpgradeError;

/** Asks for a policy's three-way upgrade to a newer upstream text, as one workspace edit. */
export const UPGRADE = 'conduct/upgrade';

export interface UpgradeParams {
  uri: string;
  /** The target: "2.1", "2.1/de"; the language defaults to the policy's. */
  to: string;
}

/** One decision of the upgrade. */
export interface UpgradeItemView {
  /** 'wording': upstream changed words; 'field': a value such as the permalink; 'link': a link target. */
  kind: 'wording' | 'field' | 'link';
  /** Where it is in the policy as it is now. */
  range: Range;
  /** Where it is once every change of `edit` is applied. */
  rangeAfter: Range;
  /** The words there in the base, in the policy, and in the target. */
  baseText: string;
  text: string;
  targetText: string;
}

export interface UpgradeView {
  /** "Contributor Covenant 2.0 (en)" and "Contributor Covenant 2.1 (en)". */
  from: string;
  to: string;
  /**
   * One TextDocumentEdit for the version of the policy the upgrade was computed on (an editor
   * refuses it once the policy has changed). Each change carries a change annotation with a
   * label per kind and `needsConfirmation`, so an editor offers it as a refactor preview.
   */
  edit: WorkspaceEdit;
  /** The policy's text once every change is applied. */
  text: string;
  /** What the edit does, in counts: "4 upstream changes, 1 of your edits kept, no conflicts". */
  summary: string;
  /** Upstream changes applied where the policy kept the base's words. */
  applied: UpgradeItemView[];
  /** The policy's own edits and filled fields, kept as they are. */
  kept: UpgradeItemView[];
  /** Where the policy and upstream changed the same words differently: left as the policy has them, to decide. */
  conflicts: UpgradeItemView[];
}

export type UpgradeResult = UpgradeView | UpgradeError;

/** Asks for a guided draft of the policy in Contributor Covenant 3.0. */
export const MIGRATE = 'conduct/migrate';

export interface MigrateParams {
  uri: string;
}

export interface MigrationView {
  /** The 3.0 text with the policy's contact, title and addenda carried over, and a `<!-- Conduct Lens: … -->` comment per decision. */
  text: string;
  /** The decisions, by the 3.0 section they sit under ("reporting", "addressing-harm", …, or "addenda"). */
  notes: { section: string; message: string }[];
  /** What the policy followed: "Contributor Covenant 2.0 (en)". */
  from: string;
  /** "Contributor Covenant 3.0 (en)". */
  to: string;
}

export type MigrateResult = MigrationView | UpgradeError;
