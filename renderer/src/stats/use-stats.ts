// Hooks over the stats store: declare what a view needs (watch, history), read the latest values or a
// window of a series. Reads go through useSyncExternalStore; snapshots stay the same object until changed.
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { StatsWatchResult } from '@shared/stats-types';
import type { LatestStats } from './series-store';
import type { SeriesWindow } from './series-window';
import { useStatsStore } from './stats-context';
import type { WatchRequest } from './watch-registry';

/**
 * Declares that this component shows stats for every running container or for some ids; `focus` when it
 * charts those ids now (the core then samples them several times a second).
 */
export function useStatsWatch(request: WatchRequest): void {
  const { watches } = useStatsStore();
  const all = request.all === true;
  const focus = request.focus === true;
  // A key, so a new array with the same ids each render does not re-declare.
  const ids = [...new Set(request.ids ?? [])].sort().join('\n');
  useEffect(() => watches.watch({ all, ids: ids ? ids.split('\n') : [], focus }), [watches, all, ids, focus]);
}

/** Fetches the container's history into its series while this component is mounted. */
export function useStatsHistory(id: string | null): void {
  const { watches } = useStatsStore();
  useEffect(() => (id ? watches.requestHistory(id) : undefined), [watches, id]);
}

/** Keeps the container's series in this window while mounted, even once the container is removed. */
export function useStatsShown(id: string): void {
  const { series } = useStatsStore();
  useEffect(() => series.show(id), [series, id]);
}

/**
 * The container's newest stats, re-rendering on every tick; with `everyMs`, at most once per that many ms
 * (for a heavy view, such as the limits editor and its usage markers, where a value a few seconds old is
 * good enough; a render for another reason still reads the newest).
 */
export function useLatestStats(id: string, everyMs = 0): LatestStats | null {
  const { series } = useStatsStore();
  const subscribe = useMemo(
    () => (everyMs > 0 ? throttled(series.subscribe, everyMs) : series.subscribe),
    [series, everyMs],
  );
  return useSyncExternalStore(subscribe, () => series.latest(id));
}

/** `subscribe` whose listener hears at most one change per `everyMs` (the last change always comes through). */
function throttled(subscribe: (listener: () => void) => () => void, everyMs: number) {
  return (listener: () => void) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe(() => {
      timer ??= setTimeout(() => {
        timer = null;
        listener();
      }, everyMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  };
}

export function useAllLatestStats(): ReadonlyMap<string, LatestStats> {
  const { series } = useStatsStore();
  return useSyncExternalStore(series.subscribe, () => series.allLatest());
}

/**
 * The last `rangeSeconds` of a container's series, moving with the ticks; with `frozenAt` set (charts
 * paused) it ends there and stops following, while the store keeps collecting. `enabled` false: null, and no
 * render per tick (a view drawing from the recorded store instead).
 */
export function useStatsSeries(
  id: string,
  rangeSeconds: number,
  frozenAt: number | null = null,
  enabled = true,
): SeriesWindow | null {
  const { series } = useStatsStore();
  const following = enabled && frozenAt === null;
  const subscribe = useCallback(
    (listener: () => void) => (following ? series.subscribe(listener) : () => undefined),
    [series, following],
  );
  const frozen = useMemo(
    () => (enabled && frozenAt !== null ? series.window(id, rangeSeconds, frozenAt) : null),
    [series, id, rangeSeconds, frozenAt, enabled],
  );
  return useSyncExternalStore(subscribe, () => (following ? series.window(id, rangeSeconds) : frozen));
}

/** The core's answer to the last watch (collector, interval); null before the first. */
export function useStatsMeta(): StatsWatchResult | null {
  const { watches } = useStatsStore();
  return useSyncExternalStore(watches.meta.subscribe, watches.meta.get);
}
