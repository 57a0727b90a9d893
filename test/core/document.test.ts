import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, findPlaceholders, LineIndex, parseConductDocument } from '../../server/src/core/index';
import { upstreamLibrary, upstreamText } from '../support/upstream';

const library = upstreamLibrary();
const parse = (text: string) => parseConductDocument(text, library);
const ids = (text: string) => parse(text).sections.map((s) => s.id ?? `custom:${s.heading.title}`);

describe('document model: headings and formats', () => {
  it('reads ATX and setext headings, with numbers, emoji and trailing punctuation', () => {
    const doc = parse('Rules\n=====\n\n## 1. Our Pledge 🤝\n\nx\n\nScope:\n------\n\ny\n');
    assert.equal(doc.format, 'markdown');
    assert.deepEqual(doc.headings.map((h) => [h.depth, h.source]), [[1, 'setext'], [2, 'atx'], [2, 'setext']]);
    assert.deepEqual(doc.sections.map((s) => s.id), [undefined, 'pledge', 'scope']);
  });

  it('takes a bold line that names a standard section as its heading, but not a bold field label', () => {
    const doc = parse('# Rules\n\n## Intro\n\nHi.\n\n**Our Pledge**\n\nWe promise.\n\n**Community Impact**: something.\n');
    assert.deepEqual(doc.headings.map((h) => [h.title, h.source]), [['Rules', 'atx'], ['Intro', 'atx'], ['Our Pledge', 'bold']]);
  });

  it('reads reStructuredText underlined titles', () => {
    const doc = parse('Code of Conduct\n~~~~~~~~~~~~~~~\n\nOur Pledge\n^^^^^^^^^^\n\nWe promise.\n\nScope\n^^^^^\n\nEverywhere.\n');
    assert.equal(doc.format, 'rst');
    assert.deepEqual(doc.sections.map((s) => [s.heading.depth, s.id ?? null]), [[1, null], [2, 'pledge'], [2, 'scope']]);
  });

  it('reads plain text: title-like lines become headings, numbered rung names become rungs', () => {
    const text = 'Pebble Club Code of Conduct\n\nOur Pledge\nWe promise to be kind to everyone\nwho joins us.\n\nHow we meet\n\nOn Tuesdays.\n\nEnforcement Guidelines\n\n1. Correction\n\nCommunity Impact: a slip.\n\n2. Warning\n\nCommunity Impact: repeated slips.\n';
    const doc = parse(text);
    assert.equal(doc.format, 'plain');
    assert.deepEqual(doc.sections.map((s) => [s.heading.depth, s.heading.title, s.id ?? null]), [
      [1, 'Pebble Club Code of Conduct', null],
      [2, 'Our Pledge', 'pledge'],
      [2, 'How we meet', null],
      [2, 'Enforcement Guidelines', 'enforcement-guidelines'],
      [3, '1. Correction', null],
      [3, '2. Warning', null],
    ]);
    assert.deepEqual(doc.ladder.map((r) => [r.id, r.fields.map((f) => f.id)]), [['correction', ['community-impact']], ['warning', ['community-impact']]]);
  });
});

