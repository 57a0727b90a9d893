import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { environmentFor, projectNamesNear } from '../../server/src/fileEnvironment';

describe('the file environment of a policy', () => {
  const root = mkdtempSync(join(tmpdir(), 'conduct-env-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('names the project by the repository folder holding the policy and its package name, from the policy\'s folder upwards', () => {
    const repo = join(root, 'pebble-club');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'docs', 'community'), { recursive: true });
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: '@pebble/club-site' }));
    assert.deepEqual(projectNamesNear(join(repo, 'docs', 'community')), ['pebble-club', 'club-site']);
  });

  it('names nothing when no repository lies above, rather than guessing from a folder name', () => {
    const loose = join(root, 'loose', 'folder');
    mkdirSync(loose, { recursive: true });
    assert.deepEqual(projectNamesNear(loose), []);
  });

  it('reads the project names only when a rule asks for them', () => {
    const repo = join(root, 'lantern');
    mkdirSync(join(repo, '.git'), { recursive: true });
    const env = environmentFor(pathToFileURL(join(repo, 'CODE_OF_CONDUCT.md')).href);
    // Created after the environment: seen, since nothing was read before the first ask.
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'lantern-app' }));
    assert.deepEqual(env.projectNames, ['lantern', 'lantern-app']);
    assert.equal(environmentFor('untitled:Untitled-1').projectNames, undefined);
  });
});
