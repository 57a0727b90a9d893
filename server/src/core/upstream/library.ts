import type { Heading, List, ListItem, Nodes, Root } from 'mdast';
import { FIELDS, LADDERS, type RungFieldId, type RungId } from '../ladderRungs';
import { CANON, familyOf, type SectionId } from '../sectionCanon';
import { parseMarkdown, plainText, spanOf, walk } from '../markdown';
import { foldLabel, foldSpace } from '../normalize';
import type { FamilyText, UpstreamText } from './types';

/** A template placeholder as an upstream text spells it, with where it comes from. */
export interface UpstreamPlaceholder {
  /** The placeholder as written, brackets included, white space folded. */
  text: string;
  kind: 'reporting' | 'enforcement';
  sources: UpstreamText[];
}

/** A standard section of an upstream text: its id, heading as written, and body. */
export interface UpstreamSection {
  id: SectionId;
  heading: string;
  /** The section's Markdown without its heading, up to the next heading of the same or a shallower depth. */
  markdown: string;
}

/** A rung of an upstream ladder: its name in that text's language and its body. */
export interface UpstreamRung {
  id: RungId;
  name: string;
  source: UpstreamText;
  /** The rung's fields as upstream writes them (Markdown), without the rung's own label. */
  markdown: string;
  /** The field labels as this text writes them, with the field each one is. */
  fields: { id: RungFieldId; label: string }[];
}

/**
 * What the library derives from one text by parsing it: its placeholders, ladder and
 * standard sections. The build writes it for every bundled text (upstream-texts/derived.json,
 * keyed by the text's pinned sha256), so the server starts without parsing them again.
 */
export interface DerivedText {
  placeholders: { text: string; kind: UpstreamPlaceholder['kind'] }[];
  rungs: Omit<UpstreamRung, 'source'>[];
  sections: UpstreamSection[];
}

/**
 * An earlier wording's shingles as detection indexes them: those it has and today's text of
 * its version and language lacks, those it lacks, how many distinct it has, and which of the
 * added hold a number. The build computes them (derived.json), so a start need not re-read
 * 295 wordings; keyed by {@link revisionShinglesKey}.
 */
export interface RevisionShingles {
  added: number[];
  removed: number[];
  size: number;
  numbered: number[];
}

/** An earlier wording's key among {@link RevisionShingles}: the same file may be credited to two languages, each against its own base. */
export function revisionShinglesKey(text: UpstreamText): string {
  return `${text.entry.version} ${text.entry.language} ${text.entry.sha256}`;
}

/** Parses one text and derives what the library keeps of it. */
export function deriveText(text: UpstreamText): DerivedText {
  const tree = parseMarkdown(text.body);
  return {
    placeholders: derivePlaceholders(text, tree),
    rungs: deriveRungs(text, tree).map(({ source: _source, ...rung }) => rung),
    sections: deriveSections(text, tree),
  };
}

/**
 * The bundled upstream texts, with what the analysis derives from them: translated
 * placeholders and translated rung names. Built once per process; everything is derived
 * from the texts themselves, so a new pinned commit brings its own vocabulary.
 */
export class UpstreamLibrary {
  readonly placeholders: UpstreamPlaceholder[];
  private readonly rungsByText = new Map<UpstreamText, UpstreamRung[]>();
  private readonly rungNames = new Map<string, RungId>();
  private readonly sectionNames = new Map<string, SectionId>();
  private readonly fieldNames = new Map<string, RungFieldId>();
  private readonly sectionsByText = new Map<UpstreamText, UpstreamSection[]>();

  /**
   * Earlier wordings of today's texts (each with its `revision`), oldest first. They are detected against, but the vocabulary and
   * the rules' notion of a version come from {@link texts}.
   */
  readonly revisions: readonly UpstreamText[];
  private readonly revisionsByKey = new Map<string, UpstreamText[]>();

