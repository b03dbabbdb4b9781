// Recorded history (`stats:range`) as the charts' rows: the same ChartData the live ring gives, plus the
// min–max band of downsampled tiers (so a one-second spike stays visible in a one-minute mean), null rows
// wherever the store has no sample, and a sentence on coverage ("no gaps", "2 gaps") for people and tests.
import type { HistoryRange, HistoryRow } from '@shared/stats-history-types';
import { F, statsFields, type StatsValues } from '@shared/stats-types';
import type { ChartData, ChartRow } from '../../pages/container-detail/charts/chart-data';
import type { TimeWindow } from './time-window';

/** A row whose every value is null: the store says "no sample here". */
export function isGapRow(values: StatsValues): boolean {
  return values.every((value) => value === null || value === undefined);
}

function nullRow(t: number): ChartRow {
  const row = { t, cpuLimitPercent: null } as ChartRow;
  for (const field of statsFields) row[field] = null;
  return row;
}

function band(row: HistoryRow, index: number): [number, number] | null {
  const low = row.min?.[index];
  const high = row.max?.[index];
  return typeof low === 'number' && typeof high === 'number' ? [low, high] : null;
}

/**
 * The rows of `range` inside `window` (plus the one before, so the line enters at the edge). Rows further
 * apart than 1.5 steps get a null row between them, as do the store's all-null rows: lines break there.
 */
export function historyChartData(range: HistoryRange | undefined, window: TimeWindow): ChartData {
  const rows: ChartRow[] = [];
  const breaks = new Set<number>();
  const oomAt: number[] = [];
  const source = range?.rows ?? [];
  const step = range?.stepMs ?? 1000;
  // The row just before the window too, so the line enters at its left edge.
  let firstInside = source.findIndex((row) => row.t >= window.from);
  if (firstInside < 0) firstInside = source.length;
  const start = Math.max(0, firstInside - 1);
  let previous: number | null = null;
  let kills: number | null = null;
  let banded = false;
  for (let i = start; i < source.length; i += 1) {
    const row = source[i];
    if (row.t > window.to) break;
    if (previous !== null && row.t - previous > step * 1.5) {
      const t = previous + step;
      breaks.add(t);
      rows.push(nullRow(t));
    }
    previous = row.t;
    if (isGapRow(row.v)) {
      if (!breaks.has(row.t)) {
        breaks.add(row.t);
        rows.push(nullRow(row.t));
      }
      continue;
    }
    const chartRow = { t: row.t } as ChartRow;
    statsFields.forEach((field, index) => {
      const value = row.v[index];
      chartRow[field] = typeof value === 'number' ? value : null;
    });
    const cores = chartRow.cpuLimitCores;
    chartRow.cpuLimitPercent = cores === null ? null : cores * 100;
    if (row.min && row.max) {
      banded = true;
      chartRow.cpuBand = band(row, F.cpuPercent);
      chartRow.memBand = band(row, F.memBytes);
    }
    const count = chartRow.oomKills;
    if (count !== null) {
      if (kills !== null && count > kills && row.t >= window.from) oomAt.push(row.t);
      kills = count;
    }
    rows.push(chartRow);
  }
  return { rows, from: window.from, to: window.to, oomAt, endedAt: [], breaks, stepMs: step, banded };
}

/** Gaps inside the window: null rows after the first reading and before the last (not the time before a start). */
export function gapTimes(data: ChartData): number[] {
  const readings = data.rows.filter((row) => !data.breaks.has(row.t) && row.t >= data.from);
  if (readings.length === 0) return [];
  const first = readings[0].t;
  const last = readings[readings.length - 1].t;
  return [...data.breaks].filter((t) => t > first && t < last && !data.endedAt.includes(t)).sort((a, b) => a - b);
}

/** "240 samples · no gaps" or "240 samples · 2 gaps (12:01:05, 12:03:40)": what the window holds. */
export function describeCoverage(data: ChartData, formatTime: (t: number) => string): string {
  const samples = data.rows.filter((row) => !data.breaks.has(row.t) && row.t >= data.from && row.t <= data.to).length;
  if (samples === 0) return 'no samples in this window';
  const gaps = gapTimes(data);
  const shown = gaps.slice(0, 3).map(formatTime).join(', ');
  const more = gaps.length > 3 ? ', …' : '';
  const gapText =
    gaps.length === 0 ? 'no gaps' : `${gaps.length} ${gaps.length === 1 ? 'gap' : 'gaps'} (${shown}${more})`;
  return `${samples} ${samples === 1 ? 'sample' : 'samples'} · ${gapText}`;
}
