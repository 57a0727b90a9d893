import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { undefinedReference } from '../../../server/src/core/rules/undefined-reference';
import { applyFixes, context, covenantBase, UNKNOWN_BASE } from '../../support/rules';
import { upstreamText } from '../../support/upstream';
import type { PolicyBase } from '../../../server/src/core/index';

function fixed(text: string, base: PolicyBase = UNKNOWN_BASE): string {
  return applyFixes(text, undefinedReference.check(context(text, {}, base)).slice(0, 1));
}

/** The definition an upstream text gives a label, read from the bundled text at run time. */
function upstreamDefinition(version: string, label: string): string {
  const line = upstreamText(version).body.split('\n').find((l) => l.startsWith(`[${label}]: `));
  assert.ok(line, `Contributor Covenant ${version} defines no [${label}]`);
  return line;
}

describe('undefined-reference fix: define a missing reference link', () => {
  it('appends the definition the upstream text gives a label the policy uses but dropped', () => {
    const text = '# Our rules\n\nWe adapted the [Contributor Covenant][homepage] for our club.\n';
    const findings = undefinedReference.check(context(text, {}, covenantBase('2.1')));
    assert.equal(findings[0].fix?.title, `Define [homepage] as ${upstreamDefinition('2.1', 'homepage').slice('[homepage]: '.length)}`);
    assert.equal(fixed(text, covenantBase('2.1')), `${text}\n${upstreamDefinition('2.1', 'homepage')}\n`);
  });

  it('takes the definition of the version the body follows, for a version label', () => {
    const text = '# Our rules\n\nRead the [original text][v2.0].\n';
    assert.equal(fixed(text, covenantBase('2.0')), `${text}\n${upstreamDefinition('2.0', 'v2.0')}\n`);
  });

  it('writes the definition after the policy\'s last definition, in its line ends', () => {
    const text = '# Our rules\r\n\r\nSee the [FAQ] and the [Contributor Covenant][homepage].\r\n\r\n[FAQ]: https://example.org/faq\r\n\r\nThanks.\r\n';
    const expected = text.replace('[FAQ]: https://example.org/faq', `[FAQ]: https://example.org/faq\r\n${upstreamDefinition('2.1', 'homepage')}`);
    assert.equal(fixed(text, covenantBase('2.1')), expected);
  });

  it('separates the definition from a last paragraph with no line end by a blank line', () => {
    const text = 'Thanks to the [Contributor Covenant][homepage].';
    assert.equal(fixed(text, covenantBase('2.1')), `${text}\n\n${upstreamDefinition('2.1', 'homepage')}`);
  });

  it('offers nothing for a label no upstream text defines, and nothing where the end of the file is inside code', () => {
    const unknown = '# Our rules\n\nSee [our guide][guide].\n';
    assert.equal(undefinedReference.check(context(unknown, {}, covenantBase('2.1')))[0].fix, undefined);
    const fenced = '# Our rules\n\nSee the [Contributor Covenant][homepage].\n\n```\nunclosed code\n';
    assert.equal(undefinedReference.check(context(fenced, {}, covenantBase('2.1')))[0].fix, undefined);
  });

  it('offers nothing where the line after the new definition would be read as its title', () => {
    const text = '# Our rules\n\nSee the [FAQ][faq] and the [Contributor Covenant][homepage].\n\n[faq]: https://example.org/faq "Answers"\n"Quoted on its own line"\n';
    assert.equal(undefinedReference.check(context(text, {}, covenantBase('2.1')))[0].fix, undefined);
  });

  it('makes the reference a link: after the fix the rule reports nothing', () => {
    const text = '# Our rules\n\nWe adapted the [Contributor Covenant][homepage].\n';
    assert.deepEqual(undefinedReference.check(context(fixed(text, covenantBase('2.1')), {}, covenantBase('2.1'))), []);
  });
});