describe('document model: sections', () => {
  it('recognises standard sections by translated headings derived from the upstream texts', () => {
    assert.deepEqual(ids('# Verhaltenskodex\n\n## Unsere Verpflichtung\n\nx\n\n## Geltungsbereich\n\ny\n\n## Durchsetzungsrichtlinien\n\nz\n'), [
      'custom:Verhaltenskodex', 'pledge', 'scope', 'enforcement-guidelines',
    ]);
  });

  it('recognises 1.x "Our Responsibilities" and 3.0 "Reporting an Issue"', () => {
    assert.deepEqual(ids('# T\n\n## Our Responsibilities\n\nx\n\n## Reporting an Issue\n\ny\n').slice(1), ['responsibilities', 'reporting']);
  });

  it('recognises a renamed section by its wording', () => {
    const body = upstreamText('2.1').body.replace(/^## Enforcement$/m, '## Reporting and Enforcement');
    const { doc } = checkText(body, library);
    const renamed = doc?.sections.find((s) => s.heading.title === 'Reporting and Enforcement');
    assert.deepEqual([renamed?.id, renamed?.recognizedBy], ['enforcement', 'content']);
  });

  it('keeps unrecognised sections as custom addenda', () => {
    const doc = parse('# T\n\n## Our Pledge\n\nx\n\n## Conference Photography\n\nAsk first.\n');
    assert.deepEqual(doc.sections.map((s) => s.id), [undefined, 'pledge', undefined]);
  });
});

describe('document model: ladder', () => {
  it('reads 3.0 rungs written as "1)" lists with Event, Consequence and Repair fields', () => {
    const doc = parse(upstreamText('3.0').body);
    assert.deepEqual(doc.ladder.map((r) => [r.id, r.form, r.fields.map((f) => f.id)]), [
      ['warning', 'list', ['event', 'consequence', 'repair']],
      ['temporarily-limited-activities', 'list', ['event', 'consequence', 'repair']],
      ['temporary-suspension', 'list', ['event', 'consequence', 'repair']],
      ['permanent-ban', 'list', ['event', 'consequence', 'repair']],
    ]);
  });

  it('reads a translated 2.x ladder with its numbers', () => {
    const doc = parse(upstreamText('2.1', 'bn').body);
    assert.deepEqual(doc.ladder.map((r) => [r.id, r.number]), [['correction', 1], ['warning', 2], ['temporary-ban', 3], ['permanent-ban', 4]]);
  });

  it('reads a custom ladder written as a numbered list of bold rung names', () => {
    const doc = parse('## Consequences\n\n1. **Warning** - a private note\n2. **Temporary Suspension** - a pause\n3. **Permanent Ban** - removal\n');
    assert.deepEqual(doc.ladder.map((r) => [r.name, r.id, r.form]), [['Warning', 'warning', 'list'], ['Temporary Suspension', 'temporary-suspension', 'list'], ['Permanent Ban', 'permanent-ban', 'list']]);
  });
});

describe('document model: contacts, attribution and role terms', () => {
  it('classifies contacts as private or public and spots template and personal ones', () => {
    const text = 'Email conduct@pebble.dev or [us](mailto:mods@pebble.dev), use https://forms.gle/abc, open an issue, DM a moderator on Discord, ping us on https://twitter.com/pebble, or write to sam@gmail.com or help@example.com.';
    const contacts = parse(text).contacts.map((c) => [c.kind, c.value, c.private, c.placeholder, c.personal]);
    assert.deepEqual(contacts, [
      ['email', 'conduct@pebble.dev', true, false, false],
      ['email', 'mods@pebble.dev', true, false, false],
      ['form', 'https://forms.gle/abc', true, false, false],
      ['issue-tracker', 'open an issue', false, false, false],
      ['chat', 'DM a moderator on Discord', true, false, false],
      ['social', 'https://twitter.com/pebble', false, false, false],
      ['email', 'sam@gmail.com', true, false, true],
      ['email', 'help@example.com', true, true, false],
    ]);
  });

  it('reads claimed versions, permalinks and licences', () => {
    const text = 'Adapted from the [Contributor Covenant][homepage], version 2.1, at https://www.contributor-covenant.org/version/2/1/code_of_conduct.html. Licensed CC BY 4.0.';
    const { versions, permalinks, licences } = parse(text).attribution;
    assert.deepEqual([versions.map((v) => v.version), permalinks.map((p) => p.version), licences.map((l) => l.licence)], [['2.1'], ['2.1'], ['CC BY 4.0']]);
  });

  it('lists where each enforcing-role title is used', () => {
    const text = 'Community leaders decide.\nThe community stewards help.\nCommunity Moderators too.';
    const lines = new LineIndex(text);
    assert.deepEqual(parse(text).roleTerms.map((r) => [r.term, lines.positionAt(r.span.start).line + 1]), [['community leaders', 1], ['community stewards', 2], ['community moderators', 3]]);
  });
});

describe('document model: placeholder syntaxes', () => {
  it('finds [Insert …], {{…}}, <%= … %> and bare [EMAIL]-style tokens, but not link labels', () => {
    const text = 'Write to [Insert contact]. Project: {{ project_name }}. Owner: <%= owner %>. Mail [EMAIL] or [PROJECT NAME]. See [FAQ] and [docs][FAQ].\n\n[FAQ]: https://example.org/faq\n';
    assert.deepEqual(findPlaceholders(text, library).map((p) => p.text), ['[Insert contact]', '{{ project_name }}', '<%= owner %>', '[EMAIL]', '[PROJECT NAME]']);
  });
});
