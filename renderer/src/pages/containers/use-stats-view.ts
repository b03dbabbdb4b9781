// A table cell's view of one container's stats, re-rendering only when what the cell shows changed. Every
// stats tick brings a new sample object for every running container, though an idle container's text and
// line stay the same tick after tick: comparing the derived view (strings and numbers) instead of the sample
// keeps a live table of idle containers from re-rendering at all, and a busy row from re-rendering its
// neighbours.
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { SeriesStore } from '../../stats/series-store';
import { useStatsStore } from '../../stats/stats-context';

/** `derive` must return plain data (strings, numbers, arrays of them): equal views compare equal as JSON. */
export function useStatsView<V>(id: string, derive: (series: SeriesStore, id: string) => V): V {
  const { series } = useStatsStore();
  const last = useRef<{ id: string; key: string; view: V } | null>(null);
  const getSnapshot = useCallback(() => {
    const view = derive(series, id);
    const key = JSON.stringify(view);
    if (last.current?.id === id && last.current.key === key) return last.current.view;
    last.current = { id, key, view };
    return view;
  }, [series, id, derive]);
  return useSyncExternalStore(series.subscribe, getSnapshot);
}
