import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT, upstreamLibrary } from '../support/upstream';

interface Snippet {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

const SNIPPET_FILE = join(PROJECT_ROOT, 'snippets/conduct.code-snippets');
const SHINGLE = 8;

function snippets(): [string, Snippet][] {
  return Object.entries(JSON.parse(readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, Snippet>);
}

const bodyOf = (snippet: Snippet) => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);

/** The text a snippet inserts when every tab stop keeps its default: placeholders' text, a choice's first option, nothing for a bare stop. */
function defaultText(body: string): string {
  let text = body;
  // Innermost first, so nested placeholders unwrap from the inside out.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)/g, '2026')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text;
}

const words = (text: string) => text.toLocaleLowerCase('und').match(/[\p{L}\p{N}]+/gu) ?? [];

function shingles(text: string): string[] {
  const list = words(text);
  const found: string[] = [];
  for (let i = 0; i + SHINGLE <= list.length; i++) found.push(list.slice(i, i + SHINGLE).join(' '));
  return found;
}

describe('snippets', () => {
  it('is a JSON object of snippets, each with a prefix, a description and a body', () => {
    const all = snippets();
    assert.ok(all.length >= 10, `only ${all.length} snippets`);
    for (const [name, snippet] of all) {
      assert.ok(snippet.prefix && snippet.body, `${name} lacks a prefix or body`);
      assert.ok(snippet.description, `${name} has no description`);
    }
  });

  it('gives every snippet a prefix that starts with conduct-, and no two the same prefix', () => {
    const prefixes = snippets().flatMap(([, s]) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    for (const prefix of prefixes) assert.match(prefix, /^conduct-[a-z0-9.-]+$/);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  it('offers the addenda and skeletons the issue names', () => {
    const prefixes = new Set(snippets().map(([, s]) => s.prefix));
    for (const expected of ['conduct-appeals', 'conduct-reporting', 'conduct-security', 'conduct-events', 'conduct-ai', 'conduct-contacts', 'conduct-footer', 'conduct-skeleton-2.1', 'conduct-skeleton-3.0']) {
      assert.ok(prefixes.has(expected), `no snippet ${expected}`);
    }
  });

  it('puts a numbered tab stop in every body, and only well-formed $ syntax', () => {
    for (const [name, snippet] of snippets()) {
      const body = bodyOf(snippet);
      assert.match(body, /\$\{[1-9]\d*[:|]|\$[1-9]/, `${name} has no tab stop to fill`);
      // Every $ opens a tab stop, a placeholder, a choice or a variable; a stray one would be inserted literally.
      for (const match of body.matchAll(/\$/g)) assert.match(body.slice(match.index, match.index + 3), /^\$(\d|\{\d|\{[A-Z]|[A-Z])/, `${name}: stray $`);
      // Unwrapping every construct leaves no snippet syntax behind when the braces balance.
      assert.doesNotMatch(defaultText(body), /\$|[{}]/, `${name}: unbalanced snippet syntax`);
    }
  });

  it('holds no eight-word run of any bundled upstream text, in any language or earlier wording', () => {
    const library = upstreamLibrary();
    const upstream = new Set<string>();
    for (const text of [...library.texts, ...library.revisions, ...library.families]) for (const shingle of shingles(text.body)) upstream.add(shingle);
    assert.ok(upstream.size > 10_000, 'the bundled texts were not read');
    for (const [name, snippet] of snippets()) {
      for (const text of [bodyOf(snippet), defaultText(bodyOf(snippet)), snippet.description ?? '']) {
        const copied = shingles(text).filter((s) => upstream.has(s));
        assert.deepEqual(copied, [], `${name} repeats upstream wording`);
      }
    }
  });
});
