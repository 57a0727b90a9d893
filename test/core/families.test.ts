// Families other than the Contributor Covenant, pointer files and the layered decision.
// The family texts are read at run time from the built bundle (upstream-texts/), the corpus
// in place from ../shared/corpus; every other input here is a synthetic policy of our own.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { checkText, detectBase, RULES, type FamilyText } from '../../server/src/core/index';
import { formatDetections, toDetectionReport } from '../../server/src/cli/report';
import { PROJECT_ROOT, upstreamLibrary, upstreamText } from '../support/upstream';

const CORPUS_DIR = resolve(PROJECT_ROOT, '../shared/corpus');
const library = upstreamLibrary();
const COVENANT_TEXT_RULES = new Set(RULES.filter((r) => r.appliesTo === 'covenant-text').map((r) => r.id));

/**
 * A family text with its template fields filled as an adopter would: names, a real-looking
 * address, one of the Citizen template's `[A/B/C]` choices, and the template's own notes to
 * the adopter removed. Markdown links (`[text](…)`) are left alone.
 */
function fill(text: FamilyText): string {
  return text.body.replace(/\[([^[\]]+)\](?!\()/g, (whole, field: string) => {
    if (/^NOTE:/i.test(field)) return '';
    if (/CONTACT_INFO/.test(field)) return 'Write to conduct@lanternworks.dev.';
    if (/EMAIL|^email$/i.test(field)) return 'conduct@lanternworks.dev';
    if (/^LINK_TO/.test(field)) return 'https://lanternworks.dev/conduct/guide';
    if (/^RESPONSE_TEAM$/.test(field)) return 'response team (conduct@lanternworks.dev)';
    if (/^(?:GOVERNING_BODY|LEADERSHIP_TEAM)$/.test(field)) return 'Lanternworks steering group';
    if (/^LIST_OF_SPACES/.test(field)) return 'our forum and chat';
    if (/^COMMUNITY_NAME$/.test(field)) return 'Lanternworks';
    if (/^\w+(?:\/\w+)+$/.test(field)) return field.split('/')[0];
    return whole;
  });
}

const label = (t: FamilyText) => `${t.entry.family} ${t.entry.version}`;

describe('families with a bundled text', () => {
  it('bundles the nine texts of FAMILIES.tsv beside the Covenant texts, not among them', () => {
    assert.equal(library.families.length, 9);
    assert.deepEqual([...new Set(library.families.map((t) => t.entry.family))].sort(), ['citizen', 'django', 'geek-feminism', 'go', 'no-code-of-conduct']);
    assert.ok(library.texts.every((t) => !('family' in t.entry)));
  });

  for (const text of library.families) {
    it(`detects ${label(text)} as itself, as published and with its fields filled`, () => {
      for (const [what, policy] of [['template', text.body], ['filled', fill(text)]] as const) {
        const d = detectBase(policy, library);
        assert.equal(d.family, text.entry.family, `${label(text)} ${what}: ${d.family} ${d.version}`);
        assert.equal(d.version, text.entry.version, `${label(text)} ${what}`);
        assert.equal(d.language, text.entry.language);
        assert.equal(d.kind, 'text');
        assert.ok(['exact', 'field-aware', 'shingles'].includes(d.layer), d.layer);
        assert.ok(d.confidence >= 0.9, `${label(text)} ${what}: confidence ${d.confidence}`);
      }
      assert.equal(detectBase(text.body, library).layer, 'exact');
    });
  }

  /**
   * What the upstream family texts themselves get wrong, and so what a faithful adoption
   * keeps: Geek Feminism's longer text starts its headings at `####` and lets a paragraph
   * run on from a list (no blank line), so it renders inside the list's last item. (Go's
   * starts at `##` with no title of its own: information only, as for any site-generated page.)
   */
  const UPSTREAM_DEFECTS: Record<string, readonly string[]> = {
    'geek-feminism longer': ['heading-structure', 'markdown-rendering'],
  };

  it('finds nothing above information in any family text with its fields filled, beyond its listed upstream defects, and no Covenant-only rule speaks', () => {
    const loud: string[] = [];
    for (const text of library.families) {
      const { base, findings } = checkText(fill(text), library);
      assert.equal(base?.family, text.entry.family);
      const allowed = UPSTREAM_DEFECTS[label(text)] ?? [];
      for (const f of findings) {
        if ((f.severity !== 'information' && f.severity !== 'hint' && !allowed.includes(f.rule)) || COVENANT_TEXT_RULES.has(f.rule)) loud.push(`${label(text)}: ${f.severity} ${f.rule}: ${f.message}`);
      }
    }
    assert.deepEqual(loud, []);
  });

  it('still finds the universal defects in a family text: a template field left as it was', () => {
    const citizen = library.families.find((t) => t.entry.family === 'citizen')!;
    const { findings } = checkText(citizen.body, library);
    assert.ok(findings.some((f) => f.rule === 'unfilled-placeholder' && /COMMUNITY_NAME/.test(f.message)));
  });
});

describe('pointer files', () => {
  const pointer = [
    '# Code of Conduct',
    '',
    'Everyone taking part in Lanternworks follows the [Contributor Covenant, version 2.0](https://www.contributor-covenant.org/version/2/0/code_of_conduct/).',
    '',
    '## Reporting',
    '',
    'Tell the maintainers privately at conduct@lanternworks.dev.',
    '',
  ].join('\n');

  it('detects a short file that adopts the Covenant by reference as a pointer, with the claimed version and a claim\'s confidence', () => {
    const d = detectBase(pointer, library);
    assert.equal(d.family, 'contributor-covenant');
    assert.equal(d.kind, 'pointer');
    assert.equal(d.version, '2.0');
    assert.equal(d.layer, 'claim');
    assert.ok(d.confidence <= 0.5);
    assert.equal(d.source, undefined);
  });

  it('runs no Covenant text rule on a pointer; one adopting the Covenant must still name a private channel, one adopting another organisation\'s code need not', () => {
    const { findings } = checkText(pointer, library);
    assert.deepEqual(findings.filter((f) => COVENANT_TEXT_RULES.has(f.rule)).map((f) => f.rule), []);
    // The Covenant's text leaves the contact to the adopter: a bare pointer gives nobody to report to.
    const bare = 'We adopt the Contributor Covenant (https://www.contributor-covenant.org/version/2/1/code_of_conduct/) as our code of conduct.\n';
    assert.equal(detectBase(bare, library).version, '2.1');
    const channel = checkText(bare, library).findings.filter((f) => f.rule === 'private-reporting-channel');
    assert.equal(channel.length, 1);
    assert.match(channel[0].message, /no channel at all/);
    const withContact = bare.replace('as our code of conduct.', 'as our code of conduct. Report problems to conduct@lanternworks.dev.');
    assert.deepEqual(checkText(withContact, library).findings.filter((f) => f.rule === 'private-reporting-channel'), []);
    const microsoft = 'Lanternworks has adopted the Microsoft Open Source Code of Conduct.\n';
    assert.deepEqual(checkText(microsoft, library).findings.filter((f) => f.rule === 'private-reporting-channel'), []);
  });

  it('still checks the links a pointer holds', () => {
    const broken = 'This project adopts the Contributor Covenant, version 2.1: [read it](https://www.contributor-covenant.org/version/2/1/code_of_conduct/\n';
    assert.equal(detectBase(broken, library).kind, 'pointer');
  });

  it('names a family adopted by reference without a bundled text (Microsoft, Python)', () => {
    const microsoft = 'Lanternworks has adopted the Microsoft Open Source Code of Conduct. Questions go to the maintainers.\n';
    assert.deepEqual(pick(detectBase(microsoft, library)), { family: 'microsoft', kind: 'pointer', layer: 'claim' });
    const python = 'Our meetups follow the Python Software Foundation Code of Conduct; see python.org/psf/conduct for the text.\n';
    assert.deepEqual(pick(detectBase(python, library)), { family: 'python', kind: 'pointer', layer: 'claim' });
  });
});

describe('the CLI\'s detect output', () => {
  it('shows the family, a pointer\'s kind, the deciding layer and the confidence, in text and JSON', () => {
    const citizen = library.families.find((t) => t.entry.family === 'citizen' && t.entry.version === '2.3')!;
    const pointer = 'This project adopts the Contributor Covenant, version 2.1 (https://www.contributor-covenant.org/version/2/1/code_of_conduct/).\n';
    const reports = [toDetectionReport('a.md', detectBase(fill(citizen), library)), toDetectionReport('b.md', detectBase(pointer, library))];
    const text = formatDetections(reports).split('\n');
    assert.match(text[0], /^a\.md: Citizen Code of Conduct 2\.3 \(en\), \d+% similar$/);
    assert.match(text[1], /^ {2}decided by (?:field-aware|shingles), confidence \d+%$/);
    assert.equal(text[2], 'b.md: adopts the Contributor Covenant 2.1 by reference (a pointer: no text of its own)');
    assert.equal(text[3], '  decided by claim, confidence 50%');
    const json = JSON.parse(JSON.stringify(reports[1])) as Record<string, unknown>;
    assert.deepEqual([json.family, json.kind, json.layer, json.confidence, json.version], ['contributor-covenant', 'pointer', 'claim', 0.5, '2.1']);
  });
});

const pick = (d: { family: string; kind: string; layer: string }) => ({ family: d.family, kind: d.kind, layer: d.layer });

describe('layers, confidence and never forcing a match', () => {
  it('keeps a policy of its own unknown, with confidence 0 and its nearest candidates', () => {
    const own = [
      '# How we treat each other at Lanternworks',
      '',
      'Be kind in reviews, assume the other person had a reason, and say thank you for patches.',
      'Keep arguments about tabs out of the issue tracker. If someone makes you feel unwelcome,',
      'write to the two maintainers, who will answer within a week and keep your name private.',
      '',
    ].join('\n');
    const d = detectBase(own, library);
    assert.equal(d.family, 'unknown');
    assert.equal(d.layer, 'none');
    assert.equal(d.confidence, 0);
    assert.equal(d.kind, 'text');
  });

  it('reports an exact copy as decided by the exact layer with confidence 1', () => {
    const d = detectBase(upstreamText('2.1').body, library);
    assert.deepEqual([d.layer, d.confidence, d.version], ['exact', 1, '2.1']);
  });

  it('names both versions when a fragment holds only a section that 2.0 and 2.1 word alike', () => {
    const two = library.sectionsOf(upstreamText('2.0'));
    const one = library.sectionsOf(upstreamText('2.1'));
    const shared = one.filter((s) => two.some((t) => t.heading === s.heading && t.markdown === s.markdown)).sort((a, b) => b.markdown.length - a.markdown.length)[0];
    assert.ok(shared, 'a section 2.0 and 2.1 share word for word');
    const d = detectBase(`## ${shared.heading}\n\n${shared.markdown}`, library);
    assert.equal(d.family, 'contributor-covenant');
    const versions = [d.version, ...d.alternatives.map((a) => a.version)].sort();
    assert.ok(versions.includes('2.0') && versions.includes('2.1'), `${d.version} + ${JSON.stringify(d.alternatives)}`);
    assert.ok(d.confidence <= 0.7);
  });

  it('reads a paraphrase laid out as the Covenant (its headings and rung names, our own words) by its structure, with a guess\'s confidence', () => {
    const rung = (n: number, name: string, body: string) => `### ${n}. ${name}\n\n${body}\n`;
    const paraphrase = [
      '# Lanternworks Code of Conduct\n',
      '## Our Pledge\n\nAnyone may take part here without being harassed, whoever they are.\n',
      '## Our Standards\n\nGood: patience and credit where due. Bad: insults and unwanted advances.\n',
      '## Enforcement Responsibilities\n\nThe two maintainers decide what crosses the line.\n',
      '## Scope\n\nOur repositories, chat and meetups.\n',
      '## Enforcement\n\nWrite to conduct@lanternworks.dev; we keep your name private.\n',
      '## Enforcement Guidelines\n',
      rung(1, 'Correction', 'A private note.'),
      rung(2, 'Warning', 'A written warning.'),
      rung(3, 'Temporary Ban', 'A break for a set time.'),
      rung(4, 'Permanent Ban', 'Removal for good.'),
    ].join('\n');
    const d = detectBase(paraphrase, library);
    assert.deepEqual([d.family, d.layer, d.kind], ['contributor-covenant', 'structure', 'text']);
    assert.ok(d.version?.startsWith('2.'), d.version);
    assert.ok(d.confidence < 0.6);
    // Headings alone, without a ladder, are not enough.
    assert.equal(detectBase(paraphrase.slice(0, paraphrase.indexOf('## Enforcement Guidelines')), library).family, 'unknown');
  });

  it('takes the version from the title of a text no wording matched, as a claim', () => {
    const own = '# Lanternworks: Contributor Covenant 3.0, in our words\n\nBe kind, credit others and report problems to conduct@lanternworks.dev.\n';
    const d = detectBase(own, library);
    assert.deepEqual([d.family, d.version, d.layer, d.kind, d.confidence], ['contributor-covenant', '3.0', 'title', 'text', 0.5]);
  });

  it('recognises CNCF by its title though its wording is the Covenant\'s', () => {
    const cncf = `# CNCF Community Code of Conduct\n\n${upstreamText('2.0').body.replace(/^#[^\n]*\n/, '')}`;
    assert.equal(detectBase(cncf, library).family, 'cncf');
  });
});

describe('real policies of other families (../shared/corpus, read in place)', { skip: !existsSync(join(CORPUS_DIR, 'INDEX.tsv')) && 'no corpus beside the project' }, () => {
  it('detects files 028–036 as their family, or as a pointer with the version they claim', () => {
    const rows = readFileSync(join(CORPUS_DIR, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const checked = rows.filter(([file]) => Number(file.slice(0, 3)) >= 28 && Number(file.slice(0, 3)) <= 36);
    assert.equal(checked.length, 9);
    for (const [file, , , , family, claimed] of checked) {
      const d = detectBase(readFileSync(join(CORPUS_DIR, file), 'utf8'), library);
      if (family === 'pointer') {
        assert.equal(d.kind, 'pointer', file);
        assert.equal(d.version, claimed === 'none' ? undefined : claimed, file);
      } else {
        assert.equal(d.family, family, file);
        assert.equal(d.kind, 'text', file);
      }
    }
  });
});
