import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationToken, CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { conductrcSchema } from '../../server/src/configSchema';
import { RULES, SEVERITIES } from '../../server/src/core/index';
import { findProjectConfig, ProjectConfigCache } from '../../server/src/projectConfigFiles';
import { FILL_PLACEHOLDER_COMMAND } from '../../server/src/protocol';
import { fillPlaceholderFixes } from '../../server/src/providers/fillPlaceholder';
import { PROJECT_ROOT } from '../support/upstream';
import { initializeParams, startCache, UNFILLED } from './fakeClient';

const scratch = mkdtempSync(join(tmpdir(), 'conductrc-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder tree under the scratch folder: path → contents. */
function tree(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const OFF = '{ "rules": { "unfilled-placeholder": "off" } }';

describe('finding .conductrc.json', () => {
  it('finds the nearest file upward from the policy\'s folder', () => {
    const root = tree('nearest', { '.conductrc.json': OFF, 'docs/.conductrc.json': '{ "contact": "docs@example.org" }', 'docs/community/x.md': '' });
    assert.equal(findProjectConfig(join(root, 'docs', 'community'))?.config.contact, 'docs@example.org');
    assert.deepEqual(findProjectConfig(root)?.config.rules, { 'unfilled-placeholder': 'off' });
  });

  it('in the editor, stops at the workspace folder: a file above it is not read', () => {
    const root = tree('above', { '.conductrc.json': OFF, 'ws/docs/CODE_OF_CONDUCT.md': '' });
    const cache = new ProjectConfigCache(() => {});
    cache.setWorkspaceFolders([pathToFileURL(join(root, 'ws')).href]);
    assert.equal(cache.get(pathToFileURL(join(root, 'ws', 'docs', 'CODE_OF_CONDUCT.md')).href), undefined);
    // The CLI has no workspace folder and looks up to the file-system root.
    assert.ok(findProjectConfig(join(root, 'ws', 'docs')));
  });

  it('outside every workspace folder, looks in the policy\'s own folder only', () => {
    const root = tree('loose', { '.conductrc.json': OFF, 'sub/CODE_OF_CONDUCT.md': '', 'own/.conductrc.json': OFF });
    const cache = new ProjectConfigCache(() => {});
    assert.equal(cache.get(pathToFileURL(join(root, 'sub', 'CODE_OF_CONDUCT.md')).href), undefined);
    assert.ok(cache.get(pathToFileURL(join(root, 'own', 'CODE_OF_CONDUCT.md')).href));
  });

  it('refuses a config file that leads outside the workspace folder, and says so once', () => {
    const root = tree('escape', { 'elsewhere/.conductrc.json': OFF, 'ws/CODE_OF_CONDUCT.md': '' });
    symlinkSync(join(root, 'elsewhere', '.conductrc.json'), join(root, 'ws', '.conductrc.json'));
    const logged: string[] = [];
    const cache = new ProjectConfigCache((m) => logged.push(m));
    cache.setWorkspaceFolders([pathToFileURL(join(root, 'ws')).href]);
    const uri = pathToFileURL(join(root, 'ws', 'CODE_OF_CONDUCT.md')).href;
    assert.equal(cache.get(uri), undefined);
    cache.get(pathToFileURL(join(root, 'ws', 'other.md')).href);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /\.conductrc\.json: ignored, because it leads outside the workspace folder/);
  });

  it('logs each problem once with file, line and column, and again only after the file changed', () => {
    const root = tree('problems', { '.conductrc.json': '{\n  "rules": { "nope": "off" }\n}' });
    const logged: string[] = [];
    const cache = new ProjectConfigCache((m) => logged.push(m));
    cache.setWorkspaceFolders([pathToFileURL(root).href]);
    cache.get(pathToFileURL(join(root, 'a.md')).href);
    cache.get(pathToFileURL(join(root, 'b.md')).href);
    assert.deepEqual(logged, [`${join(root, '.conductrc.json')}:2:14: "rules": unknown rule "nope"; ignoring it.`]);
    writeFileSync(join(root, '.conductrc.json'), OFF);
    assert.equal(cache.get(pathToFileURL(join(root, 'a.md')).href)?.config.rules['unfilled-placeholder'], undefined, 'cached until cleared');
    cache.clear();
    assert.equal(cache.get(pathToFileURL(join(root, 'a.md')).href)?.config.rules['unfilled-placeholder'], 'off');
  });
});

describe('the analysis with a project config file', () => {
  it('drops a rule the file turns off, and brings it back after the file changes and the cache clears', async () => {
    const root = tree('analysis', { '.conductrc.json': OFF });
    const { client, cache } = startCache();
    cache.configure(initializeParams({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] }));
    const uri = pathToFileURL(join(root, 'CODE_OF_CONDUCT.md')).href;
    client.open(uri, UNFILLED);
    const rules = async () => (await cache.get(uri))!.analysis.findings.map((f) => f.rule);
    assert.ok(!(await rules()).includes('unfilled-placeholder'));
    writeFileSync(join(root, '.conductrc.json'), '{ "rules": {} }');
    cache.clear();
    assert.ok((await rules()).includes('unfilled-placeholder'));
  });

  it('overrides conduct.rules for the same rule: the project file wins', async () => {
    const root = tree('precedence', { '.conductrc.json': '{ "rules": { "unfilled-placeholder": "hint" } }' });
    const { client, cache } = startCache();
    cache.configure(initializeParams({ capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] }));
    client.settings = () => ({ rules: { 'unfilled-placeholder': 'off' } });
    const uri = pathToFileURL(join(root, 'CODE_OF_CONDUCT.md')).href;
    client.open(uri, UNFILLED);
    const finding = (await cache.get(uri))!.analysis.findings.find((f) => f.rule === 'unfilled-placeholder');
    assert.equal(finding?.severity, 'hint');
  });
});

