// Closing the window keeps Berth running in the tray when the setting says so (the default): the window is
// hidden, the engines and the recording go on, and the tray's Open Berth brings it back. The setting is asked
// for at each close, so a change in Settings applies at once.
import type { BrowserWindow } from 'electron';
import type { Core } from '../core/create-core';
import type { SettingsView } from '../shared/settings-types';

export function keepInTrayOnClose(window: BrowserWindow, core: Core, quitting: () => boolean): void {
  let closing = false;
  window.on('close', (event) => {
    if (closing || quitting()) return;
    event.preventDefault();
    void core.router.handle('settings:get', {}).then((reply) => {
      const keep = !reply.ok || (reply.data as SettingsView).settings.closeToTray !== false;
      if (window.isDestroyed()) return;
      if (keep) window.hide();
      else {
        closing = true;
        window.close();
      }
    });
  });
}
