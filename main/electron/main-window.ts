// Creates Berth's window with the renderer locked down: context isolation, sandbox, no Node integration,
// and only the preload's small `window.berth` object between the page and the main process.
import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { appPageUrl } from './app-response';
import { secureWebPreferences } from './web-preferences';

// Built layout: dist/main/electron-main.js beside dist/preload/ and dist/renderer/.
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
export const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Berth',
    backgroundColor: '#14171c',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  // app://, not file:// (app-response.ts): a real origin, and the CSP as a response header.
  void window.loadURL(appPageUrl);
  return window;
}
