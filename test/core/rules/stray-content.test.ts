import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strayContent } from '../../../server/src/core/rules/stray-content';
import { seed } from '../../support/upstream';
import { applyFixes, listed, run, seen } from '../../support/rules';

describe('stray-content', () => {
  it('reports the page-margin URL inside the Temporary Ban rung of seed 004 (text from a PDF), naming the rung', () => {
    const text = seed('004');
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings), [{ line: 130, text: 'https://thealliance.ai/' }], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected line "https:\/\/thealliance\.ai\/" inside "(?:3\. )?Temporary Ban", expected policy text/);
    assert.ok(!applyFixes(text, findings).includes('https://thealliance.ai/\n'), 'the fix removes the line');
  });

  it('reports nothing on seeds 000–003', () => {
    for (const n of ['000', '001', '002', '003']) {
      const text = seed(n);
      assert.deepEqual(run(strayContent, text), [], `${n}\n${listed(text, run(strayContent, text))}`);
    }
  });

  it('reports a pasted diff: hunk header, file headers and changed lines, but not list items', () => {
    const text = [
      '# House rules',
      '',
      'diff --git a/CONDUCT.md b/CONDUCT.md',
      '--- a/CONDUCT.md',
      '+++ b/CONDUCT.md',
      '@@ -12,7 +12,9 @@ Be kind',
      '-Be nice to people.',
      '+Be kind to everyone.',
      ' Context stays.',
      '',
      '- a real list item',
      '+ another list item',
      '',
    ].join('\n');
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [
      [3, 'diff --git a/CONDUCT.md b/CONDUCT.md'],
      [4, '--- a/CONDUCT.md'],
      [5, '+++ b/CONDUCT.md'],
      [6, '@@ -12,7 +12,9 @@ Be kind'],
      [7, '-Be nice to people.'],
      [8, '+Be kind to everyone.'],
    ], listed(text, findings));
    assert.match(findings[3].message, /^Unexpected diff hunk header "@@ -12,7 \+12,9 @@ Be kind", expected policy text/);
  });

  it('reports merge conflict markers, and leaves a setext underline alone', () => {
    const text = 'Title\n=======\n\n<<<<<<< HEAD\nReport to the team.\n=======\nReport to the board.\n>>>>>>> feature\n';
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings).map((s) => s.line), [4, 6, 8], listed(text, findings));
  });

  it('reports what an AI assistant said around the policy', () => {
    const text = [
      'Certainly! Here is a code of conduct for your project:',
      '',
      '# Code of Conduct',
      '',
      'We treat each other with respect.',
      '',
      'I hope this helps! Let me know if you would like me to adjust the tone.',
      '',
      'As an AI language model, I cannot give legal advice.',
      '',
    ].join('\n');
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings).map((s) => s.line), [1, 7, 9], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected assistant chatter "Certainly! Here is a code of conduct for your project:", expected policy text/);
  });

  it('reports page numbers and running headers in plain text, not the title or closing line', () => {
    const page = (n: number) => [
      'Example Project Conduct Policy',
      '',
      `We expect everyone on page ${n} to be kind to one another and to`,
      'report problems to the stewards.',
      '',
      `Page ${n} of 3`,
      '',
    ];
    const text = [...page(1), ...page(2), ...page(3), 'Thank you.', ''].join('\n');
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [
      [6, 'Page 1 of 3'],
      [8, 'Example Project Conduct Policy'],
      [13, 'Page 2 of 3'],
      [15, 'Example Project Conduct Policy'],
      [20, 'Page 3 of 3'],
    ], listed(text, findings));
  });

  it('leaves alone a URL that the text introduces, a URL in Markdown, and quoted diffs in code', () => {
    for (const text of [
      'Our Pledge\n\nWe are kind.\n\nReport through the form at:\n\nhttps://example.org/report\n\nWe reply within a week.\n',
      '# Reporting\n\n## Form\n\nhttps://example.org/report\n\nWe reply within a week.\n',
      '# Changes\n\n```diff\n@@ -1,2 +1,2 @@\n-old\n+new\n```\n\nThe `@@ -1 +1 @@` header is not ours.\n',
      '# Notes\n\nSure, we can meet. Let me know if you have concerns, and we hope this policy helps.\n',
    ]) {
      const findings = run(strayContent, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n\n', '@@', '@@ -1 +1 @@', '<<<<<<<', '=======\n>>>>>>>', 'https://x', '1\n\n2\n\n3', '\r\r\r']) run(strayContent, text);
  });
});
