import { CodeActionKind, type CancellationToken, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from '../analysisCache';
import { policyStandardSections, sectionInsertion, sectionName } from '../core/index';

/** missing-section's message quotes the section's English name first (see core/rules/missing-section.ts). */
const NAMED = /^Missing standard section "([^"]+)"/;

/**
 * Quick fixes for missing-section diagnostics: insert upstream's section, verbatim from the
 * bundled text of the detected base, at its right place. One insertion each and nothing
 * else, so undo removes exactly it. Computed on the current analysis: a section the policy
 * has gained since the diagnostic was reported is not offered again.
 */
export async function insertSectionFixes(cache: AnalysisCache, document: TextDocument, diagnostics: readonly Diagnostic[], token: CancellationToken): Promise<CodeAction[]> {
  const missing = diagnostics.filter((d) => d.source === 'conduct' && d.code === 'missing-section' && NAMED.test(d.message));
  if (!missing.length) return [];
  try {
    const policy = await cache.get(document.uri);
    const doc = policy?.analysis.doc;
    if (!policy || !doc || policy.document.version !== document.version || token.isCancellationRequested) return [];
    const offered = policyStandardSections(doc, policy.analysis.base, policy.library);
    if (!offered) return [];
    const { version, language } = offered.text.entry;
    return missing.flatMap((diagnostic): CodeAction[] => {
      const name = NAMED.exec(diagnostic.message)![1];
      const section = offered.sections.find((s) => sectionName(s.id) === name);
      const insertion = section && !section.present ? sectionInsertion(doc, offered.sections, section.id) : undefined;
      if (!section || !insertion) return [];
      const at = document.positionAt(insertion.offset);
      return [{
        title: `Insert the ${section.heading} section from Contributor Covenant ${version}${language === 'en' ? '' : ` (${language})`}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: insertion.text }] } },
      }];
    });
  } catch (error) {
    cache.logOnce(`insertSection:${(error as Error)?.message}`, `Inserting a standard section failed: ${(error as Error)?.stack ?? error}`);
    return [];
  }
}
