// Fewer rows for the Stats tab's charts: no more than about one per pixel of the plot. 15 minutes of the live
// ring is 900 rows and 7 days of the 1-minute tier 10 080, many times a chart's width, and recharts' cost per
// redraw grows with its rows. Runs of rows in buckets aligned to whole multiples of the step (so a bucket
// holds the same rows from one tick to the next) become one row: the mean of usage values, the last limits and
// counts, the largest process count, and the smallest and largest CPU and memory as the band, so a spike
// inside a bucket still shows.
// Break rows (gaps, a series' end) stay as they are. Works on ChartData, so ring and store rows go the same
// way (the totals charts thin their stacked rows with stats/history/thin-rows.ts before stacking).
import { statsFields } from '@shared/stats-types';
import type { ChartData, ChartKey, ChartRow } from './chart-data';

/** Keys whose value is a state (a limit, a cumulative count), not a rate or a level: a bucket keeps its last. */
const lastOf = new Set<ChartKey>([
  'cpuLimitCores',
  'cpuLimitPercent',
  'memLimitBytes',
  'swapLimitBytes',
  'pidsLimit',
  'oomKills',
]);
/** A count of processes: a bucket keeps its largest, so a short burst of processes shows (and stays whole). */
const largestOf = new Set<ChartKey>(['pids']);
const keys: readonly ChartKey[] = [...statsFields, 'cpuLimitPercent'];

/** Most rows a chart draws when nothing says its width: about one per pixel of a wide plot. */
export const defaultMaxRows = 600;

/** `data` with at most about `maxRows` rows (gap rows aside); the same object when it already has no more. */
export function thinChartData(data: ChartData, maxRows = defaultMaxRows): ChartData {
  const readings = data.rows.length - data.breaks.size;
  if (readings <= maxRows || maxRows < 1) return data;
  const stepMs = data.stepMs ?? 1000;
  const bucketMs = stepMs * Math.ceil(readings / maxRows);
  const rows: ChartRow[] = [];
  let run: ChartRow[] = [];
  const flush = () => {
    if (run.length > 0) rows.push(merge(run));
    run = [];
  };
  for (const row of data.rows) {
    if (data.breaks.has(row.t)) {
      flush();
      rows.push(row);
      continue;
    }
    if (run.length > 0 && Math.floor(row.t / bucketMs) !== Math.floor(run[0].t / bucketMs)) flush();
    run.push(row);
  }
  flush();
  return { ...data, rows, stepMs: bucketMs, banded: true };
}

function merge(run: readonly ChartRow[]): ChartRow {
  const merged = { t: run[0].t } as ChartRow;
  for (const key of keys) {
    let sum = 0;
    let count = 0;
    let last: number | null = null;
    let largest: number | null = null;
    for (const row of run) {
      const value = row[key];
      if (value === null || value === undefined) continue;
      sum += value;
      count += 1;
      last = value;
      largest = largest === null ? value : Math.max(largest, value);
    }
    merged[key] = lastOf.has(key) ? last : largestOf.has(key) ? largest : count > 0 ? sum / count : null;
  }
  merged.cpuBand = band(run, 'cpuPercent', 'cpuBand');
  merged.memBand = band(run, 'memBytes', 'memBand');
  return merged;
}

/** The smallest and largest of the run: a row's own band where it has one (already thinned), else its value. */
function band(run: readonly ChartRow[], key: 'cpuPercent' | 'memBytes', bandKey: 'cpuBand' | 'memBand') {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of run) {
    const own = row[bandKey];
    const value = row[key];
    const rowLow = own ? own[0] : value;
    const rowHigh = own ? own[1] : value;
    if (rowLow !== null && rowLow !== undefined) low = Math.min(low, rowLow);
    if (rowHigh !== null && rowHigh !== undefined) high = Math.max(high, rowHigh);
  }
  return low <= high ? ([low, high] as [number, number]) : null;
}
