// Custom requests shared by the server and the client. The client imports this file and
// nothing else from the server, so it must stay free of runtime imports.

/** Asks the server to treat a document as a conduct policy whatever its name. */
export const MARK_AS_POLICY = 'conduct/markAsPolicy';

export interface MarkAsPolicyParams {
  uri: string;
}

export interface MarkAsPolicyResult {
  /** Findings now reported for the document. */
  findings: number;
}

/** What the client sends when it starts the server. */
export interface ConductInitializationOptions {
  /** Documents the user marked as policies in earlier sessions of this workspace. */
  markedPolicies?: string[];
}

/** Asks what the server knows about one document, for the status item. */
export const DOCUMENT_INFO = 'conduct/documentInfo';

export interface DocumentInfoParams {
  uri: string;
}

export interface DocumentInfo {
  /** Whether the document is checked as a conduct policy. */
  policy: boolean;
  /** The detected base, when the document is a policy that could be analysed. */
  base?: {
    /** 'contributor-covenant', another family's id ('citizen', 'django', 'microsoft', …) or 'unknown'. */
    family: string;
    /** The family as people write it ("Citizen Code of Conduct"); absent when unknown. */
    familyName?: string;
    /** 'pointer' for a file that adopts a code held elsewhere. */
    kind?: 'text' | 'pointer';
    version?: string;
    language?: string;
    similarity: number;
  };
  /** Findings per severity. */
  counts: { error: number; warning: number; information: number; hint: number };
}

// Comparison (issue 6): a policy against an upstream Contributor Covenant text or another
// policy. The three requests take the same subject, so a diff view, its left side and the
// report of one comparison share the server's cached result.

/** Which upstream text to compare with: a version, optionally a language (else the detected one, or English) and an earlier wording's commit. */
export interface CompareTarget {
  version: string;
  language?: string;
  /** The commit (or a prefix of at least 7 hex digits) that first published an earlier wording. */
  commit?: string;
}

/** Another policy to compare with. The server uses its open document when it has one, else `text`: it never reads files itself. */
export interface OtherPolicy {
  uri: string;
  /** A short name for labels, e.g. the file's workspace-relative path. */
  name: string;
  /** The file's text, as the client read it. */
  text: string;
}

/** What a comparison is of: the policy `uri` against `other`, else `target`, else the detected base. */
export interface ComparisonSubject {
  uri: string;
  target?: CompareTarget;
  other?: OtherPolicy;
}

/** The answer to any comparison request that cannot be given: what went wrong, in a sentence. */
export interface ComparisonError {
  error: string;
}

/** Asks for a policy's section-by-section comparison. */
export const COMPARE = 'conduct/compare';

export type CompareParams = ComparisonSubject;

export type CompareResult = ComparisonView | ComparisonError;

/** A line and UTF-16 character, 0-based, as in LSP. */
export interface ComparePosition {
  line: number;
  character: number;
}

/** A range in the policy, as in LSP. */
export interface CompareRange {
  start: ComparePosition;
  end: ComparePosition;
}

export type CompareSectionStatus = 'identical' | 'modified' | 'added' | 'removed' | 'moved';

export type CompareChangeKind = 'insert' | 'delete' | 'replace' | 'field' | 'link' | 'formatting';

export interface ComparisonView {
  /** The version of the policy document this comparison is of. */
  version: number;
  /** "96% identical to Contributor Covenant 2.1 (en) · 2 sections customised · 3 addenda". */
  summary: string;
  /** What the policy was compared with: "Contributor Covenant 2.1 (en)" or the other policy's name. */
  against: string;
  /** The target the comparison resolved to; absent for another policy. */
  target?: CompareTarget;
  /** 0–1 over the whole text. */
  similarity: number;
  counts: { identical: number; modified: number; added: number; removed: number; moved: number; wordsChanged: number; fields: number };
  sections: ComparedSection[];
  /** Set when the word diff gave up somewhere and a coarser diff was used: says where. */
  fallback?: string;
}

export interface ComparedSection {
  /** The canonical section id ("pledge", "rung:warning"), when the section is a standard one. */
  id?: string;
  /** The policy's heading, or the base's for a section the policy left out. */
  heading: string;
  /** The base's heading, when the base has the section. */
  upstreamHeading?: string;
  status: CompareSectionStatus;
  /** The status in a few words: "identical", "modified (88% similar)", "your addendum". */
  label: string;
  similarity: number;
  /** Where the section is in the policy; absent for a section the policy left out. */
  range?: CompareRange;
  changes: ComparedChange[];
}

