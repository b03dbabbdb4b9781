// Brings Berth's window forward (making one if the tray kept Berth running without it), and asks it to show a
// page: the way the menu, the tray, notifications and a second launch open "the right page".
import { BrowserWindow } from 'electron';
import { ipcEventChannel } from '../shared/ipc-channels';

export function showWindow(createWindow: () => BrowserWindow): BrowserWindow {
  const window = BrowserWindow.getAllWindows().find((candidate) => !candidate.isDestroyed()) ?? createWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
}

export function showPage(path: string, createWindow: () => BrowserWindow): void {
  const window = showWindow(createWindow);
  const send = () => window.webContents.send(ipcEventChannel, 'app:navigate', { path });
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}
