import type { CancellationToken } from 'vscode-languageserver';
import type { AnalysisCache } from '../analysisCache';
import { againstLabel, insertionAt, policyStandardSections, resolveTarget, sectionInsertion, upstreamAgainst } from '../core/index';
import type { SectionInsertion } from '../core/index';
import type { StandardSectionsParams, StandardSectionsResult } from '../protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const snippetAt = (document: TextDocument, insertion: SectionInsertion) => ({ position: document.positionAt(insertion.offset), snippet: insertion.snippet });

function placeOf(insertion: SectionInsertion): string {
  if (insertion.after) return `after "${insertion.after}"`;
  if (insertion.before) return `before "${insertion.before}"`;
  return 'at the end';
}

/**
 * conduct/standardSections: the sections of the detected base (or the chosen target), each
 * with a snippet for its right place and, when the cursor is given, one for the cursor.
 */
export async function standardSectionsFor(cache: AnalysisCache, params: StandardSectionsParams, token: CancellationToken): Promise<StandardSectionsResult> {
  try {
    const policy = await cache.get(params.uri);
    const doc = policy?.analysis.doc;
    if (!policy || !doc) return { error: 'Open a conduct policy first: this document is not checked as one.' };
    if (token.isCancellationRequested) return { error: 'Cancelled.' };
    const { document, library, analysis } = policy;
    let chosen;
    if (params.target) {
      chosen = resolveTarget(library, params.target, analysis.base);
      if (typeof chosen === 'string') return { error: chosen };
    }
    const offered = policyStandardSections(doc, analysis.base, library, chosen);
    if (!offered) return { error: 'This policy follows no bundled Contributor Covenant text: choose a version.', chooseVersion: true };
    if (!offered.sections.length) return { error: `Contributor Covenant ${offered.text.entry.version} has no sections to insert.` };
    const cursor = params.position && document.offsetAt(params.position);
    return {
      against: againstLabel(upstreamAgainst(offered.text)),
      target: { version: offered.text.entry.version, language: offered.text.entry.language },
      version: document.version,
      sections: offered.sections.map((section) => {
        const place = sectionInsertion(doc, offered.sections, section.id)!;
        return {
          id: section.id,
          heading: section.heading,
          present: section.present,
          place: placeOf(place),
          atPlace: snippetAt(document, place),
          ...(cursor !== undefined && { atCursor: snippetAt(document, insertionAt(doc.text, cursor, section)) }),
        };
      }),
    };
  } catch (error) {
    cache.logOnce(`standardSections:${(error as Error)?.message}`, `Listing standard sections failed: ${(error as Error)?.stack ?? error}`);
    return { error: 'Conduct Lens could not list the standard sections; see "Conduct: Show Language Server Output".' };
  }
}
