// Lint rules, including the boundaries: only the Electron shell (main/electron, preload) imports `electron`;
// the renderer and the shared contract import neither `electron` nor Node's modules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'url', 'stream', 'events', 'util'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The Electron-free core: everything under main/ except the Electron shell.
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core runs under plain Node: only main/electron/ may import electron.' }] }],
    },
  },
  {
    files: ['main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Shared code runs in the renderer too.' }],
          patterns: [{ group: nodeBuiltins, message: 'Shared code runs in the renderer too: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the core only through window.berth or the WebSocket bridge.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node modules.' },
            { group: ['**/core/**', '**/electron/**'], message: 'The renderer may import only main/shared from main/.' },
            { group: ['../**/main/shared', '../**/main/shared/**'], message: 'Import main/shared through the @shared/… alias.' },
          ],
        },
      ],
    },
  },
);
