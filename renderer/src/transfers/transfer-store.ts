// The renderer's copy of the core's transfers (pulls and pushes): merged from `transfers:progress` events,
// replaced by `transfers:list` on start and after every bridge reconnect, so a reloaded window reattaches.
// Components read it through useSyncExternalStore; the snapshot stays the same array until something changes.
import type { Transfer } from '@shared/transfer-types';

export interface TransferStore {
  /** Newest first. */
  get(): readonly Transfer[];
  subscribe(listener: () => void): () => void;
  /** A `transfers:progress` event: the transfer's whole current state. */
  apply(transfer: Transfer): void;
  /** The answer to a start or cancel request; never rolls back what a newer event already said. */
  adopt(transfer: Transfer): void;
  /** Marks the start of a `transfers:list` request; pass the token to `replaceAll` with its answer. */
  beginReplace(): number;
  /**
   * The core's full list: transfers it no longer has disappear; events newer than the request are kept. An
   * answer older than one already applied (two requests crossed) is ignored.
   */
  replaceAll(token: number, transfers: readonly Transfer[]): void;
  /** Forgets a finished transfer here; a late list answer does not bring it back. */
  dismiss(id: string): void;
}

export function isFinished(transfer: Transfer): boolean {
  return transfer.state !== 'running';
}

export function createTransferStore(): TransferStore {
  let byId = new Map<string, Transfer>();
  let snapshot: readonly Transfer[] = [];
  // Each event gets a sequence number, so a list answer can tell which entries it is older than.
  let sequence = 0;
  const updatedAt = new Map<string, number>();
  // Dismissed id → the sequence at dismissal. Kept until a list asked for after it no longer has the id (the
  // core forgot it too), so a window open for days does not collect every id it ever dismissed.
  const dismissed = new Map<string, number>();
  let appliedToken = -1;
  const listeners = new Set<() => void>();

  const publish = () => {
    snapshot = [...byId.values()].sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
    for (const listener of [...listeners]) listener();
  };

  const put = (transfer: Transfer) => {
    sequence += 1;
    updatedAt.set(transfer.id, sequence);
    byId = new Map(byId).set(transfer.id, transfer);
    publish();
  };

  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply(transfer) {
      if (dismissed.has(transfer.id)) return;
      put(transfer);
    },
    adopt(transfer) {
      if (dismissed.has(transfer.id)) return;
      const known = byId.get(transfer.id);
      // The reply was computed before events that may already have arrived: keep theirs unless it adds news.
      if (known && (isFinished(known) || !isFinished(transfer))) return;
      put(transfer);
    },
    beginReplace: () => sequence,
    replaceAll(token, transfers) {
      if (token < appliedToken) return;
      appliedToken = token;
      const listed = new Set(transfers.map((transfer) => transfer.id));
      for (const [id, at] of dismissed) {
        if (at <= token && !listed.has(id)) dismissed.delete(id);
      }
      const next = new Map<string, Transfer>();
      for (const transfer of transfers) {
        if (!dismissed.has(transfer.id)) next.set(transfer.id, transfer);
      }
      for (const [id, seen] of updatedAt) {
        const known = byId.get(id);
        if (seen > token && known) next.set(id, known);
      }
      for (const id of updatedAt.keys()) {
        if (!next.has(id)) updatedAt.delete(id);
      }
      byId = next;
      publish();
    },
    dismiss(id) {
      sequence += 1;
      dismissed.set(id, sequence);
      updatedAt.delete(id);
      if (!byId.has(id)) return;
      byId = new Map(byId);
      byId.delete(id);
      publish();
    },
  };
}
