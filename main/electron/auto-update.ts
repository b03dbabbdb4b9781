// Updates of the desktop app with electron-updater from the feed set in Settings (a "generic" provider: any
// static HTTPS host with latest*.yml), at start and every 6 hours, downloaded in the background and installed
// when Berth quits; electron-updater's own notification says one is ready. Nothing happens without a feed.
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Core } from '../core/create-core';
import type { SettingsView } from '../shared/settings-types';
import { updateCheckIntervalMs, updatePlan } from './update-plan';

export function attachAutoUpdate(core: Core): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = null;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const check = async () => {
    const reply = await core.router.handle('settings:get', {});
    if (!reply.ok) return;
    const plan = updatePlan((reply.data as SettingsView).settings, app.isPackaged);
    if (!plan.check) return;
    autoUpdater.setFeedURL({ provider: 'generic', url: plan.feedUrl });
    await autoUpdater
      .checkForUpdatesAndNotify()
      .catch((error: Error) => core.log.warn(`[update] checking ${plan.feedUrl} failed: ${error.message}`));
  };
  void check();
  const timer = setInterval(() => void check(), updateCheckIntervalMs);
  return () => clearInterval(timer);
}
