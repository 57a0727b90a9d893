import type { Detection } from '../detect';
import type { ConductDocument } from '../document';
import { RUNGS, type RungId } from '../ladderRungs';
import { clipText } from '../normalize';
import type { SectionId } from '../sectionCanon';
import type { UpstreamLibrary } from '../upstream/library';
import type { UpstreamText } from '../upstream/types';
import { compareTexts, comparedText, comparedUpstream, type SectionComparison } from './compare';
import { againstLabel } from './describe';
import { applyEdits, normalise, type TextEdit } from './reflow';
import { detectedText, upstreamAgainst } from './target';

/** One decision the migration made, and where in the draft it is explained. */
export interface MigrationNote {
  /** The 3.0 section the note sits under ("reporting", "addressing-harm", …), or 'addenda'. */
  section: string;
  message: string;
}

export interface MigrationDraft {
  /** The 3.0 text with the policy's contact, title and addenda carried over, and a comment per decision. */
  text: string;
  notes: MigrationNote[];
  from?: string;
}

/** Where each 1.x/2.x section's content goes in 3.0 (our reading of upstream's restructuring). */
const SECTION_MAP: Partial<Record<SectionId, SectionId>> = {
  pledge: 'pledge',
  standards: 'encouraged-behaviors',
  responsibilities: 'addressing-harm',
  'enforcement-responsibilities': 'addressing-harm',
  scope: 'scope',
  enforcement: 'reporting',
  'enforcement-guidelines': 'addressing-harm',
  attribution: 'attribution',
};

/** 2.x rungs and the 3.0 rung that takes their place; Correction has none (3.0 starts at a warning). */
const RUNG_MAP: Partial<Record<RungId, RungId>> = { warning: 'warning', 'temporary-ban': 'temporary-suspension', 'permanent-ban': 'permanent-ban' };

const NOTE = (text: string) => `<!-- Conduct Lens: ${text.replace(/--+/g, '–')} -->`;

/**
 * A guided draft of a policy in Contributor Covenant 3.0. Upstream calls 3.0 close to a
 * rewrite, so this is not a merge: the draft is 3.0's text with what belongs to the policy
 * carried over (its private reporting contact, its title, its own addenda) and a note,
 * as an HTML comment, at every place where the policy said something 3.0 replaces.
 */
export function migrateToV3(doc: ConductDocument, library: UpstreamLibrary, detection: Detection | undefined): MigrationDraft | string {
  const target = library.find('3.0', 'en');
  if (!target) return 'Contributor Covenant 3.0 is not bundled.';
  const base = detectedText(library, detection);
  if (base?.entry.version.startsWith('3.')) return 'This policy already follows Contributor Covenant 3.0.';
  const draft = comparedUpstream(target, library);
  const notes: MigrationNote[] = [];
  const edits: TextEdit[] = [];
  const headingEnd = (id: string) => {
    const unit = draft.units.find((u) => u.key === (id === 'title' ? 'title' : `section:${id}`));
    if (!unit) return undefined;
    const newline = target.body.indexOf('\n', unit.span.start);
    return newline < 0 ? target.body.length : newline;
  };
  const note = (section: string, message: string, at = headingEnd(section)) => {
    notes.push({ section, message });
    if (at !== undefined) edits.push({ span: { start: at, end: at }, text: `\n\n${NOTE(message)}` });
  };

  reportingContact(doc, target, notes, edits, note);

  const policy = comparedText(doc, library);
  const comparison = base ? compareTexts(comparedUpstream(base, library), policy) : undefined;
  const sections = comparison?.sections ?? [];
  const from = base ? againstLabel(upstreamAgainst(base)) : 'no Contributor Covenant text';

  const title = sections.find((s) => s.id === 'title');
  if (title && title.status !== 'identical' && title.policy) {
    const unit = draft.units.find((u) => u.key === 'title');
    if (unit) {
      const line = target.body.slice(unit.span.start, target.body.indexOf('\n', unit.span.start));
      edits.push({ span: { start: unit.span.start, end: unit.span.start + line.length }, text: `# ${title.heading}` });
      note('title', `Kept your title "${title.heading}" instead of 3.0's.`);
    }
  }

  for (const section of sections) {
    if (section.status !== 'modified' && section.status !== 'moved') continue;
    if (!section.id || section.id === 'title' || section.id.startsWith('rung:')) continue;
    const into = SECTION_MAP[section.id as SectionId];
    if (into) note(into, `Your "${section.heading}" differed from ${from} (${changeSummary(section)}). 3.0 rewrites it here: carry over what still applies.`);
  }

  ladderNotes(doc, sections, note);

  const addenda = sections.filter((s) => s.status === 'added' && s.policy && !s.id?.startsWith('rung:'));
  const attributionStart = draft.units.find((u) => u.key === 'section:attribution')?.span.start ?? target.body.length;
  if (addenda.length) {
    const carried = addenda.map((s) => doc.text.slice(s.policy!.start, s.policy!.end).trim()).join('\n\n');
    edits.push({ span: { start: attributionStart, end: attributionStart }, text: `${NOTE(`Carried over from your policy: ${addenda.map((s) => `"${s.heading}"`).join(', ')}. Check each still fits 3.0.`)}\n\n${carried}\n\n` });
    notes.push({ section: 'addenda', message: `Carried over ${addenda.length} section${addenda.length === 1 ? '' : 's'} of your own.` });
  }

  note('attribution', 'The attribution and licence are 3.0\'s: Contributor Covenant 3.0 is licensed CC BY-SA 4.0 (earlier versions: CC BY 4.0), so derived policies share alike.');
  return { text: applyEdits(target.body, normalise(edits)), notes, from };
}