  /**
   * @param families Texts of other families (Citizen, Django, …): detected against, never
   *   part of the Covenant vocabulary, sections or rungs that {@link texts} give the rules.
   * @param derived What the build derived from each text, by its pinned sha256; a text not
   *   in it is parsed here.
   * @param revisionShingles What the build's detection index read from each earlier wording;
   *   a wording not in it is read when the index is built.
   */
  constructor(
    readonly texts: readonly UpstreamText[],
    revisions: readonly UpstreamText[] = [],
    readonly families: readonly FamilyText[] = [],
    derived?: ReadonlyMap<string, DerivedText>,
    readonly revisionShingles?: ReadonlyMap<string, RevisionShingles>,
  ) {
    this.revisions = [...revisions].sort((a, b) => (a.revision?.firstDate ?? '').localeCompare(b.revision?.firstDate ?? ''));
    for (const revision of this.revisions) {
      const key = textKey(revision.entry.version, revision.entry.language);
      const list = this.revisionsByKey.get(key);
      if (list) list.push(revision);
      else this.revisionsByKey.set(key, [revision]);
    }
    const placeholders = new Map<string, UpstreamPlaceholder>();
    const addPlaceholders = (text: UpstreamText, found: readonly { text: string; kind: UpstreamPlaceholder['kind'] }[]) => {
      for (const { text: value, kind } of found) {
        const key = value.toLocaleLowerCase('und');
        const known = placeholders.get(key) ?? { text: value, kind, sources: [] };
        known.sources.push(text);
        placeholders.set(key, known);
      }
    };
    for (const text of texts) {
      const known = derived?.get(text.entry.sha256) ?? deriveText(text);
      addPlaceholders(text, known.placeholders);
      const rungs = known.rungs.map((rung) => ({ ...rung, source: text }));
      this.rungsByText.set(text, rungs);
      for (const rung of rungs) {
        this.rungNames.set(foldLabel(rung.name), rung.id);
        for (const field of rung.fields) if (!this.fieldNames.has(foldLabel(field.label))) this.fieldNames.set(foldLabel(field.label), field.id);
      }
      const sections = known.sections;
      this.sectionsByText.set(text, sections);
      for (const section of sections) if (!this.sectionNames.has(foldLabel(section.heading))) this.sectionNames.set(foldLabel(section.heading), section.id);
    }
    // A policy copied from an earlier translation may keep its placeholder, which some
    // translations have reworded since ("[WSTAW ADRES EMAIL]").
    for (const revision of this.revisions) addPlaceholders(revision, scanPlaceholders(revision));
    // English headings are facts of the canon too, so a policy is understood even if a
    // bundled text were missing.
    for (const family of Object.values(CANON)) for (const s of family) if (!this.sectionNames.has(foldLabel(s.heading))) this.sectionNames.set(foldLabel(s.heading), s.id);
    this.placeholders = [...placeholders.values()];
  }

  /**
   * The text for a version and language, if it is bundled: today's wording, or with
   * `commit` the earlier wording first published at that commit.
   */
  find(version: string, language: string, commit?: string): UpstreamText | undefined {
    if (commit !== undefined) return this.revisionsByKey.get(textKey(version, language))?.find((t) => t.revision?.commit === commit);
    return this.texts.find((t) => t.entry.version === version && t.entry.language === language);
  }

  /** The earlier wordings of a text's version and language, oldest first (empty when upstream never changed it). */
  revisionsOf(text: UpstreamText): readonly UpstreamText[] {
    return this.revisionsByKey.get(textKey(text.entry.version, text.entry.language)) ?? [];
  }

  /** Today's wording of the version and language an earlier wording belongs to (a text of today's is its own). */
  currentOf(text: UpstreamText): UpstreamText | undefined {
    return text.revision ? this.find(text.entry.version, text.entry.language) : text;
  }

  /**
   * The ladder of one upstream text, in order (empty for 1.x, which has none). An earlier
   * wording's is derived on first request: most are never asked for.
   */
  rungsOf(text: UpstreamText): readonly UpstreamRung[] {
    if (text.revision && !this.rungsByText.has(text)) this.deriveRevision(text);
    return this.rungsByText.get(text) ?? [];
  }

  /** Which rung a heading or list label names, in any bundled language. */
  rungNamed(label: string): RungId | undefined {
    return this.rungNames.get(foldLabel(label));
  }

  /** Which standard section a heading names, in any bundled language. */
  sectionNamed(heading: string): SectionId | undefined {
    return this.sectionNames.get(foldLabel(heading));
  }

  /** Which rung field ("Community Impact", "Event", …) a label names, in any bundled language. */
  fieldNamed(label: string): RungFieldId | undefined {
    return this.fieldNames.get(foldLabel(label));
  }

  /** The standard sections of one upstream text, in order, with their Markdown (derived on first request for an earlier wording). */
  sectionsOf(text: UpstreamText): readonly UpstreamSection[] {
    if (text.revision && !this.sectionsByText.has(text)) this.deriveRevision(text);
    return this.sectionsByText.get(text) ?? [];
  }

