// Recorded history of some containers through TanStack Query: a range ending now is keyed by its length and
// refetched once per store step while shown (so it moves without asking every second); a fixed window (a
// zoom, a pan) is keyed by its ends and fetched once.
import { useQuery } from '@tanstack/react-query';
import type { HistoryRange } from '@shared/stats-history-types';
import { useBerthClient } from '../../data/client-context';
import { expectedStepMs, type TimeWindow } from './time-window';

export interface HistoryQuery {
  ranges: HistoryRange[] | undefined;
  /** The window the answer covers (ending at the fetch's time for a range ending now). */
  window: TimeWindow | null;
  error: Error | null;
  loading: boolean;
}

/**
 * `fixed` set: that window. Otherwise the last `seconds` up to now. `enabled` false: nothing is asked
 * (the view draws from the live ring).
 */
export function useHistoryRange(
  ids: readonly string[],
  seconds: number,
  fixed: TimeWindow | null,
  enabled = true,
): HistoryQuery {
  const client = useBerthClient();
  const sorted = [...ids].sort();
  const query = useQuery({
    queryKey: fixed
      ? ['stats:range', { ids: sorted, from: Math.round(fixed.from), to: Math.round(fixed.to) }]
      : ['stats:range', { ids: sorted, seconds }],
    queryFn: async () => {
      const to = fixed ? Math.round(fixed.to) : Date.now();
      const from = fixed ? Math.round(fixed.from) : to - seconds * 1000;
      const ranges = await client.invoke('stats:range', { ids: sorted, from, to: fixed ? to : undefined });
      return { ranges, window: { from, to } };
    },
    enabled: enabled && sorted.length > 0,
    // A range ending now moves one bucket per step; a fixed window's past does not change.
    // The store's own step once it has answered (it may pick a coarser tier than the span suggests).
    refetchInterval: (current) =>
      fixed ? false : (current.state.data?.ranges[0]?.stepMs ?? expectedStepMs(seconds * 1000)),
    staleTime: fixed ? Infinity : 0,
    // The chart keeps the last answer while the next range loads, rather than flashing empty.
    placeholderData: (previous) => previous,
  });
  return {
    ranges: query.data?.ranges,
    window: query.data?.window ?? null,
    error: query.error,
    loading: query.isPending,
  };
}
