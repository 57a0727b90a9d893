// Bundles the extension client, the language server and the CLI into dist/ as CommonJS.
// Bundling is required: remark-parse and its unified stack are ESM-only, while VS Code loads
// extensions as CommonJS. `vscode` is provided by the host and stays external.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'linked',
  logLevel: 'warning',
};

const builds = [
  { entryPoints: { 'client/extension': 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { 'server/server': 'server/src/main.ts' } },
  { entryPoints: { 'cli/cli': 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The real-editor suite runs inside the extension host, so it is bundled like the client.
  { entryPoints: { 'test/e2e/index': 'test/e2e/suite/index.ts' }, external: ['vscode', 'mocha'] },
];

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, outdir: 'dist', ...b })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