  private deriveRevision(text: UpstreamText): void {
    const tree = parseMarkdown(text.body);
    this.rungsByText.set(text, deriveRungs(text, tree));
    this.sectionsByText.set(text, deriveSections(text, tree));
  }
}

function textKey(version: string, language: string): string {
  return `${version} ${language}`;
}

/** Bracketed text, in ASCII or the full-width brackets Chinese texts use ("［在此输入联系方式］"). */
const BRACKETED = /\[[^[\]]+\]|［[^［］]+］|【[^【】]+】/g;

/** The placeholders a text's front matter declares (3.0, and the TOML of today's 2.x files). */
function declaredPlaceholders(text: UpstreamText): { text: string; kind: UpstreamPlaceholder['kind'] }[] {
  const { reportingPlaceholder, enforcementPlaceholder } = text.frontMatter;
  return [
    reportingPlaceholder && { text: foldSpace(reportingPlaceholder), kind: 'reporting' as const },
    enforcementPlaceholder && { text: foldSpace(enforcementPlaceholder), kind: 'enforcement' as const },
  ].filter((p): p is { text: string; kind: 'reporting' | 'enforcement' } => Boolean(p));
}

/**
 * A text's own placeholders: the front matter's when it declares them; otherwise the
 * bracketed literals the body leaves as text (not links), outside the closing Attribution
 * section, whose brackets are link labels in several translations.
 */
function derivePlaceholders(text: UpstreamText, tree: Root): { text: string; kind: UpstreamPlaceholder['kind'] }[] {
  const declared = declaredPlaceholders(text);
  if (declared.length) return declared;

  const lastH2 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2).at(-1);
  const end = (lastH2 && spanOf(lastH2)?.start) ?? text.body.length;
  const found: { text: string; kind: 'reporting' }[] = [];
  walk(tree, (node) => {
    if (node.type !== 'text' || (spanOf(node)?.start ?? end) >= end) return;
    for (const match of node.value.matchAll(BRACKETED)) found.push({ text: foldSpace(match[0]), kind: 'reporting' });
  });
  return found;
}

/** A link reference definition's label ("[homepage]: https://…"). */
const DEFINITION_LABEL = /^[ \t]{0,3}\[([^\]\n]{1,200})\]:/gm;

/**
 * {@link derivePlaceholders} by a scan instead of a parse, for the earlier wordings (a
 * parse of all 295 would double the library's load time): bracketed text that is not link
 * syntax (no "(", "[" or ":" after, no "]" before, not a defined label), before the last
 * `##` heading. On today's texts it finds exactly what the parse finds.
 */
