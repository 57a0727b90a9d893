import type { Root } from 'mdast';
import { parseMarkdown, spanOf, walk } from './markdown';
import { findPlaceholders, type PlaceholderUse } from './placeholders';
import type { Span } from './span';
import { readAttribution, type Attribution } from './structure/attribution';
import { readContacts, type Contact } from './structure/contacts';
import { readHeadings, type DocHeading, type DocumentFormat } from './structure/headings';
import { readLadder, type LadderRung } from './structure/ladder';
import { readerTemplates } from './structure/readerTemplates';
import { readRoleTerms, type RoleTermUse } from './structure/roleTerms';
import { readSections, type ContentRecognizer, type Section } from './structure/sections';
import type { UpstreamLibrary, UpstreamSection } from './upstream/library';

export type { DocHeading, DocumentFormat, LadderRung, Section, Contact, Attribution, RoleTermUse };

/** A conduct policy, read once per version of its text. Every part carries its exact span. */
export interface ConductDocument {
  text: string;
  format: DocumentFormat;
  /** The Markdown parse, also for plain text (where it is mostly paragraphs). */
  tree: Root;
  headings: DocHeading[];
  /** One per heading, recognised as standard sections where possible; the rest are addenda. */
  sections: Section[];
  ladder: LadderRung[];
  placeholders: PlaceholderUse[];
  contacts: Contact[];
  attribution: Attribution;
  roleTerms: RoleTermUse[];
  /** Code blocks and inline code, where template syntax may be quoted on purpose. */
  codeSpans: Span[];
}

export interface ParseOptions {
  /** Recognises renamed sections by their wording (the detection index provides one). */
  recognizeSection?: ContentRecognizer;
  /** The sections of the upstream text the policy is based on, matched by heading first. */
  baseSections?: readonly UpstreamSection[];
}

/** Reads a policy's text into the model. Never throws on odd input. */
export function parseConductDocument(text: string, library: UpstreamLibrary, options: ParseOptions = {}): ConductDocument {
  const tree = parseMarkdown(text);
  const codeSpans: Span[] = [];
  walk(tree, (node) => {
    const span = spanOf(node);
    if (span && (node.type === 'code' || node.type === 'inlineCode')) codeSpans.push(span);
  });
  const { format, headings } = readHeadings(text, tree, library);
  return {
    text,
    format,
    tree,
    headings,
    sections: readSections(text, headings, library, options.recognizeSection, options.baseSections),
    ladder: readLadder(text, tree, headings, library),
    // A template the reporter fills in keeps its fields: they are not the maintainers' to fill.
    placeholders: findPlaceholders(text, library, [...codeSpans, ...readerTemplates(text, tree, headings)]),
    contacts: readContacts(text, tree, codeSpans),
    attribution: readAttribution(text),
    roleTerms: readRoleTerms(text),
    codeSpans,
  };
}
