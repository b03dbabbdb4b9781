// Creates Berth's window with the renderer locked down: context isolation, sandbox, no Node integration,
// and only the preload's small `window.berth` object between the page and the main process. It opens where
// it was last closed (window-state.ts).
import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../core/logger';
import { appPageUrl } from './app-response';
import { minimumWindowSize } from './window-bounds';
import { initialWindowPlace, rememberWindowPlace } from './window-state';
import { secureWebPreferences } from './web-preferences';

// Built layout: dist/main/electron-main.js beside dist/preload/ and dist/renderer/.
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
export const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

export function createMainWindow(log: Logger): BrowserWindow {
  const place = initialWindowPlace();
  const window = new BrowserWindow({
    ...place.bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'Berth',
    backgroundColor: '#14171c',
    webPreferences: secureWebPreferences(preloadPath),
  });
  if (place.maximized) window.maximize();
  rememberWindowPlace(window, log);
  window.once('ready-to-show', () => window.show());
  // app://, not file:// (app-response.ts): a real origin, and the CSP as a response header.
  void window.loadURL(appPageUrl);
  return window;
}
