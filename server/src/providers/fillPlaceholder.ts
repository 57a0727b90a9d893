import { CodeActionKind, type CancellationToken, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from '../analysisCache';
import { findPlaceholders, type PlaceholderUse } from '../core/index';
import { FILL_PLACEHOLDER_COMMAND, type FillPlaceholderArgs } from '../protocol';
import { contactFor } from '../settings';

/** Template placeholders that ask for a way to reach someone, beyond upstream's own reporting placeholder. */
const CONTACT_WORDS = /\b(?:contact|e-?mail|address|reach|report(?:ing)?)\b/i;

/**
 * "Fill placeholder" quick fixes for unfilled-placeholder diagnostics. A contact placeholder
 * is filled at once from the `conduct.contact` setting or, failing that, the project
 * file's `contact`; every placeholder also gets "Fill placeholder…", which asks for the text
 * (a client command) and replaces exactly the placeholder. Only diagnostics whose range is
 * still a placeholder of the current analysis qualify, so a stale range is never edited.
 */
export async function fillPlaceholderFixes(cache: AnalysisCache, document: TextDocument, diagnostics: readonly Diagnostic[], token: CancellationToken): Promise<CodeAction[]> {
  const wanted = diagnostics.filter((d) => d.source === 'conduct' && d.code === 'unfilled-placeholder');
  if (!wanted.length) return [];
  const policy = await cache.get(document.uri);
  if (!policy?.analysis.doc || token.isCancellationRequested || policy.document.version !== document.version) return [];
  const placeholders = findPlaceholders(policy.analysis.doc.text, policy.library);
  const contact = contactFor(await cache.settings.get(document.uri), cache.projectConfigs.get(document.uri)?.config);

  const actions: CodeAction[] = [];
  for (const diagnostic of wanted) {
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    const placeholder = placeholders.find((p) => p.span.start === start && p.span.end === end);
    if (!placeholder) continue;
    if (contact !== undefined && isContactPlaceholder(placeholder)) {
      actions.push({
        title: `Fill placeholder with "${contact}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: contact }] } },
      });
    }
    const args: FillPlaceholderArgs = { uri: document.uri, version: document.version, range: diagnostic.range, placeholder: placeholder.text };
    actions.push({
      title: 'Fill placeholder…',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Fill placeholder…', command: FILL_PLACEHOLDER_COMMAND, arguments: [args] },
    });
  }
  return actions;
}

/** Whether a placeholder asks for a contact: upstream's reporting placeholder, or a template one that names a contact. */
export function isContactPlaceholder(placeholder: PlaceholderUse): boolean {
  return placeholder.kind === 'reporting' || (placeholder.kind === 'template' && CONTACT_WORDS.test(placeholder.text));
}
