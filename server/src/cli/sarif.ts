import { MISSPELLED_FILE_NAME, RULES, SUPPRESSION_COMMENT, TRANSLATION_DRIFT, UNREADABLE_INPUT, type Finding } from '../core/index';
import { ruleDocsUrl } from '../ruleDocs';
import type { FileReport } from './report';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };


/**
 * A SARIF 2.1.0 log of the reports, for code-scanning services. Every rule is listed in the
 * driver, so results refer to rules by index as well as id; file paths are relative URIs
 * as given on the command line.
 */
export function toSarif(reports: readonly FileReport[], toolVersion: string): object {
  const rules = [
    ...RULES.map((r) => ({ id: r.id, summary: r.summary, level: LEVEL[r.defaultSeverity] })),
    { id: UNREADABLE_INPUT, summary: 'The file could not be analysed (binary or larger than the limit).', level: 'warning' as const },
    { id: MISSPELLED_FILE_NAME, summary: 'A policy file name GitHub does not recognise as a code of conduct.', level: 'warning' as const },
    { id: TRANSLATION_DRIFT, summary: 'A translation follows another version or wording than the primary policy.', level: 'warning' as const },
    { id: SUPPRESSION_COMMENT, summary: 'A conduct-disable or conduct-enable comment names a rule that does not exist.', level: 'warning' as const },
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'conduct-lens',
            version: toolVersion,
            informationUri: 'https://github.com/conduct-lens/conduct-lens',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        results: reports.flatMap((report) =>
          report.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: index.get(f.rule) ?? -1,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: report.file.split(/[\\/]/).map(encodeURIComponent).join('/') },
                  region: { startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
