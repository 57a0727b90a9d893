import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, escapeSnippet, insertionAt, policyStandardSections, sectionInsertion, sectionSnippet, type SectionId, type StandardSection } from '../../server/src/core/index';
import { upstreamLibrary, upstreamText } from '../support/upstream';

/** `body` without the section under the heading line `heading` (up to the next heading of that depth or shallower). */
function withoutSection(body: string, heading: string): string {
  const start = body.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'm'));
  assert.ok(start >= 0, `no heading ${heading}`);
  const depth = /^#+/.exec(heading)![0].length;
  const rest = body.slice(start + heading.length);
  const next = rest.search(new RegExp(`^#{1,${depth}} `, 'm'));
  return body.slice(0, start) + (next < 0 ? '' : rest.slice(next));
}

function offered(text: string) {
  const library = upstreamLibrary();
  const { doc, base } = checkText(text, library);
  assert.ok(doc);
  const found = policyStandardSections(doc, base, library);
  assert.ok(found, 'no standard sections offered');
  return { doc, ...found };
}

/** The policy with the section inserted where it belongs. */
function inserted(text: string, id: SectionId): string {
  const { doc, sections } = offered(text);
  const insertion = sectionInsertion(doc, sections, id);
  assert.ok(insertion, `no insertion for ${id}`);
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}

const section = (overrides: Partial<StandardSection>): StandardSection => ({ id: 'scope', heading: 'Where', depth: 2, markdown: 'Body.', present: false, placeholders: [], ...overrides });

