// Brings Berth's window forward (making one if the tray kept Berth running without it) and asks it to show a
// page: the way the menu, the tray and notifications open "the right page".
import { BrowserWindow } from 'electron';
import { ipcEventChannel } from '../shared/ipc-channels';

export function showPage(path: string, createWindow: () => BrowserWindow): void {
  const existing = BrowserWindow.getAllWindows().find((window) => !window.isDestroyed());
  const window = existing ?? createWindow();
  const send = () => window.webContents.send(ipcEventChannel, 'app:navigate', { path });
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
