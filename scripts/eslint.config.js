// Lint rules, including the boundaries: only the Electron shell (main/electron, preload) imports `electron`;
// the renderer and the shared contract import neither `electron` nor Node's modules; and inside the core, a
// module imports only from its own part and from the parts below it (coreLayers).
import { posix } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'crypto',
  'url',
  'stream',
  'events',
  'util',
];

const noElectronInCore = {
  name: 'electron',
  message: 'The core runs under plain Node: only main/electron/ may import electron.',
};

/**
 * The core's layers, lowest first. Each part (a folder of main/core, or one module) may import from itself and
 * from parts of lower layers only: never from a higher layer, nor from another part of its own layer. The event
 * hub is the one module of ipc/ that sits low: every service pushes events through it, while the router sits
 * above everything it routes to.
 */
const coreLayers = [
  ['logger', 'tool-path', 'config-dir', 'keyed-queue', 'ipc/event-hub'],
  ['process'],
  ['guest-stats'],
  ['connection'],
  ['streams'],
  ['stats'],
  ['limits'],
  ['containers', 'registries'],
  ['resources', 'transfers'],
  ['run'],
  ['settings'],
  ['engines'],
  ['ipc'],
  // The everyday-work services, each with its handlers (typed from the router), wired by create-core.
  ['logs', 'exec', 'inspect', 'build', 'volumes', 'networks', 'compose', 'files', 'recording', 'notices'],
  ['create-core'],
  ['serve'],
  ['cli'],
];
/** Parts that are one module (main/core/<part>.ts) rather than a folder. */
const coreModules = new Set([
  'logger',
  'tool-path',
  'config-dir',
  'keyed-queue',
  'ipc/event-hub',
  'create-core',
  'cli',
]);
const layerText = coreLayers.map((layer) => layer.join(' | ')).join(' → ');

/** The import patterns that reach `part` from a file in main/core/<fromDir> (ignore's gitignore syntax). */
function patternsFor(part, fromDir, hubAllowed) {
  const relative = posix.relative(fromDir, part) || '.';
  const path = relative.startsWith('.') ? relative : `./${relative}`;
  if (coreModules.has(part)) return [path, `${path}.js`];
  if (part !== 'ipc' || !hubAllowed) return [path];
  // ipc/ without its event hub, which the layers above the hub may use.
  const hub = patternsFor('ipc/event-hub', fromDir);
  return [`${path}/*`, ...hub.map((pattern) => `!${pattern}`)];
}

/**
 * One config per place a core file can be (its part, and how deep in the part's folder: imports are relative, so
 * the same part is `../stats` from one depth and `../../stats` from the next), each repeating the Electron rule.
 * Folders nest two deep today (stats/cgroup/); a third level is covered too.
 */
function coreLayerConfigs() {
  return coreLayers.flatMap((layer, level) =>
    layer.flatMap((part) => {
      const above = coreLayers
        .slice(level)
        .flat()
        .filter((other) => other !== part);
      const hubAllowed = !above.includes('ipc/event-hub');
      const message = `main/core imports only downwards (${layerText}): ${part} may not import ${above.join(', ')}.`;
      const places = coreModules.has(part)
        ? [{ files: [`main/core/${part}.ts`], dir: posix.dirname(part) }]
        : [1, 2, 3].map((depth) => ({
            files: [`main/core/${part}/${'*/'.repeat(depth - 1)}*.ts`],
            dir: [part, ...Array(depth - 1).fill('sub')].join('/'),
          }));
      return places.map(({ files, dir }) => ({
        files,
        ...(part === 'ipc' ? { ignores: ['main/core/ipc/event-hub.ts'] } : {}),
        rules: {
          'no-restricted-imports': [
            'error',
            {
              paths: [noElectronInCore],
              ...(above.length > 0
                ? { patterns: [{ group: above.flatMap((other) => patternsFor(other, dir, hubAllowed)), message }] }
                : {}),
            },
          ],
        },
      }));
    }),
  );
}

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
      'no-restricted-imports': ['error', { paths: [noElectronInCore] }],
    },
  },
  // A later config's no-restricted-imports replaces this one for the same file, so these repeat the Electron rule.
  ...coreLayerConfigs(),
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
    // The page's one classic script (served as is, before the app's modules).
    files: ['renderer/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
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
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the core only through window.berth or the WebSocket bridge.',
            },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node modules.' },
            {
              group: ['**/core/**', '**/electron/**'],
              message: 'The renderer may import only main/shared from main/.',
            },
            {
              group: ['../**/main/shared', '../**/main/shared/**'],
              message: 'Import main/shared through the @shared/… alias.',
            },
          ],
        },
      ],
    },
  },
);
