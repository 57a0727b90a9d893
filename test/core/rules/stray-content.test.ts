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

  it('reports a truncated hunk header, with or without its second range', () => {
    const text = '# Rules\n\n@@ -12\nBe kind.\n\n@@ -1,4 +1,5\nBe patient.\n';
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [[3, '@@ -12'], [6, '@@ -1,4 +1,5']], listed(text, findings));
    assert.equal(applyFixes(text, findings), '# Rules\n\nBe kind.\n\nBe patient.\n');
  });

  it('reports chat citation markers and numbered source tags on the marker, and the fix removes them', () => {
    const text = [
      '# Rules',
      '',
      'We reply to reports within a week 【4†source】 and keep them private.:contentReference[oaicite:2]{index=2}',
      '',
      'Harassment is never allowed.[1] Would you like me to add a section on appeals?',
      '',
      'Let me know if you\'d like a shorter version.',
      '',
    ].join('\n');
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [
      [3, '【4†source】'],
      [3, ':contentReference[oaicite:2]{index=2}'],
      [5, 'Harassment is never allowed.[1] Would you like me to add a section on appeals?'],
      [5, '[1]'],
      [7, 'Let me know if you\'d like a shorter version.'],
    ], listed(text, findings));
    assert.match(findings[0].message, /^Unexpected citation marker "【4†source】", expected policy text/);
    assert.equal(
      applyFixes(text, findings.filter((f) => f.fix)),
      '# Rules\n\nWe reply to reports within a week and keep them private.\n\nHarassment is never allowed. Would you like me to add a section on appeals?\n\nLet me know if you\'d like a shorter version.\n',
    );
  });

  it('leaves alone numbered reference links, footnote lists and bracketed numbers in prose', () => {
    const text = '# Rules\n\nSee the guide[1] for details.\n\n[1] Our handbook, chapter two.\n\nOptions [1] and [2] are both fine.\n\n[1]: https://example.org/guide\n';
    const findings = run(strayContent, text);
    assert.deepEqual(findings, [], listed(text, findings));
  });

  it('reports front matter after the title as a warning with its removal, and at the top as a note', () => {
    const after = '# House rules\n\n---\nstatus: accepted\ndate: 2025-01-01\n---\n\nBe kind.\n';
    const findings = run(strayContent, after);
    assert.deepEqual(seen(after, findings).map((s) => s.line), [3], listed(after, findings));
    assert.equal(findings[0].severity, undefined);
    assert.match(findings[0].message, /^Unexpected front matter after the title, expected policy text/);
    assert.equal(applyFixes(after, findings), '# House rules\n\nBe kind.\n');

    const top = '---\nlayout: page\ntitle: House rules\n---\n\n# House rules\n\nBe kind.\n';
    const atTop = run(strayContent, top);
    assert.deepEqual(atTop.map((f) => [seen(top, [f])[0].line, f.severity, f.fix]), [[1, 'information', undefined]], listed(top, atTop));
  });

  it('leaves alone thematic breaks around ordinary text', () => {
    for (const text of ['# Rules\n\n---\n\nBe kind.\n\n---\n', '---\n\nBe kind. Note: this is text.\n\n---\n', '# Rules\n\n---\nBe kind: always.\nAnd patient.\n---\n']) {
      const findings = run(strayContent, text);
      assert.deepEqual(findings, [], `${text}\n${listed(text, findings)}`);
    }
  });

  it('reports converter escapes and pandoc attribute blocks, and the fix removes them', () => {
    const text = [
      '# Rules',
      '',
      '## Scope {#scope .unnumbered}',
      '',
      'It\\\'s our \\"house\\" policy for the code\\-of\\-conduct team.',
      '',
      'Read the [guide](https://example.org/guide){.external target="_blank"} first.',
      '',
    ].join('\n');
    const findings = run(strayContent, text);
    assert.deepEqual(seen(text, findings).map((s) => [s.line, s.text]), [
      [3, '{#scope .unnumbered}'],
      [5, '\\\'s our \\"house\\" policy for the code\\-of\\-'],
      [7, '{.external target="_blank"}'],
    ], listed(text, findings));
    assert.equal(applyFixes(text, findings), '# Rules\n\n## Scope\n\nIt\'s our "house" policy for the code-of-conduct team.\n\nRead the [guide](https://example.org/guide) first.\n');
  });

  it('leaves alone escapes Markdown needs, and braces in prose', () => {
    const text = '# Rules\n\n\\- not a list item, and 2\\*3 and \\_name\\_ stay.\n\nA set {a, b} and a template {name} are prose.\n';
    const findings = run(strayContent, text);
    assert.deepEqual(findings, [], listed(text, findings));
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n\n', '@@', '@@ -1 +1 @@', '<<<<<<<', '=======\n>>>>>>>', 'https://x', '1\n\n2\n\n3', '\r\r\r']) run(strayContent, text);
  });
});
