// Two projects: `unit` (no engine, parallel) and `engine` (integration and end-to-end tests against the
// private engine and registry that test/harness/global-setup.ts starts, one file at a time on 2 cores).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
// The renderer's `@shared/x` (main/shared/x), as renderer/vite.config.ts resolves it, for the renderer code tests load.
const resolve = { alias: { '@shared': fileURLToPath(new URL('../main/shared', import.meta.url)) } };

export default defineConfig({
  root,
  test: {
    reporters: ['default', './test/harness/summary-reporter.ts'],
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          root,
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'engine',
          root,
          include: ['test/**/*.int.test.ts', 'test/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['test/harness/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
