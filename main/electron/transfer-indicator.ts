// Shows image pulls and pushes outside the window as the taskbar/dock progress bar (the tray lists them:
// tray-controller.ts; their end is a notification: desktop-notifications.ts). Fed by the core's own events,
// so it works whatever the renderer shows (or with the window closed on macOS).
import { BrowserWindow } from 'electron';
import { summariseTransfers } from '../shared/transfer-summary';
import type { Transfer } from '../shared/transfer-types';
import type { Core } from '../core/create-core';

/** Returns the function that stops listening. */
export function attachTransferIndicator(core: Core): () => void {
  const running = new Map<string, Transfer>();

  const show = () => {
    const summary = summariseTransfers([...running.values()]);
    // -1 removes the bar; 2 is Electron's "indeterminate" while no size is known yet.
    const progress = summary.running === 0 ? -1 : (summary.fraction ?? 2);
    for (const window of BrowserWindow.getAllWindows()) window.setProgressBar(progress);
  };

  const unsubscribe = core.hub.subscribe((event, payload) => {
    if (event !== 'transfers:progress') return;
    const transfer = payload as Transfer;
    running.delete(transfer.id);
    if (transfer.state === 'running') running.set(transfer.id, transfer);
    show();
  });

  return unsubscribe;
}