describe('standard sections', () => {
  it('offers the detected base\'s sections in upstream order, marking the one the policy lacks as missing', () => {
    const v21 = upstreamText('2.1');
    const { text, sections } = offered(withoutSection(v21.body, '## Scope'));
    assert.equal(text, v21);
    assert.deepEqual(sections.map((s) => s.id), ['pledge', 'standards', 'enforcement-responsibilities', 'scope', 'enforcement', 'enforcement-guidelines', 'attribution']);
    assert.deepEqual(sections.filter((s) => !s.present).map((s) => s.id), ['scope']);
    assert.equal(sections.find((s) => s.id === 'scope')!.markdown, upstreamLibrary().sectionsOf(v21).find((s) => s.id === 'scope')!.markdown);
  });

  it('puts a missing middle section after the standard section upstream puts before it, restoring upstream exactly', () => {
    const body = upstreamText('2.1').body;
    const policy = withoutSection(body, '## Scope');
    const { doc, sections } = offered(policy);
    const insertion = sectionInsertion(doc, sections, 'scope')!;
    assert.equal(insertion.after, 'Enforcement Responsibilities');
    assert.equal(insertion.before, 'Enforcement');
    assert.equal(inserted(policy, 'scope'), body);
  });

  it('puts a missing first section before the next standard section, and a missing last one at the end', () => {
    const body = upstreamText('2.1').body;
    assert.equal(inserted(withoutSection(body, '## Our Pledge'), 'pledge'), body);
    const noAttribution = withoutSection(body, '## Attribution');
    assert.equal(inserted(noAttribution, 'attribution'), noAttribution.trimEnd() + '\n\n' + body.slice(body.indexOf('## Attribution')).trimEnd() + '\n');
  });

  it('inserts a translated text\'s own heading and body', () => {
    const body = upstreamText('2.0', 'de').body;
    assert.equal(inserted(withoutSection(body, '## Geltungsbereich'), 'scope'), body);
  });

  it('writes the heading one level deeper when the policy writes its standard headings deeper than upstream', () => {
    const policy = withoutSection(upstreamText('2.1').body, '## Scope').replace(/^## /gm, '### ');
    const { doc, sections } = offered(policy);
    assert.match(sectionInsertion(doc, sections, 'scope')!.text, /^### Scope\n\n/);
  });

  it('leaves out a 3.0 subsection the policy already has when inserting its parent', () => {
    const body = upstreamText('3.0').body;
    const start = body.indexOf('## Restricted Behaviors');
    const child = body.indexOf('### Other Restrictions');
    const policy = body.slice(0, start) + body.slice(child);
    const { sections } = offered(policy);
    const parent = sections.find((s) => s.id === 'restricted-behaviors')!;
    assert.equal(parent.present, false);
    assert.doesNotMatch(parent.markdown, /Other Restrictions/);
    assert.equal(inserted(policy, 'restricted-behaviors'), body);
    assert.equal(sections.find((s) => s.id === 'other-restrictions')!.depth, 3);
  });

  it('keeps the policy\'s CRLF line ends in what it inserts', () => {
    const policy = withoutSection(upstreamText('2.1').body, '## Scope').replace(/\n/g, '\r\n');
    const { doc, sections } = offered(policy);
    const { text } = sectionInsertion(doc, sections, 'scope')!;
    assert.match(text, /^## Scope\r\n\r\n/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
  });

  it('turns each placeholder into a tab stop whose default is the placeholder, so leaving it gives upstream\'s text', () => {
    const { sections } = offered(upstreamText('2.1').body);
    const enforcement = sections.find((s) => s.id === 'enforcement')!;
    assert.deepEqual(enforcement.placeholders, ['[INSERT CONTACT METHOD]']);
    const snippet = sectionSnippet(enforcement);
    assert.ok(snippet.startsWith('## Enforcement\n\n'));
    assert.ok(snippet.includes('${1:[INSERT CONTACT METHOD]}'));
    assert.ok(snippet.endsWith('$0'));
  });

  it('numbers a repeated placeholder with one tab stop and escapes $, } and \\ in the rest', () => {
    const snippet = sectionSnippet(section({ markdown: 'Pay $5 to [WHO] {or} [WHO] at C:\\fund or [WHERE].', placeholders: ['[WHO]', '[WHERE]'] }));
    assert.equal(snippet, '## Where\n\nPay \\$5 to ${1:[WHO]} {or\\} ${1:[WHO]} at C:\\\\fund or ${2:[WHERE]}.$0');
    assert.equal(escapeSnippet('$}\\'), '\\$\\}\\\\');
  });

  it('offers a chosen version\'s sections, and nothing for a policy that follows no Covenant text', () => {
    const library = upstreamLibrary();
    const own = checkText('# House Rules\n\nBe kind to each other in our garden club.\n\n## Who to tell\n\nWrite to the club secretary.\n', library);
    assert.ok(own.doc);
    assert.equal(policyStandardSections(own.doc, own.base, library), undefined);
    const chosen = policyStandardSections(own.doc, own.base, library, upstreamText('3.0'));
    assert.equal(chosen?.sections.length, 8);
    assert.ok(chosen.sections.every((s) => !s.present));
  });
});

describe('inserting a standard section at any offset', () => {
  const block = section({ heading: 'Scope', markdown: 'Where it applies.' });
  const at = (text: string, offset: number) => {
    const { text: added } = insertionAt(text, offset, block);
    return text.slice(0, offset) + added + text.slice(offset);
  };

  it('separates the section from the text around it by one blank line each side, adding only what is missing', () => {
    assert.equal(at('A\n\n\n\nB\n', 3), 'A\n\n## Scope\n\nWhere it applies.\n\nB\n');
    assert.equal(at('A\nB\n', 1), 'A\n\n## Scope\n\nWhere it applies.\n\nB\n');
    assert.equal(at('A\n\n## B\n', 3), 'A\n\n## Scope\n\nWhere it applies.\n\n## B\n');
    assert.equal(at('A', 1), 'A\n\n## Scope\n\nWhere it applies.\n');
    assert.equal(at('A\n', 1), 'A\n\n## Scope\n\nWhere it applies.\n');
    assert.equal(at('', 0), '## Scope\n\nWhere it applies.\n');
  });
});
