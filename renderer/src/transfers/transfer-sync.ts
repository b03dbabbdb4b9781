// Feeds a transfer store from the core: every `transfers:progress` event, and the full `transfers:list` on
// start and whenever the bridge reopens after a drop (events were lost meanwhile), which is how a reloaded or
// reconnected window reattaches to pulls that kept running in the core.
import type { BerthClient } from '../ipc/berth-client';
import { onBridgeCatchUp } from '../ipc/bridge-state';
import type { TransferStore } from './transfer-store';
import { errorMessage } from '@shared/error-message';

export type TransferClient = Pick<BerthClient, 'invoke' | 'on' | 'bridge'>;

/** Returns the function that stops syncing. */
export function syncTransfers(client: TransferClient, store: TransferStore): () => void {
  let stopped = false;
  const refresh = async () => {
    const token = store.beginReplace();
    try {
      const transfers = await client.invoke('transfers:list', {});
      if (!stopped) store.replaceAll(token, transfers);
    } catch (error) {
      // The bridge's next reopen asks again; until then the transfers shown are the last known.
      console.warn(`[transfers] could not list transfers: ${errorMessage(error)}`);
    }
  };
  const stops = [client.on('transfers:progress', (transfer) => store.apply(transfer))];
  if (client.bridge) stops.push(onBridgeCatchUp(client.bridge, () => void refresh()));
  void refresh();
  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}
