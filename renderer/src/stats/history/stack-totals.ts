// Totals of several containers over time (a compose project, the whole engine): each container's recorded
// rows put into common buckets (the coarsest step among them, since a young container's history comes at a
// finer tier than an old one's), then one row per bucket with each container's value and their sum, which
// the stacked charts draw and their data table lists.
import type { HistoryRange } from '@shared/stats-history-types';
import { F, type StatsField } from '@shared/stats-types';

export interface StackedRow {
  t: number;
  /** Each container's value in this bucket, by its position in `ids`; null = no sample. */
  values: Array<number | null>;
  /** The sum of the values present; null when none is. */
  total: number | null;
}

export interface StackedSeries {
  ids: string[];
  stepMs: number;
  rows: StackedRow[];
}

/**
 * One row per bucket of `stepMs` (the coarsest step of the ranges) from the first to the last sample, each
 * container's value being the mean of its samples in that bucket. Buckets no container has a sample in are
 * kept as null rows so the areas break there.
 */
export function stackRanges(ranges: readonly HistoryRange[], field: StatsField): StackedSeries {
  const ids = ranges.map((range) => range.id);
  const stepMs = Math.max(1000, ...ranges.map((range) => range.stepMs));
  const buckets = new Map<number, { sums: number[]; counts: number[] }>();
  ranges.forEach((range, position) => {
    for (const row of range.rows) {
      const value = row.v[F[field]];
      if (typeof value !== 'number') continue;
      const t = Math.floor(row.t / stepMs) * stepMs;
      let bucket = buckets.get(t);
      if (!bucket) {
        bucket = { sums: new Array<number>(ids.length).fill(0), counts: new Array<number>(ids.length).fill(0) };
        buckets.set(t, bucket);
      }
      bucket.sums[position] += value;
      bucket.counts[position] += 1;
    }
  });
  const times = [...buckets.keys()].sort((a, b) => a - b);
  const rows: StackedRow[] = [];
  for (let i = 0; i < times.length; i += 1) {
    const t = times[i];
    if (i > 0 && t - times[i - 1] > stepMs)
      rows.push({ t: times[i - 1] + stepMs, values: ids.map(() => null), total: null });
    const bucket = buckets.get(t)!;
    const values = bucket.sums.map((sum, position) =>
      bucket.counts[position] > 0 ? sum / bucket.counts[position] : null,
    );
    rows.push({ t, values, total: sumPresent(values) });
  }
  return { ids, stepMs, rows };
}

function sumPresent(values: ReadonlyArray<number | null>): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

/** Rows as recharts reads them for stacked areas: `s0`, `s1`, … per container (0 for a missing one) and `total`. */
export function stackedChartRows(series: StackedSeries): Array<Record<string, number | null>> {
  return series.rows.map((row) => {
    const out: Record<string, number | null> = { t: row.t, total: row.total };
    row.values.forEach((value, position) => {
      // Within a bucket some containers have a sample: a missing one adds nothing. A bucket with none breaks.
      out[`s${position}`] = row.total === null ? null : (value ?? 0);
    });
    return out;
  });
}

/** Mean and peak of the totals: the one-line summary under a totals chart. */
export function totalSummary(series: StackedSeries): { mean: number; peak: number } | null {
  const totals = series.rows.map((row) => row.total).filter((total): total is number => total !== null);
  if (totals.length === 0) return null;
  return { mean: totals.reduce((a, b) => a + b, 0) / totals.length, peak: Math.max(...totals) };
}
