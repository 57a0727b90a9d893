// Runs every *.test.ts under the given folders in this one process, so the upstream library
// and detection index are built once for the whole suite instead of once per file (what
// `node --test` would do). Usage: node --import tsx --test-reporter=spec test/support/runInOneProcess.ts test/core
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const files = process.argv
  .slice(2)
  .flatMap((dir) => readdirSync(resolve(dir), { recursive: true }).map((f) => join(resolve(dir), String(f))))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
if (!files.length) throw new Error(`no *.test.ts files under ${process.argv.slice(2).join(', ')}`);
// One file after another, in order; node:test keeps the process alive until every test registered has run.
void files.reduce<Promise<unknown>>((previous, file) => previous.then(() => import(pathToFileURL(file).href)), Promise.resolve());
