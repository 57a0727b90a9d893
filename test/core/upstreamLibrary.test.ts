import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { buildDetectionIndex, deriveText, parseUpstreamText, UpstreamLibrary, type Catalog, type DerivedText } from '../../server/src/core/index';
import { DERIVED_FILE, loadUpstreamTexts } from '../../server/src/upstream/loader';
import { UPSTREAM_DIR, upstreamLibrary, upstreamText } from '../support/upstream';

const catalog = JSON.parse(readFileSync(join(UPSTREAM_DIR, 'catalog.json'), 'utf8')) as Catalog;
const entry = catalog.entries[0];

describe('upstream texts', () => {
  it('loads all 95 pinned texts with their front matter version', () => {
    const texts = upstreamLibrary().texts;
    assert.equal(texts.length, 95);
    for (const text of texts) {
      assert.equal(text.frontMatter.version, text.entry.version, `${text.entry.path}`);
    }
  });

  it('reads a file with no front matter as all body', () => {
    // The upstream README names 2.0 sw as such a file, but the pinned mirror's copy has front
    // matter; the loader must handle both.
    const parsed = parseUpstreamText(entry, '# Kanuni\r\n\r\nMaandishi');
    assert.deepEqual(parsed.frontMatter, { aliases: [] });
    assert.equal(parsed.body, '# Kanuni\n\nMaandishi');
  });

  it('normalises CRLF files (2.0 fr, 2.1 ar) to LF and parses their front matter', () => {
    for (const [version, language] of [['2.0', 'fr'], ['2.1', 'ar']]) {
      const text = upstreamText(version, language);
      assert.equal(text.frontMatter.version, version);
      assert.ok(!text.body.includes('\r'), `${version} ${language} still has CR`);
    }
  });

  it('parses 3.0 title and both placeholders from front matter', () => {
    const fm = upstreamText('3.0').frontMatter;
    assert.equal(typeof fm.title, 'string');
    assert.match(fm.reportingPlaceholder ?? '', /^\[NOTE: /);
    assert.match(fm.enforcementPlaceholder ?? '', /^\[NOTE: .{100,}\]$/);
  });

  it('keeps the last line of a file with no final newline', () => {
    const parsed = parseUpstreamText(entry, '+++\nversion = "9.9"\n+++\nfirst\nlast line');
    assert.equal(parsed.frontMatter.version, '9.9');
    assert.equal(parsed.body, 'first\nlast line');
  });

  it('treats malformed front matter as absent instead of throwing', () => {
    const parsed = parseUpstreamText(entry, '+++\nversion = \n+++\nbody');
    assert.deepEqual(parsed.frontMatter, { aliases: [] });
    assert.equal(parsed.body, '+++\nversion = \n+++\nbody');
  });

  it('strips a byte order mark before the front matter fence', () => {
    assert.equal(parseUpstreamText(entry, '\uFEFF+++\nversion = "2.1"\n+++\nx').frontMatter.version, '2.1');
  });

  it('refuses a bundled text whose sha256 does not match the catalog', () => {
    const fakeCatalog = { ...catalog, entries: [{ ...entry, sha256: '0'.repeat(64) }] };
    const dir = mkdtempSync(join(tmpdir(), 'conduct-upstream-'));
    try {
      const target = join(dir, catalog.repo, catalog.commit, entry.path);
      mkdirSync(join(target, '..'), { recursive: true });
      copyFileSync(join(UPSTREAM_DIR, catalog.repo, catalog.commit, entry.path), target);
      writeFileSync(join(dir, 'catalog.json'), JSON.stringify(fakeCatalog));
      assert.throws(() => loadUpstreamTexts(dir), /does not match its pinned sha256/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to fix a missing bundle', () => {
    assert.throws(() => loadUpstreamTexts('/nonexistent/upstream'), /npm run build/);
  });

  it('derives each 2.x translation\'s rung names in ladder order', () => {
    const library = upstreamLibrary();
    assert.deepEqual(library.rungsOf(upstreamText('2.1', 'de')).map((r) => r.id), ['correction', 'warning', 'temporary-ban', 'permanent-ban']);
    assert.equal(library.rungNamed('2. Verwarnung'), 'warning');
    assert.equal(library.rungNamed('Temporarily Limited Activities'), 'temporarily-limited-activities');
    assert.equal(library.rungNamed('Our Pledge'), undefined);
  });
});

describe('derived.json: what the build derived from each text', () => {
  it('holds, for every bundled text, exactly what parsing it now derives, so a start that skips the parse sees the same library', () => {
    const texts = loadUpstreamTexts(UPSTREAM_DIR);
    const bundle = JSON.parse(readFileSync(join(UPSTREAM_DIR, DERIVED_FILE), 'utf8')) as { texts: Record<string, DerivedText> };
    const stale = texts.filter((text) => !isDeepStrictEqual(bundle.texts[text.entry.sha256], deriveText(text))).map((t) => `${t.entry.version} ${t.entry.language}`);
    assert.deepEqual(stale, [], 'derived.json is older than the derivation code: run npm run build');
  });

  it('gives the same placeholders, rungs and sections as a library that parses every text itself', () => {
    const texts = loadUpstreamTexts(UPSTREAM_DIR);
    const loaded = upstreamLibrary();
    const parsed = new UpstreamLibrary(texts, loaded.revisions, loaded.families);
    assert.deepEqual(loaded.placeholders.map((p) => [p.text, p.kind, p.sources.length]), parsed.placeholders.map((p) => [p.text, p.kind, p.sources.length]));
    for (const [i, text] of texts.entries()) {
      const own = loaded.texts[i];
      assert.deepEqual(loaded.sectionsOf(own), parsed.sectionsOf(text));
      assert.deepEqual(loaded.rungsOf(own).map(({ source, ...r }) => ({ ...r, source: source.entry.sha256 })), parsed.rungsOf(text).map(({ source, ...r }) => ({ ...r, source: source.entry.sha256 })));
    }
  });
});

describe('derived.json: what the build read from each earlier wording', () => {
  it('records, for every earlier wording, exactly the shingles a detection index reads from it now, so a start that skips the reading detects the same', () => {
    const loaded = upstreamLibrary();
    assert.ok(loaded.revisionShingles, 'derived.json records the earlier wordings: run npm run build');
    const fresh = new UpstreamLibrary(loaded.texts, loaded.revisions, loaded.families);
    const read = buildDetectionIndex(fresh).recordRevisionShingles();
    assert.equal(read.size, loaded.revisions.length);
    const sorted = (r: { added: number[]; removed: number[]; size: number; numbered: number[] } | undefined) =>
      r && { size: r.size, added: [...r.added].sort(), removed: [...r.removed].sort(), numbered: [...r.numbered].sort() };
    const stale = [...read].filter(([key, shingles]) => !isDeepStrictEqual(sorted(loaded.revisionShingles!.get(key)), sorted(shingles))).map(([key]) => key);
    assert.deepEqual(stale, [], 'derived.json is older than the detection code: run npm run build');
  });
});
