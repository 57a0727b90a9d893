import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHANGES_SHOWN, reportBody, reportHtml } from '../../client/src/report/html';
import { isReadyMessage, rangeToReveal } from '../../client/src/report/messages';
import type { ComparedChange, ComparisonView } from '../../server/src/protocol';

const at = (line: number, start: number, end = start) => ({ start: { line, character: start }, end: { line, character: end } });

const VIEW: ComparisonView = {
  version: 3,
  summary: '96% identical to Contributor Covenant 2.1 (en) · 1 section customised · 1 addendum',
  against: 'Contributor Covenant 2.1 (en)',
  target: { version: '2.1', language: 'en' },
  similarity: 0.96,
  counts: { identical: 1, modified: 1, added: 1, removed: 1, moved: 0, wordsChanged: 3, fields: 1 },
  sections: [
    { id: 'pledge', heading: 'Our Pledge', upstreamHeading: 'Our Pledge', status: 'identical', label: 'identical', similarity: 1, range: at(2, 0), changes: [] },
    {
      id: 'enforcement',
      heading: 'Enforcement <Rules>',
      upstreamHeading: 'Enforcement',
      status: 'modified',
      label: 'modified (88% similar)',
      similarity: 0.881,
      range: at(6, 0),
      changes: [
        { kind: 'replace', range: at(8, 4, 12), text: 'stewards', upstreamText: 'leaders' },
        { kind: 'field', range: at(9, 10, 30), text: 'conduct@pebble.example', upstreamText: '[INSERT CONTACT METHOD]' },
        { kind: 'insert', range: at(10, 0, 5), text: 'also', upstreamText: '' },
      ],
    },
    { heading: 'Meetups', status: 'added', label: 'your addendum', similarity: 0, range: at(12, 0), changes: [] },
    { id: 'scope', heading: 'Scope', upstreamHeading: 'Scope', status: 'removed', label: 'left out', similarity: 0, changes: [{ kind: 'delete', range: at(14, 0), text: '', upstreamText: 'This Code of Conduct applies' }] },
  ],
};

describe('comparison report page', () => {
  it('locks the page down: nothing loads, and its one style and one script run only with the nonce', () => {
    const html = reportHtml({ policyName: 'CODE_OF_CONDUCT.md', result: VIEW }, 'abc123');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';">/);
    assert.deepEqual(html.match(/<(script|style)\b[^>]*>/g), ['<style nonce="abc123">', '<script nonce="abc123">']);
    assert.doesNotMatch(html, /\b(src|href)=|https?:|style="/);
  });

  it('shows the summary line, then one row per section with its status and similarity', () => {
    const body = reportBody({ policyName: 'CODE_OF_CONDUCT.md', result: VIEW });
    assert.match(body, /<p class="summary">96% identical to Contributor Covenant 2\.1 \(en\) · 1 section customised · 1 addendum<\/p>/);
    const rows = body.match(/<tr class="status-[a-z]+"[^>]*>.*?<\/tr>/g) ?? [];
    assert.deepEqual(
      rows.map((row) => [/<td>(.*?)(<div|<\/td>)/.exec(row)?.[1], /<span class="status">(.*?)<\/span>/.exec(row)?.[1], /<td class="number">(\d+%|—)/.exec(row)?.[1]]),
      [
        ['Our Pledge', 'identical', '100%'],
        ['Enforcement &lt;Rules&gt;', 'modified (88% similar)', '88%'],
        ['Meetups', 'your addendum', '—'],
        ['Scope', 'left out', '—'],
      ],
    );
    assert.match(rows[1], /<div class="upstream">upstream: Enforcement<\/div>/, 'a renamed section names its upstream heading');
  });

  it('shows word-level changes as struck-out upstream words and inserted policy words', () => {
    const body = reportBody({ policyName: 'p.md', result: VIEW });
    assert.match(body, /<li class="change change-replace" data-change="0" tabindex="0"><del>leaders<\/del> <ins>stewards<\/ins><\/li>/);
    assert.match(body, /<span class="kind">field<\/span> <del>\[INSERT CONTACT METHOD\]<\/del> → <ins>conduct@pebble\.example<\/ins>/);
    assert.match(body, /<li class="change change-insert" data-change="2" tabindex="0"><ins>also<\/ins><\/li>/);
  });

  it('makes only sections that are in the policy clickable', () => {
    const body = reportBody({ policyName: 'p.md', result: VIEW });
    assert.deepEqual([...body.matchAll(/data-section="(\d+)"/g)].map((m) => m[1]), ['0', '1', '2']);
    assert.match(body, /<li class="change change-delete"><del>This Code of Conduct applies<\/del><\/li>/);
  });

  it('escapes everything that comes from the policy or the server', () => {
    const hostile: ComparedChange = { kind: 'insert', range: at(1, 0), text: '<img src=x onerror="alert(1)">\'', upstreamText: '' };
    const result = { ...VIEW, summary: '<script>alert(1)</script>', sections: [{ ...VIEW.sections[0], heading: '"><script>', changes: [hostile] }] };
    const html = reportHtml({ policyName: '<b>name</b>', result }, 'n');
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.doesNotMatch(html, /<img|<b>/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;&#39;/);
  });

  it('lists a long section\'s first changes and counts the rest', () => {
    const changes = Array.from({ length: CHANGES_SHOWN + 5 }, (_, i): ComparedChange => ({ kind: 'insert', range: at(i, 0), text: `word${i}`, upstreamText: '' }));
    const body = reportBody({ policyName: 'p.md', result: { ...VIEW, sections: [{ ...VIEW.sections[1], changes }] } });
    assert.equal(body.match(/<li class="change/g)?.length, CHANGES_SHOWN);
    assert.match(body, /<li class="more">5 more<\/li>/);
  });

  it('shows the server\'s message and a fallback note', () => {
    assert.match(reportBody({ policyName: 'p.md', result: { error: 'There is no Contributor Covenant 9.9.' } }), /<p class="error">There is no Contributor Covenant 9\.9\.<\/p>/);
    assert.match(reportBody({ policyName: 'p.md', result: { ...VIEW, fallback: 'Enforcement was compared by sentence.' } }), /<p class="note">Enforcement was compared by sentence\.<\/p>/);
  });
});

describe('messages from the report', () => {
  it('reveals the section or the change a valid message names', () => {
    assert.deepEqual(rangeToReveal({ type: 'reveal', section: 1 }, VIEW), at(6, 0));
    assert.deepEqual(rangeToReveal({ type: 'reveal', section: 1, change: 1 }, VIEW), at(9, 10, 30));
  });

  it('ignores anything else the webview sends', () => {
    for (const message of [
      null,
      'reveal',
      { type: 'open', section: 1 },
      { type: 'reveal' },
      { type: 'reveal', section: '1' },
      { type: 'reveal', section: 1.5 },
      { type: 'reveal', section: -1 },
      { type: 'reveal', section: 4 },
      { type: 'reveal', section: 1, change: 3 },
      { type: 'reveal', section: 1, extra: true },
      { type: 'reveal', section: 3 },
      { type: 'reveal', section: 3, change: 0 },
    ]) assert.equal(rangeToReveal(message, VIEW), undefined, JSON.stringify(message));
  });

  it('takes { type: "ready" } as the page saying its script ran, and nothing else', () => {
    assert.ok(isReadyMessage({ type: 'ready' }));
    for (const message of [null, 'ready', { type: 'ready', extra: 1 }, { type: 'reveal', section: 0 }]) assert.ok(!isReadyMessage(message), JSON.stringify(message));
  });
});
