// Builds the main process: the Electron-free core's CLI (`berth serve`) and the Electron shell's entry.
// Dependencies stay external (node_modules ships with the app), so only Berth's own code is bundled.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/main',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { cli: 'main/core/cli.ts', 'electron-main': 'main/electron/main.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
