import { RULES, SEVERITIES } from './core/index';

/**
 * The JSON schema of `.conductrc.json`, built from the rule registry so the rule ids and
 * their descriptions cannot drift from the rules. package.json contributes the generated
 * file (schemas/conductrc.schema.json) through jsonValidation; `npm run schema` rewrites it
 * and a unit test fails when it is stale.
 */
export function conductrcSchema(): object {
  const severity = (description: string, fallback: string) => ({ type: 'string', enum: SEVERITIES, default: fallback, description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Conduct Lens project configuration',
    description: 'Shared by the editor and the conduct-lens CLI; found upward from the policy. Wins over editor settings for rules and base.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Severity per rule id; "off" disables a rule.',
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((rule) => [rule.id, severity(rule.summary, rule.defaultSeverity)])),
      },
      base: {
        type: 'string',
        description: 'The Contributor Covenant text to compare with: "auto" (detect it), a version such as "2.1", or a version and language such as "2.1/de".',
        pattern: '^(auto|\\d+\\.\\d+(/[A-Za-z-]+)?)$',
        default: 'auto',
      },
      contact: {
        type: 'string',
        minLength: 1,
        description: 'What the "fill placeholder" quick fix puts in a contact placeholder (after the conduct.contact setting).',
      },
    },
  };
}
