// The one transfer store per client, started on first use (the status bar's indicator is always mounted,
// so that is at startup), and hooks that read it and act on transfers.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { summariseTransfers, type TransfersSummary } from '@shared/transfer-summary';
import type { Transfer } from '@shared/transfer-types';
import { useBerthClient } from '../data/client-context';
import type { BerthClient } from '../ipc/berth-client';
import { createTransferStore, type TransferStore } from './transfer-store';
import { syncTransfers } from './transfer-sync';
import { errorMessage } from '@shared/error-message';

// Keyed by client rather than provided through context: the store lives as long as its client does.
const stores = new WeakMap<BerthClient, TransferStore>();

export function transferStoreFor(client: BerthClient): TransferStore {
  let store = stores.get(client);
  if (!store) {
    store = createTransferStore();
    stores.set(client, store);
    syncTransfers(client, store);
  }
  return store;
}

export function useTransferStore(): TransferStore {
  return transferStoreFor(useBerthClient());
}

/** Every transfer the core reported, newest first. */
export function useTransfers(): readonly Transfer[] {
  const store = useTransferStore();
  return useSyncExternalStore(store.subscribe, store.get);
}

export function useTransfersSummary(): TransfersSummary {
  const transfers = useTransfers();
  return useMemo(() => summariseTransfers(transfers), [transfers]);
}

/** Starting, cancelling and dismissing; a refusal rejects with the core's BerthError for the caller to show. */
export function useTransferActions() {
  const client = useBerthClient();
  const store = transferStoreFor(client);
  const start = useCallback(
    async (kind: Transfer['kind'], reference: string) => {
      const transfer = await client.invoke(kind === 'pull' ? 'images:pull' : 'images:push', { reference });
      store.adopt(transfer);
      return transfer;
    },
    [client, store],
  );
  const cancel = useCallback(
    async (id: string) => store.adopt(await client.invoke('transfers:cancel', { id })),
    [client, store],
  );
  const dismiss = useCallback(
    (id: string) => {
      // Gone from view at once; the core forgets it too, and if it cannot, the store still keeps it hidden.
      store.dismiss(id);
      client.invoke('transfers:dismiss', { id }).catch((error: unknown) => {
        console.warn(`[transfers] could not dismiss ${id}: ${errorMessage(error)}`);
      });
    },
    [client, store],
  );
  return { start, cancel, dismiss };
}
