// Shows image pulls and pushes outside the window: the taskbar/dock progress bar and a notification when a
// transfer the user started ends (the tray lists what runs: tray-controller.ts). Fed by the core's own events,
// so it works whatever the renderer shows (or with the window closed on macOS).
import { BrowserWindow, Notification } from 'electron';
import { summariseTransfers } from '../shared/transfer-summary';
import type { Transfer } from '../shared/transfer-types';
import type { Core } from '../core/create-core';

function endedMessage(transfer: Transfer): { title: string; body: string } {
  const verb = transfer.kind === 'pull' ? 'Pull' : 'Push';
  if (transfer.state === 'done') return { title: `${verb} finished`, body: transfer.reference };
  if (transfer.state === 'cancelled')
    return { title: `${verb} cancelled`, body: transfer.leftOver ?? transfer.reference };
  return { title: `${verb} failed`, body: `${transfer.reference}: ${transfer.error?.message ?? 'unknown error'}` };
}

/** Returns the function that removes the tray icon and stops listening. */
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
    const wasRunning = running.delete(transfer.id);
    if (transfer.state === 'running') running.set(transfer.id, transfer);
    else if (wasRunning && transfer.purpose === 'user' && Notification.isSupported())
      new Notification(endedMessage(transfer)).show();
    show();
  });

  return () => {
    unsubscribe();
  };
}
