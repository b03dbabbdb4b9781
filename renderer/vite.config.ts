// Builds the renderer into dist/renderer with relative asset paths, so the same files load from
// file:// in Electron and from the `serve` mode's HTTP server.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects CSS as inline <style> and needs its own HMR socket, both of which the page's CSP
 * forbids. Only for `vite` (dev) is the CSP meta removed; builds keep it untouched.
 */
const devWithoutCsp: Plugin = {
  name: 'berth-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), devWithoutCsp],
  // `@shared/x` is main/shared/x, the contract and types the core shares (also in tsconfig.json and test/vitest.config.ts).
  resolve: { alias: { '@shared': fileURLToPath(new URL('../main/shared', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1500,
    // One stylesheet, linked from index.html as before, though the components import their own: the lazily
    // loaded container page's styles (charts, Limits panel) are in it from the start, in a fixed order.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically, in one chunk beside the entry: left to itself the bundler cut
        // it into ~25 chunks along the lines the lazy pages share, each one more request through `serve`'s
        // single thread and one more module for the browser to fetch before the first screen.
        codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
      },
    },
  },
});
