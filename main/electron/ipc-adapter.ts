// The Electron transport of the router: `ipcMain.handle` for requests, `webContents.send` for events.
// A request is served only when it comes from the main frame of one of Berth's own windows showing
// Berth's own page; anything else gets a typed refusal, never a call into the core.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { pathToFileURL } from 'node:url';
import { fail } from '../shared/errors';
import { ipcEventChannel, ipcInvokeChannel } from '../shared/ipc-channels';
import type { Core } from '../core/create-core';

export function isTrustedSender(frame: WebFrameMain | null, windows: readonly BrowserWindow[], pageUrl: string): boolean {
  if (!frame) return false;
  const isMainFrameOfOurWindow = windows.some((window) => window.webContents.mainFrame === frame);
  return isMainFrameOfOurWindow && frame.url.split('#')[0] === pageUrl;
}

export function attachIpcAdapter(core: Core, rendererIndexPath: string): () => void {
  const pageUrl = pathToFileURL(rendererIndexPath).href;

  ipcMain.handle(ipcInvokeChannel, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame, BrowserWindow.getAllWindows(), pageUrl)) {
      core.log.warn(`[ipc] request on ${String(channel)} from an untrusted frame refused`);
      return fail('UNKNOWN_CHANNEL', 'Requests are accepted only from Berth’s own window.');
    }
    return core.router.handle(channel, payload);
  });

  const unsubscribe = core.hub.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcEventChannel, event, payload);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcInvokeChannel);
  };
}
