// A stand-in for the `electron` module, for running Berth's Electron entry under plain Node: every call the
// entry makes is printed as `fake-electron: <call>` so a test can read what the entry did, and the single
// instance lock is refused so the entry quits without opening anything.
const say = (call) => process.stdout.write(`fake-electron: ${call}\n`);

export const app = {
  enableSandbox: () => say('app.enableSandbox'),
  commandLine: { appendSwitch: (name) => say(`app.commandLine.appendSwitch ${name}`) },
  requestSingleInstanceLock: () => {
    say('app.requestSingleInstanceLock');
    return false;
  },
  quit: () => {
    say('app.quit');
    process.exit(0);
  },
  exit: (code) => process.exit(code),
  on: () => app,
  whenReady: () => new Promise(() => undefined),
};
export class BrowserWindow {
  static getAllWindows() {
    return [];
  }
}
export class Notification {}
export class Tray {}
export const Menu = { buildFromTemplate: () => ({}), setApplicationMenu: () => undefined };
export const nativeTheme = { shouldUseDarkColors: false, on: () => undefined };
export const protocol = { registerSchemesAsPrivileged: () => undefined, handle: () => undefined };
export const screen = { getAllDisplays: () => [] };
export const ipcMain = { handle: () => undefined, removeHandler: () => undefined };
export const nativeImage = { createFromDataURL: () => ({}) };
export const safeStorage = { isEncryptionAvailable: () => false };
export const session = { defaultSession: {} };
export const shell = { openExternal: async () => undefined };
export default {
  app,
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  ipcMain,
  nativeImage,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
};
