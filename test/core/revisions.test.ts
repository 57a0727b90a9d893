import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyRevision, buildDetectionIndex, detectBase, encodeRevision, findPlaceholders, parseUpstreamText, type Catalog, type CatalogRevision } from '../../server/src/core/index';
import { scanPlaceholders } from '../../server/src/core/upstream/library';
import { loadUpstreamLibrary, mirrorPath, rebuildRevision, revisionKey, REVISIONS_FILE, type RevisionBundle } from '../../server/src/upstream/loader';
import { UPSTREAM_DIR, upstreamLibrary, upstreamText } from '../support/upstream';

const library = upstreamLibrary();
const catalog = JSON.parse(readFileSync(join(UPSTREAM_DIR, 'catalog.json'), 'utf8')) as Catalog;
const revisions = catalog.revisions ?? [];
const label = (r: { version?: string; language?: string; revision?: { commit: string } | null }) => `${r.version} ${r.language} @${r.revision?.commit.slice(0, 10) ?? 'today'}`;

describe('earlier upstream wordings', () => {
  it('loads every catalogued earlier wording, rebuilt from its delta, with its dates', () => {
    assert.equal(revisions.length, 295);
    assert.equal(library.revisions.length, revisions.length);
    for (const entry of revisions) {
      const text = library.find(entry.version, entry.language, entry.commit);
      assert.ok(text, `no ${label({ ...entry, revision: entry })}`);
      assert.deepEqual(text.revision, { commit: entry.commit, firstDate: entry.firstDate, lastDate: entry.lastDate });
      assert.ok(library.revisionsOf(library.find(entry.version, entry.language)!).includes(text));
    }
  });

  it('keeps today\'s texts as the library\'s texts, with no revision', () => {
    assert.equal(library.texts.length, 95);
    assert.ok(library.texts.every((t) => t.revision === undefined));
    assert.equal(library.currentOf(library.revisionsOf(upstreamText('1.4'))[0]), upstreamText('1.4'));
  });

  it('detects every earlier wording as its own version, language and revision, word for word', () => {
    // Upstream's history credits twelve files to two languages at once (a translation that
    // began as a copy of the English or Portuguese file): those come back as the language
    // whose file it is, with the same bytes.
    const twin = (entry: CatalogRevision, got: ReturnType<typeof detectBase>) =>
      revisions.some((other) => other !== entry && other.sha256 === entry.sha256 && other.version === got.version && other.language === got.language && other.commit === got.revision?.commit);
    let own = 0;
    const wrong: string[] = [];
    for (const entry of revisions) {
      const d = detectBase(library.find(entry.version, entry.language, entry.commit)!.body, library);
      if (d.version === entry.version && d.language === entry.language && d.revision?.commit === entry.commit && d.similarity === 1) own++;
      else if (!twin(entry, d)) wrong.push(`${label({ ...entry, revision: entry })} detected as ${label(d)} (${d.similarity.toFixed(3)})`);
    }
    assert.deepEqual(wrong, []);
    assert.equal(own, 283);
  });

  it('names an earlier wording by the wording it has, not by a changed version number: 2.0 as it read on 2021-02-21, with "caste, color"', () => {
    const early = library.revisionsOf(upstreamText('2.0')).find((r) => r.revision!.firstDate === '2021-02-21')!;
    const d = detectBase(early.body, library);
    assert.equal(label(d), label({ version: '2.0', language: 'en', revision: early.revision }));
    assert.equal(d.source, early);
  });

  it('gives a policy with none of an earlier wording\'s own words to today\'s text', () => {
    // The pledge alone, as today's 1.4 words it: a 2016 wording differs only further on.
    const pledge = upstreamText('1.4').body.split(/\n## /)[1];
    const d = detectBase(`## ${pledge}`, library);
    assert.equal(label(d), '1.4 en @today');
  });
});

describe('placeholders of earlier wordings', () => {
  it('finds, by a scan, exactly the placeholders the parse finds in today\'s texts', () => {
    const folded = (list: readonly { text: string }[]) => [...new Set(list.map((p) => p.text.toLocaleLowerCase('und')))].sort();
    for (const text of library.texts) {
      assert.deepEqual(folded(scanPlaceholders(text)), folded(library.placeholders.filter((p) => p.sources.includes(text))), `${text.entry.version} ${text.entry.language}`);
    }
  });

  it('knows the reporting placeholder of every earlier wording of 1.3 and later that has one, also where a translation reworded it since', () => {
    const without = library.revisions
      .filter((r) => !['1.0', '1.1', '1.2'].includes(r.entry.version))
      .filter((r) => !findPlaceholders(r.body, library).some((p) => p.kind === 'reporting'))
      .map((r) => `${r.entry.version} ${r.entry.language} ${r.revision!.firstDate}`);
    // Korean 1.4 of 2016 came with a project's address filled in; Swahili 2.1 of 2024 has no field.
    assert.deepEqual([...new Set(without)], ['1.4 ko 2016-09-24', '1.4 ko 2016-09-28', '2.1 sw 2024-01-10', '2.1 sw 2024-01-13']);
    assert.ok(library.placeholders.some((p) => p.sources.every((s) => s.revision)), 'some placeholder only earlier wordings use');
  });
});

describe('revision deltas', () => {
  it('rebuild the exact text: CRLF, mixed line breaks, no final newline, a byte order mark', () => {
    const base = 'one\ntwo words here\nthree\n';
    for (const target of ['one\r\ntwo words there\r\nthree\r\n', 'one\ntwo\r\nthree', '\uFEFFzero\none\ntwo words here\n', '', base]) {
      assert.equal(applyRevision(base, encodeRevision(base, target)), target, JSON.stringify(target));
    }
  });

  it('stay small: about a third of the raw earlier wordings', () => {
    const bundle = readFileSync(join(UPSTREAM_DIR, REVISIONS_FILE));
    const raw = revisions.reduce((n, r) => n + r.bytes, 0);
    assert.ok(bundle.length < raw * 0.4, `${bundle.length} bytes of deltas for ${raw} raw`);
  });

  it('refuse a delta whose rebuilt text does not match its pinned sha256, naming the wording', () => {
    const entry = revisions.find((r) => r.version === '1.4' && r.language === 'en')!;
    const base = readFileSync(join(UPSTREAM_DIR, mirrorPath(catalog.repo, catalog.commit, upstreamText('1.4').entry.path)), 'utf8');
    const bundle = JSON.parse(readFileSync(join(UPSTREAM_DIR, REVISIONS_FILE), 'utf8')) as RevisionBundle;
    const delta = bundle.revisions[revisionKey(entry)];
    assert.doesNotThrow(() => rebuildRevision(base, delta, entry));
    const tampered = { ...delta, ops: [...delta.ops, 'an extra sentence'] };
    assert.throws(() => rebuildRevision(base, tampered, entry), (error: Error) => {
      assert.match(error.message, new RegExp(`Contributor Covenant 1\\.4 \\(en\\) as of ${entry.firstDate}`));
      assert.match(error.message, /does not rebuild its pinned text \(sha256 expected [0-9a-f]{64}, got [0-9a-f]{64}\)/);
      assert.match(error.message, /npm run build/);
      return true;
    });
  });

  it('make the loader refuse a bundle with a tampered delta, or without one', () => {
    const entry = catalog.entries.find((e) => e.version === '1.4' && e.language === 'en')!;
    const revision = revisions.find((r) => r.version === '1.4' && r.language === 'en')!;
    const bundle = JSON.parse(readFileSync(join(UPSTREAM_DIR, REVISIONS_FILE), 'utf8')) as RevisionBundle;
    const dir = mkdtempSync(join(tmpdir(), 'conduct-revisions-'));
    try {
      const target = join(dir, mirrorPath(catalog.repo, catalog.commit, entry.path));
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, readFileSync(join(UPSTREAM_DIR, mirrorPath(catalog.repo, catalog.commit, entry.path))));
      writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ ...catalog, entries: [entry], revisions: [revision], families: [] }));
      assert.throws(() => loadUpstreamLibrary(dir), /earlier Contributor Covenant wordings are missing .*no such file.*npm run build/);
      const delta = bundle.revisions[revisionKey(revision)];
      writeFileSync(join(dir, REVISIONS_FILE), JSON.stringify({ revisions: { [revisionKey(revision)]: { ...delta, ops: delta.ops.slice(1) } } }));
      assert.throws(() => loadUpstreamLibrary(dir), /does not rebuild its pinned text/);
      writeFileSync(join(dir, REVISIONS_FILE), JSON.stringify({ revisions: { [revisionKey(revision)]: delta } }));
      assert.equal(loadUpstreamLibrary(dir).revisions.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('front matter of earlier wordings', () => {
  const entry = catalog.entries[0];

  it('reads Jekyll\'s YAML front matter', () => {
    const parsed = parseUpstreamText(entry, '---\r\nlayout: default\r\nversion: "1.4"\r\naliases:\r\n  - /version/1/4\r\n---\r\n# Title\r\n');
    assert.deepEqual(parsed.frontMatter, { version: '1.4', title: undefined, aliases: ['/version/1/4'], reportingPlaceholder: undefined, enforcementPlaceholder: undefined });
    assert.equal(parsed.body, '# Title\n');
  });

  it('leaves a Markdown rule at the top of a file without front matter in the body', () => {
    const text = '---\n\nA paragraph after a rule.\n\n---\nmore';
    assert.equal(parseUpstreamText(entry, text).body, text);
  });

  it('indexes no earlier wording twice and every one against today\'s text of its own version and language', () => {
    const index = buildDetectionIndex(library);
    assert.equal(index.revisions.length, revisions.length);
    for (const r of index.revisions) assert.equal(library.currentOf(r.source), r.current.source);
  });
});
