import type { Rule } from './types';
import { unfilledPlaceholder } from './unfilled-placeholder';

/** Every rule, in the order findings are reported. Adding a rule means adding it here. */
export const RULES: readonly Rule[] = [unfilledPlaceholder];

export type { Environment, Rule, RuleContext, RuleFinding, Severity } from './types';
