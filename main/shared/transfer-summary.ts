// One line about the transfers still running, for places with room for one: the window's title, the
// taskbar/dock progress bar and the tray tooltip. Pure, so the renderer and the Electron shell share it.
import type { Transfer } from './transfer-types';

export interface TransfersSummary {
  running: number;
  /** 0..0.99 over the running transfers' known bytes; null when no size is known yet. */
  fraction: number | null;
  /** `Pulling`, `Pushing` or `Transferring` (a mix); empty when nothing runs. */
  verb: string;
  /** The fraction as a whole percent; null when no size is known yet. */
  percent: number | null;
  /** e.g. `Pulling 2 images · 43 %`; empty when nothing runs. */
  text: string;
}

export function summariseTransfers(transfers: readonly Transfer[]): TransfersSummary {
  const running = transfers.filter((transfer) => transfer.state === 'running');
  if (running.length === 0) return { running: 0, fraction: null, verb: '', percent: null, text: '' };
  const total = running.reduce((sum, transfer) => sum + transfer.totalBytes, 0);
  const current = running.reduce((sum, transfer) => sum + Math.min(transfer.currentBytes, transfer.totalBytes), 0);
  // Every byte can be in while layers still extract (or a push waits for the registry): running stops at 99 %.
  const fraction = total > 0 ? Math.min(0.99, current / total) : null;
  const pulls = running.filter((transfer) => transfer.kind === 'pull').length;
  const verb = pulls === running.length ? 'Pulling' : pulls === 0 ? 'Pushing' : 'Transferring';
  const what = running.length === 1 ? running[0]!.requested : `${running.length} images`;
  const percent = fraction === null ? null : Math.floor(fraction * 100);
  const shownPercent = percent === null ? '' : ` · ${percent} %`;
  return { running: running.length, fraction, verb, percent, text: `${verb} ${what}${shownPercent}` };
}
