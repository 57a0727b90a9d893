import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, LineIndex, parseConductDocument } from '../../../server/src/core/index';
import { findBlocks } from '../../../server/src/core/structure/blocks';
import { ENGLISH, JAPANESE, SPANISH } from '../../support/bilingual';
import { upstreamLibrary } from '../../support/upstream';

/** Rules that compare parts of one policy with each other, and so went wrong on two merged versions. */
const CROSS_BLOCK = ['ladder-order', 'ladder-numbering', 'ladder-incomplete', 'duplicate-section', 'section-order', 'missing-section', 'heading-structure'];

function check(text: string) {
  const result = checkText(text, upstreamLibrary());
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  return { ...result, lineOf };
}

describe('multiple-documents', () => {
  it('reads a Spanish translation followed by the English original as two versions, each with its own ladder', () => {
    const text = `${SPANISH}\n---\n\n${ENGLISH}`;
    const { findings, blocks, lineOf } = check(text);
    assert.deepEqual(findings.filter((f) => CROSS_BLOCK.includes(f.rule)), []);
    const notes = findings.filter((f) => f.rule === 'multiple-documents');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].severity, 'information');
    assert.equal(lineOf(notes[0].span.start), SPANISH.split('\n').length + 3);
    assert.match(notes[0].message, /holds 2 versions of the policy, each checked on its own: lines 1–\d+ \(Spanish[^)]*\) and lines \d+–\d+ \(English[^)]*\)\./);
    assert.deepEqual(blocks?.map((b) => text.slice(b.span.start, b.span.end).split('\n')[0]), ['# Código de conducta del proyecto Harbor', '# Harbor Project Code of Conduct']);
  });

  it('reads a Japanese translation followed by the English original as two versions', () => {
    const { findings } = check(`${JAPANESE}\n${ENGLISH}`);
    assert.deepEqual(findings.filter((f) => CROSS_BLOCK.includes(f.rule)), []);
    const notes = findings.filter((f) => f.rule === 'multiple-documents');
    assert.equal(notes.length, 1);
    assert.match(notes[0].message, /\(Japanese[^)]*\) and lines \d+–\d+ \(English[^)]*\)\./);
  });

  it('reads a policy pasted twice as two copies, without duplicate-section or ladder findings', () => {
    const text = `${ENGLISH}\n${ENGLISH}`;
    const { findings, lineOf } = check(text);
    assert.deepEqual(findings.filter((f) => CROSS_BLOCK.includes(f.rule)), []);
    const notes = findings.filter((f) => f.rule === 'multiple-documents');
    assert.equal(notes.length, 1);
    assert.match(notes[0].message, /holds 2 copies of the policy \(English[^)]*\), each checked on its own: lines 1–52 and lines 53–103\./);
    assert.equal(lineOf(notes[0].span.start), 53);
  });

  it('reports each version\'s own defects at their place in the whole file', () => {
    const broken = ENGLISH.replace('### 2. Warning', '### 3. Warning');
    const text = `${SPANISH}\n${broken}`;
    const { findings, lineOf } = check(text);
    assert.ok(text.indexOf('### 3. Warning') > SPANISH.length);
    const numbering = findings.filter((f) => f.rule === 'ladder-numbering');
    assert.equal(numbering.length, 1);
    assert.equal(numbering[0].span.start, text.indexOf('### 3. Warning'));
    assert.equal(lineOf(numbering[0].span.start), SPANISH.split('\n').length + 1 + broken.split('\n').indexOf('### 3. Warning'));
  });

  it('leaves a policy with one version on the single-document path, with no note', () => {
    const { findings, blocks } = check(ENGLISH);
    assert.equal(blocks, undefined);
    assert.deepEqual(findings.filter((f) => f.rule === 'multiple-documents'), []);
  });

  it('keeps a policy that repeats one section by mistake as one document', () => {
    const scope = ENGLISH.slice(ENGLISH.indexOf('## Scope'), ENGLISH.indexOf('## Enforcement\n'));
    const text = `${ENGLISH}\n${scope}`;
    const { findings, blocks } = check(text);
    assert.equal(blocks, undefined);
    assert.equal(findings.filter((f) => f.rule === 'duplicate-section').length, 1);
  });

  it('is silent when turned off, while each version is still checked alone', () => {
    const { findings } = checkText(`${ENGLISH}\n${ENGLISH}`, upstreamLibrary(), { severities: { 'multiple-documents': 'off' } });
    assert.deepEqual(findings.filter((f) => f.rule === 'multiple-documents' || CROSS_BLOCK.includes(f.rule)), []);
  });
});

describe('one version per file', () => {
  it('holds for every earlier upstream wording (today\'s texts are held to it by the upstream self-check)', () => {
    const library = upstreamLibrary();
    const split = library.revisions
      .filter((t) => findBlocks(parseConductDocument(t.body, library)).length > 1)
      .map((t) => `${t.entry.version} ${t.entry.language} ${t.revision?.commit ?? ''}`);
    assert.deepEqual(split, []);
  });
});
