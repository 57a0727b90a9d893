/** Where a rule is documented: its section of the README (example, fix, parameters, rationale). */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/conduct-lens/conduct-lens#${ruleId}`;
}
