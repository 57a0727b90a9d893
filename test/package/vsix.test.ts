import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../support/upstream';

interface ZipFile {
  on(event: 'entry', listener: (entry: { fileName: string }) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  readEntry(): void;
}

// yauzl is what vsce itself uses to read VSIX files.
const yauzl = createRequire(require.resolve('@vscode/vsce/package.json'))('yauzl') as {
  open(file: string, options: { lazyEntries: boolean }, callback: (error: Error | null, zip: ZipFile) => void): void;
};

function listZip(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('VSIX package', () => {
  const vsix = join(PROJECT_ROOT, 'conduct-lens.vsix');
  let names: string[] = [];

  before(async () => {
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    names = await listZip(vsix);
  });

  it('is at most 1.5 MB', () => {
    assert.ok(statSync(vsix).size <= 1.5 * 1024 * 1024, `${statSync(vsix).size} bytes`);
  });

  it('ships the bundles, the notice, all 95 verified upstream texts, the 9 texts of other families and the earlier wordings as one bundle of deltas', () => {
    for (const name of ['extension/dist/client/extension.js', 'extension/dist/server/server.js', 'extension/dist/cli/cli.js', 'extension/NOTICE', 'extension/upstream-texts/catalog.json', 'extension/upstream-texts/revisions.json', 'extension/upstream-texts/derived.json']) {
      assert.ok(names.includes(name), `${name} missing`);
    }
    // Today's texts only: the raw earlier wordings stay in the build's cache.
    const texts = names.filter((n) => n.startsWith('extension/upstream-texts/') && n.endsWith('.md'));
    assert.equal(texts.filter((n) => n.startsWith('extension/upstream-texts/EthicalSource/')).length, 95);
    assert.equal(texts.filter((n) => n.startsWith('extension/upstream-texts/benbalter/coconductor/')).length, 9);
    assert.equal(texts.length, 104);
    assert.deepEqual(names.filter((n) => n.includes('.upstream-cache')), []);
  });

  it('ships no sources, tests, source maps or node_modules', () => {
    const unwanted = names.filter((n) => /\.ts$|\.map$|node_modules\/|\/test\/|\/src\//.test(n));
    assert.deepEqual(unwanted, []);
  });
});
