// Lint, including the layering rules that keep the engine portable (see README, "Architecture"):
//   src/shared   pure: no Node, no Electron, no other layer
//   src/renderer talks only to src/shared (plus React and zustand)
//   src/preload  only electron and src/shared/client
//   src/main     never imports electron, except src/main/electron (the thin desktop shell)
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nativeAndServerPackages = ['better-sqlite3', 'ws', 'commander', '@duckdb/node-api', 'onnxruntime-node'];

const restrict = (message, names, patterns = []) => [
  'error',
  { paths: names.map((name) => ({ name, message })), ...(patterns.length ? { patterns: [{ group: patterns, message }] } : {}) },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '**/.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Plain JS files are Node scripts; TypeScript checks names in .ts files, so no-undef adds nothing.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        'src/shared is pure: it must not import Node, Electron or another layer, so the renderer can use it.',
        ['electron', ...nodeBuiltins, ...nativeAndServerPackages, 'react', 'zustand'],
        ['**/main/**', '**/renderer/**', '**/preload/**'],
      ),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrict(
        'The renderer talks to the engine only through the contract in src/shared.',
        ['electron', ...nodeBuiltins, ...nativeAndServerPackages],
        ['**/main/**', '**/preload/**'],
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        'The preload only bridges a MessagePort: electron and src/shared/client, nothing else.',
        [...nodeBuiltins, ...nativeAndServerPackages, 'zod'],
        ['**/main/**', '**/renderer/**'],
      ),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': restrict('The engine, hosts and CLI run under plain Node: only src/main/electron may import electron.', ['electron'], [
        '**/renderer/**',
        '**/preload/**',
      ]),
    },
  },
  {
    files: ['src/main/engine/**'],
    rules: {
      'no-restricted-imports': restrict('The engine knows nothing of the hosts that carry it.', ['electron'], [
        '**/host/**',
        '**/cli/**',
        '**/electron/**',
        '**/utility/**',
        '**/renderer/**',
        '**/preload/**',
      ]),
    },
  },
);
