import { literalReferences, normalizeLabel } from '../links';
import { definitionInsertion, knownReferenceUrl } from './referenceDefinition';
import type { Rule, RuleFix } from './types';

const URL_LIKE = /^(?:https?:\/\/|www\.|mailto:)\S+$/i;
/** Each definition offered is checked by parsing the whole text once more: a bound on that work for hostile input. */
const MAX_DEFINITIONS_CHECKED = 10;

/**
 * `[text][label]` with no `[label]: url` definition is printed as it stands, brackets and
 * all, so the link the author meant is lost. A URL written as the label is the usual slip.
 */
export const undefinedReference: Rule = {
  id: 'undefined-reference',
  summary: 'A reference link ([text][label] or [label][]) whose label has no definition.',
  defaultSeverity: 'warning',
  check({ doc, base, library }) {
    const definitions = new Map<string, RuleFix | undefined>();
    const definitionFor = (label: string): RuleFix | undefined => {
      const key = normalizeLabel(label);
      if (!definitions.has(key) && definitions.size < MAX_DEFINITIONS_CHECKED) {
        const url = knownReferenceUrl(label, base, library);
        definitions.set(key, url === undefined ? undefined : definitionInsertion(doc.text, doc.tree, label, url));
      }
      return definitions.get(key);
    };
    return literalReferences(doc.text, doc.tree).map((ref) => {
      const written = doc.text.slice(ref.span.start, ref.span.end);
      const label = ref.label.trim();
      if (URL_LIKE.test(label) && label !== ref.text.trim()) {
        const inline = `${ref.image ? '!' : ''}[${ref.text}](${label})`;
        return {
          span: ref.span,
          message: `Unexpected reference "${written}": no definition has the label "${label}", expected an inline link such as "${inline}".`,
          fix: { span: ref.span, text: inline },
        };
      }
      // A label the upstream texts define (homepage, v2.1, FAQ…) gets its definition back.
      const fix = definitionFor(label);
      return {
        span: ref.span,
        message: `Unexpected reference "${written}": no definition has the label "${label}", expected a line such as "[${label}]: https://…" or an inline link.`,
        ...(fix && { fix }),
      };
    });
  },
};
