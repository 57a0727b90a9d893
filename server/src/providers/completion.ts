import { CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { againstLabel, policyStandardSections, sectionSnippet, upstreamAgainst, type ConductDocument, type Detection, type UpstreamLibrary, type UpstreamText } from '../core/index';

/**
 * What may precede the cursor for a section to be offered: nothing, a heading's start
 * ("## Sc"), or the start of a word. Anything longer is prose being written.
 */
const LINE_START = /^([ \t]{0,3})(#{1,6}(?:[ \t][^\n]{0,60})?|[\p{L}\p{N}][\p{L}\p{N} ]{0,30})?$/u;

/** The texts whose sections are offered: the detected base, or, for a policy that follows none, today's 2.x and 3.x. */
function offeredTexts(doc: ConductDocument, base: Detection | undefined, library: UpstreamLibrary) {
  const detected = policyStandardSections(doc, base, library);
  if (detected) return [detected];
  const language = base?.language && library.texts.some((t) => t.entry.language === base.language) ? base.language : 'en';
  const newest = new Map<string, UpstreamText>();
  for (const text of library.texts) {
    const major = text.entry.version.split('.')[0];
    if (major === '1' || text.entry.language !== language) continue;
    const known = newest.get(major);
    if (!known || known.entry.version.localeCompare(text.entry.version, 'en', { numeric: true }) < 0) newest.set(major, text);
  }
  return [...newest.values()].flatMap((text) => policyStandardSections(doc, base, library, text) ?? []);
}

/**
 * textDocument/completion at the start of a line in a policy: the base's standard sections,
 * verbatim from upstream with placeholders as tab stops, missing ones first.
 */
export async function provideCompletion(cache: AnalysisCache, params: CompletionParams, token: CancellationToken): Promise<CompletionItem[]> {
  try {
    const policy = await cache.get(params.textDocument.uri);
    const doc = policy?.analysis.doc;
    if (!policy || !doc || token.isCancellationRequested) return [];
    const { document, library, analysis } = policy;
    const typed = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const match = LINE_START.exec(typed);
    if (!match) return [];
    // Replace what was typed after the indent, so "## Sco" becomes the section's heading.
    const range = { start: { line: params.position.line, character: match[1].length }, end: params.position };
    const heading = (match[2] ?? '').startsWith('#');
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    return offeredTexts(doc, analysis.base, library).flatMap(({ text, sections }, t) => {
      const against = againstLabel(upstreamAgainst(text));
      return sections.map((section, i): CompletionItem => ({
        label: section.heading,
        labelDetails: { description: `Covenant ${text.entry.version}${text.entry.language === 'en' ? '' : ` (${text.entry.language})`}` },
        kind: CompletionItemKind.Snippet,
        detail: `${against} · ${section.present ? 'already in this policy' : 'missing from this policy'}`,
        documentation: { kind: 'markdown', value: section.markdown },
        sortText: `${section.present ? 1 : 0}-${t}-${String(i).padStart(2, '0')}`,
        filterText: heading ? `${'#'.repeat(section.depth)} ${section.heading}` : section.heading,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: sectionSnippet(section, eol) },
      }));
    });
  } catch (error) {
    cache.logOnce(`completion:${(error as Error)?.message}`, `Completion failed: ${(error as Error)?.stack ?? error}`);
    return [];
  }
}
