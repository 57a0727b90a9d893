import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deletedPlaceholder } from '../../../server/src/core/rules/deleted-placeholder';
import { covenantBase, runRule } from '../../support/rules';
import { upstreamLibrary, upstreamText } from '../../support/upstream';

describe('deleted-placeholder', () => {
  it('reports a sentence that ends where an upstream text puts its contact placeholder (words derived from the texts)', () => {
    // 1.4 says "… by contacting the project team at [INSERT EMAIL ADDRESS]. All …": take its words, delete the placeholder.
    const upstream = upstreamText('1.4').body;
    const sentence = /[^.\n]*contacting the project team\s+at\s+\[INSERT EMAIL ADDRESS\]\./.exec(upstream);
    assert.ok(sentence, '1.4 has its reporting sentence');
    const text = `## Enforcement\n\n${sentence[0].trim().replace(/\s+at\s+\[INSERT EMAIL ADDRESS\]/, '').replace(/\s+/g, ' ')} All reports are kept private.\n`;
    const findings = runRule(deletedPlaceholder, text, covenantBase('1.4'));
    assert.deepEqual(findings.map((f) => [f.line, f.text]), [[3, '.']]);
    assert.match(findings[0].message, /after "contacting the project team" where the template's contact placeholder was/);
  });

  it('reports a preposition with nothing after it, doubled punctuation and empty emphasis', () => {
    const text = [
      '## Reporting',
      '',
      'Tell the moderators for enforcement at .',
      '',
      'Please reach an organiser as soon as you can. .',
      '',
      'Our address is ****, read daily.',
      '',
      'Call us () any time.',
      '',
    ].join('\n');
    assert.deepEqual(runRule(deletedPlaceholder, text).map((f) => [f.line, f.text]), [
      [3, '.'],
      [5, '.'],
      [7, '****'],
      [9, '()'],
    ]);
  });

  it('leaves alone a thematic break, an ellipsis, code, a filled contact and an unfilled placeholder (another rule reports it)', () => {
    const text = [
      '# Our rules',
      '',
      'Report to the moderators at conduct@pebble.dev. All reports are private.',
      '',
      '****',
      '',
      'We wait… and then act.',
      '',
      'The template read `contacting the project team at .` once.',
      '',
      'Or write to [INSERT EMAIL ADDRESS].',
      '',
    ].join('\n');
    assert.deepEqual(runRule(deletedPlaceholder, text), []);
  });

  it('reports nothing on the verbatim upstream texts', () => {
    const library = upstreamLibrary();
    for (const upstream of library.texts) {
      assert.deepEqual(runRule(deletedPlaceholder, upstream.body).map((f) => f.text), [], `${upstream.entry.version} ${upstream.entry.language}`);
    }
  });
});
