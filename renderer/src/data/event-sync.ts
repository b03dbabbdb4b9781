// Keeps the query cache in step with the core's pushed events: container changes invalidate the container
// list and containers' limits (coalesced; a `docker update` elsewhere shows in an open Limits panel), image
// changes (pull, tag, untag, delete, push) invalidate the image list, inspect and history (coalesced: a
// prune or a pull sends a burst), engine status lands in the cache, and a reconnected bridge refetches
// everything.
import type { QueryClient } from '@tanstack/react-query';
import type { BerthClient } from '../ipc/berth-client';
import { onBridgeCatchUp } from '../ipc/bridge-state';
import { applyEngineStatus } from './channel-query';
import { coalesce } from './coalesce';

export const containersCoalesceMs = 120;

/** Returns the function that stops syncing. */
export function syncQueriesWithEvents(client: BerthClient, queries: QueryClient, coalesceMs = containersCoalesceMs) {
  const containersChanged = coalesce(() => {
    void queries.invalidateQueries({ queryKey: ['containers:list'] });
    void queries.invalidateQueries({ queryKey: ['limits:get'] });
    void queries.invalidateQueries({ queryKey: ['replicas:list'] });
  }, coalesceMs);
  const imagesChanged = coalesce(() => {
    void queries.invalidateQueries({ queryKey: ['images:list'] });
    void queries.invalidateQueries({ queryKey: ['images:inspect'] });
    void queries.invalidateQueries({ queryKey: ['images:history'] });
  }, coalesceMs);
  const stops = [
    client.on('containers:changed', () => containersChanged.call()),
    client.on('images:changed', () => imagesChanged.call()),
    client.on('engine:status', (status) => applyEngineStatus(queries, status)),
  ];
  // Events were lost while the bridge was down, and requests failed: nothing in the cache can be trusted.
  if (client.bridge) stops.push(onBridgeCatchUp(client.bridge, () => void queries.invalidateQueries()));
  return () => {
    containersChanged.cancel();
    imagesChanged.cancel();
    for (const stop of stops) stop();
  };
}
