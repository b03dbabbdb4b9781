// Turns a stats window into what the charts draw: one row object per time (recharts reads rows), CPU and
// its limit in % of one core so they share an axis, the limits as constant stretches (drawn as dashed
// segments, so a limit changed live shows as a step), and the times of OOM kills and of the series ending.
import { statsFields, type StatsField } from '@shared/stats-types';
import type { SeriesWindow } from '../../../stats/series-window';

/**
 * One time's values as the contract names them (`statsFields`), plus the CPU limit in % of one core: the one
 * quantity the charts derive, so CPU and its limit share an axis.
 */
export type ChartRow = { t: number; cpuLimitPercent: number | null } & Record<StatsField, number | null> & {
    /** Downsampled history only: the bucket's smallest and largest CPU and memory, drawn as a faint band. */
    cpuBand?: [number, number] | null;
    memBand?: [number, number] | null;
  };

export type ChartKey = Exclude<keyof ChartRow, 't' | 'cpuBand' | 'memBand'>;

export interface ChartData {
  rows: ChartRow[];
  from: number;
  to: number;
  /** Times at which the OOM kill count went up. */
  oomAt: number[];
  /** Times at which the series ended (stopped, removed). */
  endedAt: number[];
  /** Times of rows that break the series (no data, or its end): not readings of anything. */
  breaks: ReadonlySet<number>;
  /** Set for recorded history: the store's resolution, and whether rows carry min–max bands. */
  stepMs?: number;
  banded?: boolean;
  /** How the time axis reads: distance from now (a live window), or clock times (history, zoom). */
  axis?: 'ago' | 'clock';
}

/** A stretch of time over which a limit kept one value. */
export interface LimitSegment {
  from: number;
  to: number;
  value: number;
}

export function chartData(window: SeriesWindow): ChartData {
  const c = window.columns;
  const rows: ChartRow[] = window.t.map((t, i) => {
    const row = { t } as ChartRow;
    for (const field of statsFields) row[field] = c[field][i];
    const cores = c.cpuLimitCores[i];
    row.cpuLimitPercent = cores === null ? null : cores * 100;
    return row;
  });
  const oomAt: number[] = [];
  let kills: number | null = null;
  window.t.forEach((t, i) => {
    const count = c.oomKills[i];
    if (count === null) return;
    // Cumulative per series: a rise is a kill; a drop is a new series (restart), not an event.
    if (kills !== null && count > kills && t >= window.from) oomAt.push(t);
    kills = count;
  });
  return {
    rows,
    from: window.from,
    to: window.to,
    oomAt,
    endedAt: window.endedAt.filter((t) => t >= window.from),
    breaks: new Set(window.breaks),
  };
}

/**
 * The stretches over which `key` held one value, clipped to [from, to]. A reading says the value at its
 * time, changed at some point since the reading before: a new value is drawn from that reading on, so the
 * newest one shows at once (up to the window's end) rather than only once a later row repeats it. Unlimited
 * (null) draws nothing; a break ends a stretch, and a value right after one starts at its own row.
 */
export function limitSegments(data: ChartData, key: ChartKey): LimitSegment[] {
  const segments: LimitSegment[] = [];
  let open: LimitSegment | null = null;
  /** The time of the row before, when it was a reading. */
  let previous: number | null = null;
  for (const row of data.rows) {
    const value = row[key];
    if (data.breaks.has(row.t)) {
      if (open) segments.push(open);
      open = null;
      previous = null;
      continue;
    }
    if (open && value === open.value) open.to = row.t;
    else {
      if (open) segments.push(open);
      open = value === null ? null : { from: previous ?? row.t, to: row.t, value };
    }
    previous = row.t;
  }
  if (open) segments.push(open);
  return segments
    .map((segment) => ({ ...segment, from: Math.max(segment.from, data.from), to: Math.min(segment.to, data.to) }))
    .filter((segment) => segment.to > segment.from);
}

/** The largest value of any of `keys` in the rows; 0 when there is none. */
export function maxOf(data: ChartData, keys: readonly ChartKey[]): number {
  let max = 0;
  for (const row of data.rows) for (const key of keys) max = Math.max(max, row[key] ?? 0);
  return max;
}

/** The top of a min–max band, so the value axis makes room for a spike the mean line hides; 0 without bands. */
export function bandMax(data: ChartData, key: 'cpuBand' | 'memBand'): number {
  let max = 0;
  if (data.banded) for (const row of data.rows) max = Math.max(max, row[key]?.[1] ?? 0);
  return max;
}
