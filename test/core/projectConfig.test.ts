import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, parseBaseChoice, parseProjectConfig, RULES } from '../../server/src/core/index';
import { seed, upstreamLibrary } from '../support/upstream';

const known = new Set(RULES.map((r) => r.id));

describe('project config file (.conductrc.json)', () => {
  it('reads rules, base and contact from JSON with comments and trailing commas', () => {
    const text = `{
  // The team fills the contact at release time.
  "rules": { "unfilled-placeholder": "off", "missing-section": "hint", },
  /* pinned: our translation */
  "base": "2.1/de",
  "contact": " conduct@example.org ",
}`;
    assert.deepEqual(parseProjectConfig(text, known), {
      config: { rules: { 'unfilled-placeholder': 'off', 'missing-section': 'hint' }, base: { version: '2.1', language: 'de' }, contact: 'conduct@example.org' },
      problems: [],
    });
  });

  it('reads "auto" as asking for detection', () => {
    assert.equal(parseProjectConfig('{ "base": "auto" }', known).config.base, 'auto');
  });

  it('says where the syntax error is and ignores the file', () => {
    const { config, problems } = parseProjectConfig('{\n  "rules": { "unfilled-placeholder": "off" }\n  "base": "2.1"\n}', known);
    assert.deepEqual(config, { rules: {} });
    assert.deepEqual(problems, [{ line: 3, column: 3, message: 'JSON syntax error: comma expected; the file is ignored until it is fixed.' }]);
  });

  it('drops each bad value with one problem line naming what was expected, keeping the good ones', () => {
    const { config, problems } = parseProjectConfig('{"rules": {"no-such-rule": "off", "mojibake": "loud", "vandalism": "error"}, "base": "newest", "contact": 7, "extends": "x"}', known);
    assert.deepEqual(config, { rules: { vandalism: 'error' } });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        '"rules": unknown rule "no-such-rule"; ignoring it.',
        '"rules"."mojibake": expected one of error, warning, information, hint, off; using the default.',
        '"base": expected "auto", a version such as "2.1", or a version and language such as "2.1/de"; ignoring it.',
        '"contact": expected a non-empty string, such as "conduct@example.org"; ignoring it.',
        'Unknown key "extends"; expected "rules", "base" or "contact".',
      ],
    );
    assert.deepEqual({ line: problems[0].line, column: problems[0].column }, { line: 1, column: 12 });
  });

  it('asks for an object when the file holds something else', () => {
    assert.match(parseProjectConfig('[]', known).problems[0].message, /^Expected an object/);
    assert.match(parseProjectConfig('{"rules": []}', known).problems[0].message, /^"rules": expected an object/);
  });

  it('reads base choices: auto, version, version/language; nothing else', () => {
    assert.equal(parseBaseChoice('auto'), 'auto');
    assert.deepEqual(parseBaseChoice('1.4'), { version: '1.4' });
    assert.deepEqual(parseBaseChoice('2.1/pt-BR'), { version: '2.1', language: 'pt-br' });
    for (const bad of ['2', 'v2.1', '2.1/de@1234567', 2.1, '']) assert.equal(parseBaseChoice(bad), 'invalid', String(bad));
  });
});

describe('a configured base', () => {
  it('replaces the detected base: seed 001 (detected 2.0) is measured against 2.1', () => {
    const detected = checkText(seed('001'), upstreamLibrary());
    assert.equal(detected.base?.version, '2.0');
    const configured = checkText(seed('001'), upstreamLibrary(), { base: { version: '2.1' } });
    assert.equal(configured.base?.version, '2.1');
    assert.equal(configured.base?.language, 'en', 'the detected language is kept');
    assert.equal(configured.base?.layer, 'configured');
    assert.equal(configured.base?.source?.entry.version, '2.1');
    assert.ok(configured.base!.similarity > 0 && configured.base!.similarity < detected.base!.similarity);
  });

  it('takes the language the user names', () => {
    const configured = checkText(seed('001'), upstreamLibrary(), { base: { version: '2.1', language: 'de' } });
    assert.deepEqual([configured.base?.version, configured.base?.language], ['2.1', 'de']);
  });

  it('is ignored when no such text is bundled: detection decides', () => {
    assert.equal(checkText(seed('001'), upstreamLibrary(), { base: { version: '9.9' } }).base?.version, '2.0');
    assert.equal(checkText(seed('001'), upstreamLibrary(), { base: { version: '2.1', language: 'xx' } }).base?.layer, 'shingles');
  });
});