describe('conduct.base in the server', () => {
  it('measures the policy against the configured base, and logs once when that base is not bundled', async () => {
    const { client, cache } = startCache();
    cache.configure(initializeParams({ capabilities: { workspace: { configuration: true } } }));
    let base = '2.0/de';
    client.settings = () => ({ base });
    client.open('file:///w/CODE_OF_CONDUCT.md', UNFILLED);
    const analysis = (await cache.get('file:///w/CODE_OF_CONDUCT.md'))!.analysis;
    assert.deepEqual([analysis.base?.version, analysis.base?.language, analysis.base?.layer], ['2.0', 'de', 'configured']);

    base = '9.9';
    cache.settings.forget('file:///w/CODE_OF_CONDUCT.md');
    cache.clear();
    assert.notEqual((await cache.get('file:///w/CODE_OF_CONDUCT.md'))!.analysis.base?.layer, 'configured');
    cache.clear();
    await cache.get('file:///w/CODE_OF_CONDUCT.md');
    const logged = client.all<string>('console/error').filter((m) => m.includes('configured base'));
    assert.equal(logged.length, 1);
    assert.match(logged[0], /There is no Contributor Covenant 9\.9/);
  });
});

describe('fill placeholder quick fix', () => {
  const diagnostic: Diagnostic = { source: 'conduct', code: 'unfilled-placeholder', message: 'x', range: { start: { line: 2, character: 26 }, end: { line: 2, character: 49 } } };

  async function actionsFor(settings: unknown, files: Record<string, string> = {}) {
    const root = tree(`fill-${Math.random().toString(36).slice(2)}`, files);
    const { client, cache } = startCache();
    cache.configure(initializeParams({ capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] }));
    client.settings = () => settings;
    const uri = pathToFileURL(join(root, 'CODE_OF_CONDUCT.md')).href;
    client.open(uri, UNFILLED);
    return { uri, actions: await fillPlaceholderFixes(cache, cache.documents.get(uri)!, [diagnostic], CancellationToken.None) };
  }

  it('fills a contact placeholder from conduct.contact, over exactly its range', async () => {
    const { uri, actions } = await actionsFor({ contact: 'stewards@example.org' }, { '.conductrc.json': '{ "contact": "team@example.org" }' });
    assert.equal(actions[0].title, 'Fill placeholder with "stewards@example.org"');
    assert.equal(actions[0].kind, CodeActionKind.QuickFix);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: diagnostic.range, newText: 'stewards@example.org' }] } });
  });

  it('falls back to the project file\'s contact', async () => {
    const { actions } = await actionsFor(null, { '.conductrc.json': '{ "contact": "team@example.org" }' });
    assert.equal(actions[0].title, 'Fill placeholder with "team@example.org"');
  });

  it('without a contact, offers only the prompt, as a command carrying the range, version and placeholder', async () => {
    const { uri, actions } = await actionsFor(null);
    assert.deepEqual(actions, [
      {
        title: 'Fill placeholder…',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Fill placeholder…', command: FILL_PLACEHOLDER_COMMAND, arguments: [{ uri, version: 1, range: diagnostic.range, placeholder: '[INSERT CONTACT METHOD]' }] },
      },
    ]);
  });

  it('offers nothing for a range that is no longer a placeholder, or another rule\'s diagnostic', async () => {
    const { client, cache } = startCache();
    client.open('file:///w/CODE_OF_CONDUCT.md', UNFILLED);
    const document = cache.documents.get('file:///w/CODE_OF_CONDUCT.md')!;
    const moved = { ...diagnostic, range: { start: { line: 2, character: 25 }, end: { line: 2, character: 49 } } };
    assert.deepEqual(await fillPlaceholderFixes(cache, document, [moved, { ...diagnostic, code: 'mojibake' }], CancellationToken.None), []);
  });
});

describe('.conductrc.json schema', () => {
  it('is the one generated from the rule registry (npm run schema rewrites it)', () => {
    const committed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'conductrc.schema.json'), 'utf8'));
    assert.deepEqual(committed, conductrcSchema());
  });

  it('lists every rule with its severities and default, and nothing else', () => {
    const rules = (conductrcSchema() as { properties: { rules: { properties: Record<string, { enum: string[]; default: string }> } } }).properties.rules.properties;
    assert.deepEqual(Object.keys(rules), RULES.map((r) => r.id));
    for (const rule of RULES) assert.deepEqual([rules[rule.id].enum, rules[rule.id].default], [SEVERITIES, rule.defaultSeverity]);
  });

  it('is contributed for .conductrc.json, which opens as JSON with comments', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.conductrc.json', url: './schemas/conductrc.schema.json' }]);
    assert.ok(manifest.contributes.languages.some((l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.conductrc.json')));
  });
});
