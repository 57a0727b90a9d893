import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MISSPELLED_FILE_NAME, RULES, SUPPRESSION_COMMENT, TRANSLATION_DRIFT, UNREADABLE_INPUT } from '../../server/src/core/index';
import { PROJECT_ROOT } from '../support/upstream';

// Keeps the rule registry, the README's rule reference and the settings schema in step, so a
// rule cannot ship undocumented or unconfigurable.
// Fenced examples may contain "## …" lines of their own: they are not README structure.
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const rulesSection = readme.slice(readme.indexOf('\n## Rules'), readme.indexOf('\n## ', readme.indexOf('\n## Rules') + 1));
const documented = [...rulesSection.matchAll(/^### ([a-z0-9-]+)$/gm)].map((m) => m[1]);

describe('rule registry', () => {
  it('has unique kebab-case ids, a summary and a default severity for every rule', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(rule.summary.length > 10, rule.id);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity), rule.id);
    }
  });

  it('documents exactly the registered rules in the README, in order: example, fix, parameters, rationale', () => {
    assert.deepEqual(documented, [...RULES.map((r) => r.id), UNREADABLE_INPUT, SUPPRESSION_COMMENT, MISSPELLED_FILE_NAME, TRANSLATION_DRIFT]);
    for (const id of documented) {
      const start = rulesSection.indexOf(`### ${id}\n`);
      const next = rulesSection.indexOf('\n### ', start + 1);
      const body = rulesSection.slice(start, next < 0 ? undefined : next);
      const order = ['**Fix**', '**Parameters**', '**Rationale**'].map((label) => body.indexOf(label));
      assert.ok(order.every((i) => i > 0) && order[0] < order[1] && order[1] < order[2], `README section for ${id} lacks fix/parameters/rationale in order`);
    }
  });

  it('lets every rule be configured in conduct.rules', () => {
    const schema = manifest.contributes.configuration.properties['conduct.rules'].properties;
    assert.deepEqual(Object.keys(schema).sort(), RULES.map((r) => r.id).sort());
  });
});
