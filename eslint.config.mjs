import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'upstream-texts/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The analysis core is pure: the editor, the protocol, the file system and the network are
    // injected by its callers (server, CLI, tests), so it runs anywhere and tests in milliseconds.
    files: ['server/src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'The core must not depend on the editor.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The core must not use Node built-ins: inject what it needs.' })),
        ],
        patterns: [
          { group: ['vscode-languageserver*', 'vscode-languageclient*'], message: 'The core must not depend on LSP: the server adapts it.' },
          { group: ['**/server', '**/main', '**/cli/**', '**/upstream/loader*'], message: 'The core must not import its callers.' },
        ],
      }],
    },
  },
  {
    // The client is a thin host: everything it knows of the server comes through the protocol.
    files: ['client/src/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/src/*', '!**/server/src/protocol', '!**/server/src/upgradeProtocol', '!**/server/src/workspaceProtocol'], message: 'The client imports only the protocol files (server/src/protocol.ts, upgradeProtocol.ts, workspaceProtocol.ts) from the server.' }],
      }],
    },
  },
);
