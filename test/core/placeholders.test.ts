import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, findPlaceholders } from '../../server/src/core/index';
import { upstreamLibrary, upstreamText } from '../support/upstream';

describe('placeholders', () => {
  const library = upstreamLibrary();

  it('finds the reporting placeholder of every upstream text that has one, in its own language', () => {
    for (const text of library.texts) {
      const declared = text.frontMatter.reportingPlaceholder;
      const uses = findPlaceholders(text.body, library);
      if (declared) {
        assert.ok(
          uses.some((u) => u.text.replace(/\s+/g, ' ') === declared.replace(/\s+/g, ' ') || u.upstream?.text === declared.replace(/\s+/g, ' ').trim()),
          `${text.entry.version} ${text.entry.language}: ${declared} not found among ${JSON.stringify(uses.map((u) => u.text))}`,
        );
      }
    }
  });

  it('derives translated placeholders from texts without front matter placeholders (1.x)', () => {
    for (const [version, language, expected] of [
      ['1.4', 'de', '[EMAIL ADRESSE EINFÜGEN]'],
      ['1.4', 'iw', '[הכנס כתובת אימייל]'],
      ['1.3', 'ru', '[ВСТАВЬТЕ E-MAIL АДРЕС]'],
    ] as const) {
      const uses = findPlaceholders(upstreamText(version, language).body, library);
      assert.deepEqual(uses.map((u) => u.text), [expected], `${version} ${language}`);
      assert.equal(uses[0].kind, 'reporting');
    }
  });

  it('matches a placeholder wrapped across lines, as 1.4 pt writes it', () => {
    const uses = findPlaceholders(upstreamText('1.4', 'pt').body, library);
    assert.equal(uses.length, 1);
    assert.match(uses[0].text, /^\[INSIRA O ENDEREÇO\s+DE EMAIL\]$/);
  });

  it('finds both of 3.0\'s notes, including the long enforcement note', () => {
    const uses = findPlaceholders(upstreamText('3.0').body, library);
    assert.deepEqual(uses.map((u) => u.kind), ['reporting', 'enforcement']);
    assert.ok(uses[1].text.length > 200, 'the whole enforcement note is one finding');
  });

  it('does not report link labels in upstream Attribution sections as placeholders', () => {
    assert.equal(findPlaceholders(upstreamText('1.4', 'fa-ir').body, library).length, 1);
    assert.equal(findPlaceholders(upstreamText('2.1', 'gl').body, library).length, 1);
  });

  it('reports generic [Insert …] placeholders and skips ones quoted in code', () => {
    const text = 'Write to [Insert contact information].\n\nThe template said `[INSERT CONTACT METHOD]`.\n';
    const { findings } = checkText(text, library);
    assert.deepEqual(findings.filter((f) => f.rule === 'unfilled-placeholder').map((f) => [f.rule, text.slice(f.span.start, f.span.end)]), [['unfilled-placeholder', '[Insert contact information]']]);
  });

  it('accepts backslash-escaped brackets left by Markdown formatters', () => {
    const uses = findPlaceholders('Contact \\[INSERT CONTACT METHOD\\] now.', library);
    assert.deepEqual(uses.map((u) => u.text), ['\\[INSERT CONTACT METHOD\\]']);
  });

  it('reports nothing for a policy whose contact is filled in', () => {
    const { findings } = checkText('# Code of Conduct\n\nReport to conduct@pebble.dev.\n', library);
    assert.deepEqual(findings.filter((f) => f.rule === 'unfilled-placeholder'), []);
  });
});
