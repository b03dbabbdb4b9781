// Sends `transfers:progress` at most every `intervalMs` per transfer (engines write dozens of lines a second
// per layer), but at once when the state changes, and always the latest snapshot: a trailing send follows a
// burst, so the UI never stays on a stale value.
import type { Transfer } from '../../shared/transfer-types';

export interface ThrottledEmitterOptions {
  emit: (transfer: Transfer) => void;
  /** 125 ms: about 8 events a second per transfer. */
  intervalMs?: number;
  now?: () => number;
}

interface Slot {
  lastSent: number;
  lastState: Transfer['state'] | null;
  timer: NodeJS.Timeout | null;
}

export class ThrottledEmitter {
  private readonly slots = new Map<string, Slot>();
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ThrottledEmitterOptions) {
    this.intervalMs = options.intervalMs ?? 125;
    this.now = options.now ?? Date.now;
  }

  /** The transfer changed; `read` gives its current snapshot when the send happens. */
  changed(id: string, read: () => Transfer | undefined): void {
    const transfer = read();
    if (!transfer) return;
    let slot = this.slots.get(id);
    if (!slot) {
      slot = { lastSent: Number.NEGATIVE_INFINITY, lastState: null, timer: null };
      this.slots.set(id, slot);
    }
    const wait = slot.lastSent + this.intervalMs - this.now();
    if (transfer.state !== slot.lastState || wait <= 0) {
      this.send(slot, transfer);
      return;
    }
    if (slot.timer) return;
    const pending = slot;
    pending.timer = setTimeout(() => {
      pending.timer = null;
      const latest = read();
      if (latest) this.send(pending, latest);
    }, wait);
    pending.timer.unref();
  }

  /** The transfer is gone (dismissed): drop its pending send. */
  forget(id: string): void {
    const slot = this.slots.get(id);
    if (slot?.timer) clearTimeout(slot.timer);
    this.slots.delete(id);
  }

  dispose(): void {
    for (const id of [...this.slots.keys()]) this.forget(id);
  }

  private send(slot: Slot, transfer: Transfer): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.lastSent = this.now();
    slot.lastState = transfer.state;
    this.options.emit(transfer);
  }
}
