import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, RULES } from '../../../server/src/core/index';
import { mojibake } from '../../../server/src/core/rules/mojibake';
import { seed, upstreamLibrary } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('mojibake', () => {
  it('reports every emoji of seed 000 that went through Mac OS Roman, with its repair', () => {
    const text = seed('000');
    const findings = run(mojibake, text);
    assert.deepEqual(
      seen(text, findings).map((s) => s.line),
      [13, 23, 33, 41, 49, 63, 67, 68, 76, 88, 93, 107, 110, 113, 123, 124],
      listed(text, findings),
    );
    assert.deepEqual(
      findings.map((f) => f.fix?.text),
      ['✅', '❌', '🤝', '💬', '🔒', '📢', '📧', '📝', '⚖️', '📋', '🎯', '📜', '🌍', '📚', '📧', '📝'],
    );
    assert.match(findings[0].message, /^Unexpected "‚úÖ", expected "✅": UTF-8 text was decoded as Mac OS Roman/);
  });

  it('reports the garbled copyright sign of seed 002 as Windows-1252', () => {
    const text = seed('002');
    const findings = run(mojibake, text);
    assert.deepEqual(seen(text, findings), [{ line: 124, text: 'Â©' }], listed(text, findings));
    assert.deepEqual(findings[0].fix, { span: findings[0].span, text: '©' });
    assert.match(findings[0].message, /Windows-1252/);
  });

  it('reports one finding per line, spanning every garbled run on it', () => {
    const text = '# Our team\n\nWrite to RenÃ©e or to ZoÃ« MÃ¼ller.\n\nThatâ€™s all.\n';
    const findings = run(mojibake, text);
    assert.deepEqual(seen(text, findings), [
      { line: 3, text: 'Ã©e or to ZoÃ« MÃ¼' },
      { line: 5, text: 'â€™' },
    ]);
    assert.equal(applyFixes(text, findings), '# Our team\n\nWrite to Renée or to Zoë Müller.\n\nThat’s all.\n');
  });

  it('repairs Latin-1 forms, text garbled twice, and a garbled byte order mark', () => {
    const cases: [string, string][] = [
      ['Itâ\u0080\u0099s fine.', 'It’s fine.'],
      ['ItÃ¢â‚¬â„¢s fine.', 'It’s fine.'],
      ['ï»¿# Rules\n', '# Rules\n'],
      ['Zasady: gÄ™Å›lÄ… jaÅºÅ„.', 'Zasady: gęślą jaźń.'],
      ['ÐŸÑ€Ð°Ð²Ð¸Ð»Ð°', 'Правила'],
      ['Ð² Ð¼Ð¸Ñ€Ðµ Ð¸ Ð´Ð¾Ð¼Ðµ', 'в мире и доме'],
      ['è¡Œä¸ºå‡†åˆ™', '行为准则'],
      ['Caf√© rules', 'Café rules'],
    ];
    for (const [garbled, clean] of cases) {
      const findings = run(mojibake, garbled);
      assert.equal(findings.length, 1, `${garbled}\n${listed(garbled, findings)}`);
      assert.equal(applyFixes(garbled, findings), clean);
    }
    assert.match(run(mojibake, 'ï»¿# Rules\n')[0].message, /expected nothing \(it is a byte order mark\)/);
  });

  it('reports nothing for genuine non-ASCII text', () => {
    for (const text of [
      'Maintainers: Zoë Müller, François Ñúñez, Łucja Świątek, Søren Ærø, Dvořák.',
      'Die Regeln gelten „für alle“, auch für den „Gruß“. GROẞ“ und groß“ bleiben.',
      '« Élan » et “élan”, ‘à’ et —Él dijo— …é, CAFÉ” and É… stay as they are.',
      '行为准则适用于所有人。 行動規範 🤝 ✅ ⚖️ 📧 — © 2025 ™ ® ° ± ≈ √2 ∞ ¬p',
      'Правила поведения. قواعد السلوك. כללי התנהגות. Κώδικας δεοντολογίας.',
      'A price of 5 € or £3, a 90° turn, ½ cup, x² and ¿qué? ¡sí!',
    ]) {
      const findings = run(mojibake, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('leaves garbled text quoted in code alone', () => {
    assert.deepEqual(run(mojibake, 'A garbled apostrophe looks like `â€™`.\n\n```\nÂ©\n```\n'), []);
  });

  it('reports nothing on any upstream text, in all its languages', () => {
    for (const text of upstreamLibrary().texts) {
      const findings = run(mojibake, text.body);
      assert.deepEqual(findings, [], `${text.entry.version} ${text.entry.language}\n${listed(text.body, findings)}`);
    }
  });

  it('hands its repair to the engine as the finding\'s fix', () => {
    const severities = Object.fromEntries(RULES.map((r) => [r.id, r.id === 'mojibake' ? 'warning' : 'off'] as const));
    const text = '# Rules\n\nBe kind â€” always.\n';
    const { findings } = checkText(text, upstreamLibrary(), { severities });
    assert.deepEqual(findings.map((f) => [f.rule, f.fix?.text]), [['mojibake', '—']]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', 'Ã', 'â€', '\uD800', '\uF8FF', 'ð\u009f\u0098', '√'.repeat(1000), 'Ã©'.repeat(5000)]) run(mojibake, text);
  });
});
