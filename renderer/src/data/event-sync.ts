// Keeps the query cache in step with the core's pushed events: container changes invalidate the container
// list and containers' limits (coalesced, and once more when the events settle; a `docker update` elsewhere
// shows in an open Limits panel), image
// changes (pull, tag, untag, delete, push) invalidate the image list, inspect and history (coalesced: a
// prune or a pull sends a burst), engine status and the engine list land in the cache, a switch of the active
// engine refetches everything (every list is that engine's), and a reconnected bridge refetches everything.
import type { QueryClient } from '@tanstack/react-query';
import type { EngineView } from '@shared/engine-manager-types';
import type { BerthClient } from '../ipc/berth-client';
import { onBridgeCatchUp } from '../ipc/bridge-state';
import { applyEngineStatus, channelKey } from './channel-query';
import { afterQuiet, coalesce } from './coalesce';

export const containersCoalesceMs = 120;
/** A few fetches at once (an action's events, a second one soon after), then one a second while events stream. */
export const containersRunBudget = { burst: 4, refillMs: 1000 };
/** The list is fetched once more this long after the last container event. */
export const containersSettleMs = 600;

export const enginesKey = channelKey('engines:list', {});

function activeIdOf(engines: readonly EngineView[] | undefined): string | null | undefined {
  return engines === undefined ? undefined : (engines.find((engine) => engine.active)?.id ?? null);
}

/**
 * Puts a fresh engine list into the cache (from `engines:changed` or a command's answer). When the active
 * engine differs from the one last seen (`lastSeen` covers a cache that had no list yet), every other query
 * is refetched: containers, images, stats limits… all belong to the engine that was active. Returns the
 * active id now.
 */
export function applyEngineViews(queries: QueryClient, engines: EngineView[], lastSeen?: string | null): string | null {
  const previous = activeIdOf(queries.getQueryData<EngineView[]>(enginesKey)) ?? lastSeen;
  const now = activeIdOf(engines) ?? null;
  queries.setQueryData(enginesKey, engines);
  if (previous !== undefined && previous !== now) {
    void queries.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'engines:list' });
  }
  return now;
}

/** Returns the function that stops syncing. */
export function syncQueriesWithEvents(client: BerthClient, queries: QueryClient, coalesceMs = containersCoalesceMs) {
  const refreshContainers = () => {
    void queries.invalidateQueries({ queryKey: ['containers:list'] });
    void queries.invalidateQueries({ queryKey: ['limits:get'] });
    void queries.invalidateQueries({ queryKey: ['replicas:list'] });
  };
  const containersChanged = coalesce(refreshContainers, coalesceMs, containersRunBudget);
  // The engine sends `die` before its list says exited (Docker 20.10: 70-100 ms later on an idle machine), so
  // a list fetched on the event alone can show a stopped container running until its next event.
  const containersSettled = afterQuiet(refreshContainers, containersSettleMs);
  const imagesChanged = coalesce(() => {
    void queries.invalidateQueries({ queryKey: ['images:list'] });
    void queries.invalidateQueries({ queryKey: ['images:inspect'] });
    void queries.invalidateQueries({ queryKey: ['images:history'] });
  }, coalesceMs);
  let lastActive: string | null | undefined;
  const stops = [
    client.on('containers:changed', () => {
      containersChanged.call();
      containersSettled.call();
    }),
    client.on('images:changed', () => imagesChanged.call()),
    client.on('engine:status', (status) => applyEngineStatus(queries, status)),
    client.on('engines:changed', (engines) => (lastActive = applyEngineViews(queries, engines, lastActive))),
  ];
  // Events were lost while the bridge was down, and requests failed: nothing in the cache can be trusted.
  if (client.bridge) stops.push(onBridgeCatchUp(client.bridge, () => void queries.invalidateQueries()));
  return () => {
    containersChanged.cancel();
    containersSettled.cancel();
    imagesChanged.cancel();
    for (const stop of stops) stop();
  };
}
