// The Electron transport of the router: `ipcMain.handle` for requests, `webContents.send` for events.
// A request is served only when it comes from the main frame of one of Berth's own windows showing
// Berth's own page; anything else gets a typed refusal, never a call into the core.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { fail } from '../shared/errors';
import { ipcEventChannel, ipcInvokeChannel } from '../shared/ipc-channels';
import type { Core } from '../core/create-core';

export function isTrustedSender(
  frame: WebFrameMain | null,
  windows: readonly BrowserWindow[],
  pageUrl: string,
): boolean {
  if (!frame) return false;
  const isMainFrameOfOurWindow = windows.some((window) => window.webContents.mainFrame === frame);
  return isMainFrameOfOurWindow && frame.url.split('#')[0] === pageUrl;
}

/** The ClientContext id of a window's renderer; events sent with `emitTo` reach only that window. */
function clientIdOf(webContentsId: number): string {
  return `window-${webContentsId}`;
}

/** `pageUrl`: the one page whose main frame may call the core (app-response.ts's appPageUrl). */
export function attachIpcAdapter(core: Core, pageUrl: string): () => void {
  const trackedContents = new Set<number>();

  ipcMain.handle(ipcInvokeChannel, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame, BrowserWindow.getAllWindows(), pageUrl)) {
      core.log.warn(`[ipc] request on ${String(channel)} from an untrusted frame refused`);
      return fail('UNKNOWN_CHANNEL', 'Requests are accepted only from Berth’s own window.');
    }
    const contents = event.sender;
    const client = { id: clientIdOf(contents.id) };
    if (!trackedContents.has(contents.id)) {
      trackedContents.add(contents.id);
      // A reload or a closed window is a client gone: drop what the core kept for it (its stats watches).
      const release = () => core.releaseClient(client.id);
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) release();
      });
      contents.once('destroyed', () => {
        trackedContents.delete(contents.id);
        release();
      });
    }
    return core.router.handle(channel, payload, client);
  });

  const unsubscribe = core.hub.subscribe((event, payload, to) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (window.isDestroyed()) continue;
      if (to !== undefined && to !== clientIdOf(window.webContents.id)) continue;
      window.webContents.send(ipcEventChannel, event, payload);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcInvokeChannel);
  };
}
