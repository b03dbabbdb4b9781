import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../main/electron/web-preferences';

describe('secureWebPreferences', () => {
  it('turns on isolation and the sandbox and keeps Node out of every frame and worker', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});