export interface ComparedChange {
  kind: CompareChangeKind;
  /** Where the change is in the policy (empty for words the policy dropped). */
  range: CompareRange;
  /** The policy's words. */
  text: string;
  /** The base's words. */
  upstreamText: string;
}

/** Asks for the text the left side of a diff view shows. */
export const BASE_DOCUMENT = 'conduct/baseDocument';

/** `policy`: the base reflowed into the policy's own layout with its fields filled; `raw`: the base as published (or the other policy as written). */
export type BaseLayout = 'policy' | 'raw';

export interface BaseDocumentParams extends ComparisonSubject {
  layout: BaseLayout;
}

export type BaseDocumentResult = { text: string; against: string; version: number } | ComparisonError;

/** Asks which upstream texts a policy can be compared with, best first. */
export const COMPARE_CHOICES = 'conduct/compareChoices';

export interface CompareChoicesParams {
  uri: string;
}

export interface CompareChoice {
  /** "Contributor Covenant 2.1 (en)", or "…, as published 2016-01 to 2017-09" for an earlier wording. */
  label: string;
  /** Why it is offered, e.g. "detected base · 97% similar", "latest", or an earlier wording's commit. */
  description?: string;
  /** detected: the detected base and its revision; suggested: 2.1 and 3.0; catalog: everything else bundled. */
  group: 'detected' | 'suggested' | 'catalog';
  target: CompareTarget;
}

export type CompareChoicesResult = { choices: CompareChoice[] } | ComparisonError;

// Standard sections (issue 8): upstream's sections, verbatim from the bundled texts, for
// "Insert Standard Section…". The server writes the snippets; the client only inserts them.

/** Asks which standard sections a policy can take from upstream, with a snippet for each. */
export const STANDARD_SECTIONS = 'conduct/standardSections';

export interface StandardSectionsParams {
  uri: string;
  /** A version (and language) to take the sections from, instead of the detected base. */
  target?: CompareTarget;
  /** The cursor: each section also gets a snippet for inserting it there. */
  position?: ComparePosition;
}

/** Snippet text (placeholders as tab stops) and where to insert it. */
export interface SnippetInsertion {
  position: ComparePosition;
  snippet: string;
}

export interface StandardSectionItem {
  /** The canonical section id ("scope", "enforcement-guidelines"). */
  id: string;
  /** The heading in the text's language. */
  heading: string;
  /** Whether the policy already has this section. */
  present: boolean;
  /** Where it belongs, in words: 'after "Enforcement Responsibilities"'. */
  place: string;
  atPlace: SnippetInsertion;
  atCursor?: SnippetInsertion;
}

export type StandardSectionsResult =
  | { against: string; target: CompareTarget; version: number; sections: StandardSectionItem[] }
  /** `chooseVersion`: the policy follows no bundled Covenant text, so the user must pick one. */
  | (ComparisonError & { chooseVersion?: boolean });

// Fill placeholder (issue 8): a quick fix whose text the user types. The server offers the
// action; the client command asks for the text and replaces exactly the placeholder.

/** The client command behind "Fill placeholder…"; its one argument is {@link FillPlaceholderArgs}. */
export const FILL_PLACEHOLDER_COMMAND = 'conduct.fillPlaceholder';

export interface FillPlaceholderArgs {
  uri: string;
  /** The document version the range belongs to: the edit is refused on any other. */
  version: number;
  range: CompareRange;
  /** The placeholder as written, to confirm the range still holds it and to word the prompt. */
  placeholder: string;
}

// Section code lens (issue 8): "Compare" on a section heading opens the diff view at that section.

/** The client command behind a section's "Compare" lens; its one argument is {@link CompareSectionArgs}. */
export const COMPARE_SECTION_COMMAND = 'conduct.compareSection';

export interface CompareSectionArgs {
  uri: string;
  /** The upstream text the lens's status was computed against. */
  target: CompareTarget;
  /** The section in the policy, revealed and selected on the diff view's right side. */
  range: CompareRange;
}
