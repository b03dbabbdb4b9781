// Denies by default what a compromised or confused renderer could use to escape: navigation away from
// Berth's page, new windows, webviews and permission prompts. Links to http(s) open in the user's browser.
import { app, session, shell, type WebContents } from 'electron';
import type { Logger } from '../core/logger';
import { isSafeExternalUrl } from './external-url';

export function installSecurityRestrictions(log: Logger): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      log.warn(`[security] navigation to ${url} denied`);
    });
    contents.on('will-redirect', (event, url) => {
      event.preventDefault();
      log.warn(`[security] redirect to ${url} denied`);
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('[security] webview denied');
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      else log.warn(`[security] window.open of ${url} denied`);
      return { action: 'deny' };
    });
  });

  app.whenReady().then(
    () => {
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
        log.warn(`[security] permission ${permission} denied`);
        callback(false);
      });
      session.defaultSession.setPermissionCheckHandler(() => false);
    },
    (error: unknown) => log.error('[security] could not install permission handlers', error),
  );
}
