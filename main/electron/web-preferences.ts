// The renderer's lockdown, in one object: context isolation, sandbox, no Node anywhere, no webviews.
// Kept apart from the window code (type-only Electron import) so a plain-Node unit test can check it.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // A middle click would otherwise try to open a link in a new window (denied anyway: security-restrictions.ts).
    disableBlinkFeatures: 'Auxclick',
  };
}
