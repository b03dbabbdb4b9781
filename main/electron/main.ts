// Berth's Electron entry: a thin shell around the Electron-free core. It locks the app down, creates the
// core, wires the IPC adapter and opens the window. Everything else lives in main/core.
import { app, BrowserWindow, Menu, safeStorage } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { consoleLogger } from '../core/logger';
import type { BerthSettings } from '../shared/settings-types';
import { installCrashPolicy } from '../core/process/crash-policy';
import { QUIT_DEADLINE_MS, stopWithin, waitForQuitSignal } from '../core/process/quit-on-signal';
import { applyChromiumSwitches } from './chromium-switches';
import { attachIpcAdapter } from './ipc-adapter';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { appPageUrl } from './app-response';
import { createMainWindow, rendererDir } from './main-window';
import { menuTemplate } from './menu-template';
import { keepInTrayOnClose } from './close-to-tray';
import { attachAutoUpdate } from './auto-update';
import { attachDesktopNotifications } from './desktop-notifications';
import { applyStartAtLogin, startedHidden } from './login-item';
import { showPage, showWindow } from './show-page';
import { attachTray } from './tray-controller';
import { safeStorageCipher } from './safe-storage-cipher';
import { installSecurityRestrictions } from './security-restrictions';
import { rootRefusal } from './root-refusal';
import { attachTransferIndicator } from './transfer-indicator';

const log = consoleLogger;
const refusal = rootRefusal({ uid: process.getuid?.(), env: process.env });
if (refusal) {
  // Before anything else of Electron's starts: no window, no engine, no profile written as root.
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
app.enableSandbox();
// Before ready: Chromium reads its switches when it starts, and privileged schemes are fixed then too.
applyChromiumSwitches(app);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installSecurityRestrictions(log);
  let core: Core | null = null;
  let detachIpc: (() => void) | null = null;
  let detachIndicator: (() => void) | null = null;
  let detachTray: (() => void) | null = null;
  let detachNotifications: (() => void) | null = null;
  let detachUpdates: (() => void) | null = null;
  let detachLoginItem: (() => void) | null = null;
  let openWindow: (() => BrowserWindow) | null = null;
  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  // Every way out (the window, Cmd+Q, a signal, a fatal error) goes through will-quit, which stops the engines
  // Berth runs within QUIT_DEADLINE_MS and says what it stopped.
  const stopCore = (): Promise<unknown> =>
    core
      ? stopWithin({ log, source: '[app]', stop: () => core!.close(), deadlineMs: QUIT_DEADLINE_MS })
      : Promise.resolve();
  installCrashPolicy({ log, onFatal: async () => void (await stopCore()), exit: (code) => app.exit(code) });
  void waitForQuitSignal(log, '[app]').then((signal) => {
    log.info(`[app] ${signal}: quitting`);
    app.quit();
  });

  // A second launch (the lock refused it) brings this one forward, from the tray too.
  app.on('second-instance', () => {
    if (openWindow) showWindow(openWindow);
  });

  app.whenReady().then(
    async () => {
      await serveAppProtocol(rendererDir, log);
      // After ready: safeStorage cannot reach the OS keychain before (it reports unavailable).
      core = createCore({ log, transport: 'electron', secretCipher: safeStorageCipher(safeStorage) });
      detachIpc = attachIpcAdapter(core, appPageUrl);
      detachIndicator = attachTransferIndicator(core);
      const started = core;
      const newWindow = (): BrowserWindow => {
        const window = createMainWindow(log);
        keepInTrayOnClose(window, started, () => quitting);
        return window;
      };
      openWindow = newWindow;
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(menuTemplate(process.platform, { openPage: (path) => showPage(path, newWindow) })),
      );
      detachTray = attachTray(started, {
        openBerth: () => showWindow(newWindow),
        openContainer: (id) => showPage(`/containers/${id}`, newWindow),
        quit: () => app.quit(),
      });
      detachNotifications = attachDesktopNotifications(started, (path) => showPage(path, newWindow));
      detachUpdates = attachAutoUpdate(started);
      // Applied at start and whenever Settings change it.
      let startAtLogin: boolean | null = null;
      const applyLoginItem = (settings: BerthSettings) => {
        const wanted = settings.startAtLogin === true;
        if (wanted === startAtLogin) return;
        startAtLogin = wanted;
        void applyStartAtLogin(wanted).catch((error: Error) =>
          log.warn(`[app] could not set start at login: ${error.message}`),
        );
      };
      void started.settings.get().then(applyLoginItem);
      detachLoginItem = started.settings.onChange(applyLoginItem);
      // Started by the login item: the tray only, until the user opens the window.
      if (!startedHidden()) newWindow();
      app.on('activate', () => showWindow(newWindow));
    },
    (error: unknown) => log.error('[app] failed to start', error),
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !core) return;
    // Close the engine connection before exiting so no stream or timer is cut mid-way.
    event.preventDefault();
    closing = true;
    detachIpc?.();
    detachIndicator?.();
    detachTray?.();
    detachNotifications?.();
    detachUpdates?.();
    detachLoginItem?.();
    log.info(`[app] quitting: stopping the engines Berth runs (at most ${QUIT_DEADLINE_MS / 1000} s)`);
    void stopCore().finally(() => app.quit());
  });
}