export function scanPlaceholders(text: UpstreamText): { text: string; kind: UpstreamPlaceholder['kind'] }[] {
  const declared = declaredPlaceholders(text);
  if (declared.length) return declared;
  // From the title (one upstream file has its front matter mangled onto one line above it)
  // to the closing section, whose brackets are link labels in several translations.
  const headings = [...text.body.matchAll(/^ {0,3}(#{1,6}) /gm)];
  const lastH2 = headings.filter((h) => h[1].length === 2).at(-1)?.index ?? text.body.length;
  const body = text.body.slice(0, lastH2);
  const defined = new Set([...text.body.matchAll(DEFINITION_LABEL)].map((m) => m[1].trim().toLowerCase()));
  const found: { text: string; kind: 'reporting' }[] = [];
  for (const match of body.slice(headings[0]?.index ?? 0).matchAll(BRACKETED)) {
    const at = (headings[0]?.index ?? 0) + match.index;
    const after = /^\s*(.)/.exec(body.slice(at + match[0].length))?.[1];
    if (body[at - 1] === ']' || after === '(' || after === '[' || after === ':' || defined.has(match[0].slice(1, -1).trim().toLowerCase())) continue;
    // Markdown escapes ("\\]") are not part of the placeholder a reader sees.
    found.push({ text: foldSpace(match[0].replace(/\\(?=[[\]])/g, '')), kind: 'reporting' });
  }
  return found;
}

/**
 * The ladder of an upstream text: 2.x numbers its rungs as level-3 headings ("### 1. …");
 * 3.0 writes them as a top-level ordered list whose items hold a nested list of fields.
 * Rung ids follow the upstream order for the family, which is what makes translated names
 * derivable.
 */
function deriveRungs(text: UpstreamText, tree: Root): UpstreamRung[] {
  const family = familyOf(text.entry.version);
  if (family === '2.x') {
    const order = LADDERS['2.x'];
    const numbered = deriveRungHeadings(tree);
    if (numbered.length !== order.length) return [];
    const fieldOrder = FIELDS['2.x'];
    return numbered.map((heading, i) => {
      const end = i + 1 < numbered.length ? spanOf(numbered[i + 1])!.start : endOfSection(tree, heading, text.body.length);
      const markdown = text.body.slice(spanOf(heading)!.end, end).trim();
      // Each 2.x rung opens its paragraphs with bold labels, impact first, then consequence.
      const labels = [...markdown.matchAll(/^\*\*([^*\n]{1,60})\*\*/gm)].map((m) => m[1].replace(/[:：]\s*$/, '').trim());
      const fields = labels.length === fieldOrder.length ? labels.map((label, k) => ({ id: fieldOrder[k], label })) : [];
      return { id: order[i], name: plainText(heading).replace(NUMBERED, '').trim(), source: text, markdown, fields };
    });
  }
  if (family === '3.x') {
    const order = LADDERS['3.x'];
    const ladder = tree.children.find((n): n is List => n.type === 'list' && n.ordered === true && n.children.length === order.length && n.children.every(hasNestedList));
    if (!ladder) return [];
    const fieldOrder = FIELDS['3.x'];
    return ladder.children.map((item, i) => {
      const nested = item.children.find((c): c is List => c.type === 'list');
      const labels = (nested?.children ?? []).map((f) => /^([^:：\n]{1,40})[:：]/.exec(plainText(f).trim())?.[1].trim() ?? '');
      const fields = labels.length === fieldOrder.length && labels.every(Boolean) ? labels.map((label, k) => ({ id: fieldOrder[k], label })) : [];
      return {
        id: order[i],
        name: plainText(item.children[0]).trim(),
        source: text,
        markdown: dedent(text.body.slice(spanOf(item.children[0])!.end, spanOf(item)!.end)),
        fields,
      };
    });
  }
  return [];
}

/** A numbered rung heading: "1. ", "2) ", also in other scripts' digits ("১. "). */
const NUMBERED = /^\s*\p{Nd}+\s*[.)]\s*/u;

/**
 * The standard sections of a text, matched to the canon by position: translations keep
 * upstream's order and count of headings, so the k-th heading of a translation is the
 * k-th section of its family. A text whose heading count differs (a merged or split
 * heading upstream) contributes none, rather than a wrong mapping.
 */
function deriveSections(text: UpstreamText, tree: Root): UpstreamSection[] {
  const canon = CANON[familyOf(text.entry.version)];
  const deepest = Math.max(...canon.map((s) => s.depth));
  const rungHeadings = new Set(deriveRungHeadings(tree));
  // After the title, any heading down to the canon's depth is a section: one translation
  // (1.4 fa-ir) writes a section heading with a single "#".
  const headings = tree.children
    .filter((n): n is Heading => n.type === 'heading' && n.depth <= deepest && !rungHeadings.has(n))
    .filter((h, i) => !(i === 0 && h.depth === 1));
  if (headings.length !== canon.length || headings.some((h, i) => canon[i].depth > 2 && h.depth !== canon[i].depth)) return [];
  return headings.map((heading, i) => {
    const end = endOfSection(tree, heading, text.body.length, true);
    return { id: canon[i].id, heading: plainText(heading).trim(), markdown: text.body.slice(spanOf(heading)!.end, end).trim() };
  });
}

function deriveRungHeadings(tree: Root): Heading[] {
  return tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 3 && NUMBERED.test(plainText(n)));
}

/** Removes the common indentation of a nested block so it reads as top-level Markdown. */
function dedent(block: string): string {
  const lines = block.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

function hasNestedList(item: ListItem): boolean {
  return item.children.some((child) => child.type === 'list');
}

/** Where the section under `heading` ends: the next heading of a shallower (or, with `sameDepth`, equal) depth, or the end. */
function endOfSection(tree: Root, heading: Heading, fallback: number, sameDepth = false): number {
  const after = tree.children.slice(tree.children.indexOf(heading) + 1);
  const next = after.find((n: Nodes): n is Heading => n.type === 'heading' && (n.depth < heading.depth || (sameDepth && n.depth === heading.depth)));
  return (next && spanOf(next)?.start) ?? fallback;
}

