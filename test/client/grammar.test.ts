import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { PROJECT_ROOT } from '../support/upstream';

const INJECTION = 'conduct.placeholder.injection';

/**
 * A small stand-in for VS Code's Markdown grammar, written for this test: the scopes our
 * injection selector refers to (fenced code, inline code, headings, bold) and nothing else.
 */
const MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '^(#{1,6})\\s+(.*)$', name: 'markup.heading.markdown', captures: { 1: { name: 'punctuation.definition.heading.markdown' }, 2: { name: 'entity.name.section.markdown' } } },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { match: '\\*\\*[^*]+\\*\\*', name: 'markup.bold.markdown' },
  ],
};

let markdown: IGrammar;

/** Each token's text and scopes, line by line, as VS Code would colour them. */
function tokens(text: string): { text: string; scopes: string[] }[] {
  let state = INITIAL;
  return text.split('\n').flatMap((line) => {
    const result = markdown.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token whose text is `text` (the first one). */
function scopesOf(text: string, source: string): string[] {
  const token = tokens(source).find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(tokens(source).map((t) => t.text))}`);
  return token.scopes;
}

describe('the injection grammar (syntaxes/)', () => {
  before(async () => {
    const wasm = readFileSync(join(PROJECT_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
    const contribution = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION);
    assert.deepEqual(contribution.injectTo, ['text.html.markdown']);
    const path = join(PROJECT_ROOT, contribution.path);
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scopeName) => {
        if (scopeName === INJECTION) return parseRawGrammar(readFileSync(path, 'utf8'), path);
        if (scopeName === 'text.html.markdown') return parseRawGrammar(JSON.stringify(MARKDOWN), 'markdown.json');
        return null;
      },
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
    });
    const grammar = await registry.loadGrammar('text.html.markdown');
    assert.ok(grammar);
    markdown = grammar;
  });

  it('marks placeholders in prose, brackets and braces alike', () => {
    assert.ok(scopesOf('[INSERT CONTACT METHOD]', 'Write to [INSERT CONTACT METHOD] today.').includes('invalid.deprecated.placeholder.conduct'));
    assert.ok(scopesOf('{{ contact }}', 'Write to {{ contact }} today.').includes('invalid.deprecated.placeholder.conduct'));
    assert.ok(!scopesOf('Write to ', 'Write to [INSERT CONTACT METHOD] today.').includes('invalid.deprecated.placeholder.conduct'));
  });

  it('leaves placeholders inside code alone', () => {
    const fenced = tokens('```\n[INSERT CONTACT METHOD]\n```').find((t) => t.text.includes('INSERT'));
    assert.ok(fenced && !fenced.scopes.includes('invalid.deprecated.placeholder.conduct'), JSON.stringify(fenced));
    assert.ok(!scopesOf('`[INSERT X]`', 'Type `[INSERT X]` here.').includes('invalid.deprecated.placeholder.conduct'));
  });

  it('marks the ladder\'s field labels, bold or plain, of 2.x and 3.0', () => {
    for (const label of ['Community Impact', 'Consequence', 'Event', 'Repair']) {
      const bold = scopesOf(label, `**${label}**: what happened, in a sentence.`);
      assert.ok(bold.includes('entity.other.attribute-name.ladder-field.conduct') && bold.includes('markup.bold.markdown'), `${label}: ${bold}`);
      assert.ok(scopesOf(label, `${label}: what happened.`).includes('entity.other.attribute-name.ladder-field.conduct'), label);
    }
    assert.ok(scopesOf('Consequence', '**Consequence:** a warning.').includes('entity.other.attribute-name.ladder-field.conduct'));
  });

  it('does not mark the same words in running prose', () => {
    assert.ok(tokens('Every event has a consequence we repair together.').every((t) => !t.scopes.includes('entity.other.attribute-name.ladder-field.conduct')));
    assert.ok(tokens('The Consequence of this is clear.').every((t) => !t.scopes.includes('entity.other.attribute-name.ladder-field.conduct')));
  });

  it('marks rung headings as headings and as rungs, numbered or not, 2.x and 3.0', () => {
    for (const heading of ['### 1. Correction', '### 2. Warning', '### 3. Temporary Ban', '#### Permanent Ban', '### 2) Temporarily Limited Activities', '### 3. Temporary Suspension']) {
      const name = heading.replace(/^#+ (?:\d[.)] )?/, '');
      const scopes = scopesOf(name, heading);
      assert.ok(scopes.includes('entity.name.tag.rung.conduct') && scopes.includes('markup.heading.markdown') && scopes.includes('entity.name.section.markdown'), `${heading}: ${scopes}`);
    }
  });

  it('leaves other headings and a rung name in prose as they were', () => {
    assert.ok(tokens('## Enforcement Guidelines').every((t) => !t.scopes.includes('entity.name.tag.rung.conduct')));
    assert.ok(tokens('### A warning about spam').every((t) => !t.scopes.includes('entity.name.tag.rung.conduct')));
    assert.ok(tokens('We give a Warning first.').every((t) => !t.scopes.includes('entity.name.tag.rung.conduct')));
  });
});
