import { attributionLicence } from './attribution-licence';
import { attributionPermalink } from './attribution-permalink';
import { attributionVersion } from './attribution-version';
import { conflictingClaims } from './conflicting-claims';
import { deletedPlaceholder } from './deleted-placeholder';
import { doubleEscapedUrl } from './double-escaped-url';
import { duplicateParagraph } from './duplicate-paragraph';
import { duplicateSection } from './duplicate-section';
import { earlierWording } from './earlier-wording';
import { emailLinkWithoutMailto } from './email-link-without-mailto';
import { emptyLink } from './empty-link';
import { headingStructure } from './heading-structure';
import { inconsistentRoleTerms } from './inconsistent-role-terms';
import { ladderIncomplete } from './ladder-incomplete';
import { ladderNumbering } from './ladder-numbering';
import { ladderOrder } from './ladder-order';
import { lookalikeCharacters } from './lookalike-characters';
import { malformedUrl } from './malformed-url';
import { markdownRendering } from './markdown-rendering';
import { missingLinkTarget } from './missing-link-target';
import { missingSection } from './missing-section';
import { mojibake } from './mojibake';
import { multipleDocuments } from './multiple-documents';
import { notAPolicy } from './not-a-policy';
import { outdatedBase } from './outdated-base';
import { placeholderContact } from './placeholder-contact';
import { privateReportingChannel } from './private-reporting-channel';
import { rungMissingField } from './rung-missing-field';
import { sectionOrder } from './section-order';
import { singlePointOfContact } from './single-point-of-contact';
import { splitParagraph } from './split-paragraph';
import { strayContent } from './stray-content';
import type { Rule } from './types';
import { undefinedReference } from './undefined-reference';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { vandalism } from './vandalism';

/** Every rule, in the order findings are reported. Adding a rule means adding it here. */
export const RULES: readonly Rule[] = [
  notAPolicy,
  multipleDocuments,
  unfilledPlaceholder,
  deletedPlaceholder,
  placeholderContact,
  privateReportingChannel,
  singlePointOfContact,
  missingSection,
  duplicateSection,
  sectionOrder,
  ladderOrder,
  ladderIncomplete,
  ladderNumbering,
  rungMissingField,
  attributionVersion,
  conflictingClaims,
  attributionPermalink,
  attributionLicence,
  inconsistentRoleTerms,
  outdatedBase,
  earlierWording,
  mojibake,
  strayContent,
  vandalism,
  lookalikeCharacters,
  headingStructure,
  splitParagraph,
  markdownRendering,
  duplicateParagraph,
  undefinedReference,
  emptyLink,
  malformedUrl,
  doubleEscapedUrl,
  emailLinkWithoutMailto,
  missingLinkTarget,
];

export type { Environment, PolicyBase, Rule, RuleContext, RuleFinding, RuleFix, Severity } from './types';