/** Puts the policy's private contacts in 3.0's reporting placeholder, or notes that there are none. */
function reportingContact(doc: ConductDocument, target: UpstreamText, notes: MigrationNote[], edits: TextEdit[], note: (section: string, message: string) => void): void {
  const placeholder = target.frontMatter.reportingPlaceholder;
  const at = placeholder ? target.body.indexOf(placeholder) : -1;
  const contacts = [...new Set(doc.contacts.filter((c) => c.private && !c.placeholder && (c.kind === 'email' || c.kind === 'form')).map((c) => c.value))];
  if (at >= 0 && contacts.length) {
    edits.push({ span: { start: at, end: at + placeholder!.length }, text: contacts.join(' or ') });
    notes.push({ section: 'reporting', message: `Carried your reporting contact over: ${contacts.join(', ')}.` });
  } else {
    note('reporting', 'Your policy names no private reporting contact; fill in 3.0\'s reporting note.');
  }
}

/** One note under 3.0's ladder for each rung of the policy's that 3.0 replaces differently. */
function ladderNotes(doc: ConductDocument, sections: readonly SectionComparison[], note: (section: string, message: string) => void): void {
  for (const rung of doc.ladder) {
    const compared = rung.id && sections.find((s) => s.id === `rung:${rung.id}`);
    const into = rung.id && RUNG_MAP[rung.id];
    if (!rung.id) note('addressing-harm', `Your rung "${rung.name}" has no counterpart in 3.0's ladder; decide whether it belongs in your 3.0 process.`);
    else if (!into) note('addressing-harm', `Your rung "${rung.name}" has no 3.0 counterpart: 3.0's ladder starts at ${RUNGS.warning.name}.`);
    else if (compared && compared.status !== 'identical') note('addressing-harm', `Your "${rung.name}" differed from upstream (${changeSummary(compared)}); 3.0's ${RUNGS[into].name} replaces it.`);
  }
}

/** A few words on what changed in a section: "12 words changed: 'stewards' for 'leaders', …". */
function changeSummary(section: SectionComparison): string {
  const wording = section.changes.filter((c) => c.kind === 'insert' || c.kind === 'delete' || c.kind === 'replace');
  const shown = wording.slice(0, 2).map((c) => (c.kind === 'insert' ? `added "${clipText(c.text, 60)}"` : c.kind === 'delete' ? `dropped "${clipText(c.upstreamText, 60)}"` : `"${clipText(c.text, 60)}" for "${clipText(c.upstreamText, 60)}"`));
  return `${section.wordsChanged} word${section.wordsChanged === 1 ? '' : 's'} changed${shown.length ? `: ${shown.join('; ')}` : ''}`;
}
