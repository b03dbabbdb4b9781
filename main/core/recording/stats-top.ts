// The Dashboard's top consumers over a range: for every container with recorded history, the mean and the
// peak of CPU or memory, and its limit at the end of the range, read from the coarsest tier that still gives
// the range some thirty buckets (a week reads 1-minute rows, not a million 1-second ones).
import type { HistoryRange, TopConsumer } from '../../shared/stats-history-types';
import type { FieldSummary } from '../stats/history/field-summary';
import { F } from '../../shared/stats-types';
import { historyTiers, tierFor, type HistoryTier } from '../stats/history/tiers';

export type TopBy = 'cpu' | 'memory';

export const topFields: Record<TopBy, { value: number; limit: number }> = {
  cpu: { value: F.cpuPercent, limit: F.cpuLimitCores },
  memory: { value: F.memBytes, limit: F.memLimitBytes },
};

/** Buckets a range should at least have for its mean and peak to mean something. */
const minBuckets = 30;

/** The coarsest tier with at least `minBuckets` steps in the range, never finer than what reaches back to `from`. */
export function topTier(from: number, to: number, now: number, tiers: readonly HistoryTier[] = historyTiers) {
  const coarseEnough = [...tiers].reverse().find((tier) => tier.stepMs * minBuckets <= to - from) ?? tiers[0]!;
  const reaching = tierFor(from, now, tiers);
  return tiers.indexOf(coarseEnough) >= tiers.indexOf(reaching) ? coarseEnough : reaching;
}

/** One container's use over its range; null when it has no value of that field in it. */
export function consumerOf(range: HistoryRange, by: TopBy, name: string | null): TopConsumer | null {
  const { value, limit } = topFields[by];
  let sum = 0;
  let count = 0;
  let max = -Infinity;
  let lastLimit: number | null = null;
  for (const row of range.rows) {
    const v = row.v[value];
    if (v === null || v === undefined) continue;
    sum += v;
    count += 1;
    max = Math.max(max, row.max?.[value] ?? v);
    lastLimit = row.v[limit] ?? null;
  }
  if (count === 0) return null;
  return { id: range.id, name, mean: sum / count, max, limit: lastLimit };
}

/** A container's use from the store's summary of its field; null when it had no value in the range. */
export function consumerOfSummary(id: string, summary: FieldSummary, name: string | null): TopConsumer | null {
  if (summary.count === 0) return null;
  return { id, name, mean: summary.sum / summary.count, max: summary.max, limit: summary.limit };
}

/** Sorted by mean, largest first; ties by peak. */
export function topConsumers(consumers: Array<TopConsumer | null>, limit: number): TopConsumer[] {
  return consumers
    .filter((consumer): consumer is TopConsumer => consumer !== null)
    .sort((a, b) => b.mean - a.mean || b.max - a.max)
    .slice(0, limit);
}
