// Keeps the query cache in step with the core's pushed events: container changes invalidate the container
// list (coalesced), engine status lands in the cache, and a reconnected bridge refetches everything.
import type { QueryClient } from '@tanstack/react-query';
import type { BerthClient } from '../ipc/berth-client';
import { applyEngineStatus } from './channel-query';
import { coalesce } from './coalesce';

export const containersCoalesceMs = 120;

/** Returns the function that stops syncing. */
export function syncQueriesWithEvents(client: BerthClient, queries: QueryClient, coalesceMs = containersCoalesceMs) {
  const containersChanged = coalesce(() => {
    void queries.invalidateQueries({ queryKey: ['containers:list'] });
  }, coalesceMs);
  const stops = [
    client.on('containers:changed', () => containersChanged.call()),
    client.on('engine:status', (status) => applyEngineStatus(queries, status)),
  ];
  const bridge = client.bridge;
  if (bridge) {
    stops.push(
      bridge.state.subscribe(() => {
        const state = bridge.state.get();
        // Events were lost while the bridge was down: nothing in the cache can be trusted.
        if (state.state === 'open' && state.reconnected) void queries.invalidateQueries();
      }),
    );
  }
  return () => {
    containersChanged.cancel();
    for (const stop of stops) stop();
  };
}
