// Fewer rows for the totals charts (stacked per container) over a long range: 7 days at the 1-minute tier is
// 10 080 rows per container, many times the pixels of a chart, and each is stacked and drawn. Runs of
// `factor` rows become one: the mean of usage values, the last limits and counts, and the smallest and
// largest sample as the band, so a spike inside a merged run still shows. Gap rows are kept as they are. (A
// container's own Stats tab thins its chart rows to the plot's width instead: charts/chart-thin.ts.)
import type { HistoryRange, HistoryRow } from '@shared/stats-history-types';
import { F, statsFieldCount, type StatsValues } from '@shared/stats-types';
import { isGapRow } from './history-chart-data';

/** Fields that are states (a limit, a cumulative count), not rates or levels: the run keeps its last one. */
const lastOf = new Set<number>([F.cpuLimitCores, F.memLimitBytes, F.swapLimitBytes, F.pidsLimit, F.oomKills]);

/** Most rows a chart draws; about one per pixel of a wide chart. */
export const maxDrawnRows = 1500;

export function thinRange(range: HistoryRange, maxRows = maxDrawnRows): HistoryRange {
  if (range.rows.length <= maxRows) return range;
  const factor = Math.ceil(range.rows.length / maxRows);
  const rows: HistoryRow[] = [];
  let run: HistoryRow[] = [];
  const flush = () => {
    if (run.length > 0) rows.push(merge(run));
    run = [];
  };
  for (const row of range.rows) {
    if (isGapRow(row.v)) {
      flush();
      rows.push(row);
      continue;
    }
    // Runs are aligned to the coarser step, so a row's bucket does not depend on where a gap fell.
    if (
      run.length > 0 &&
      Math.floor(row.t / (range.stepMs * factor)) !== Math.floor(run[0].t / (range.stepMs * factor))
    )
      flush();
    run.push(row);
  }
  flush();
  return { ...range, stepMs: range.stepMs * factor, rows };
}

function merge(run: readonly HistoryRow[]): HistoryRow {
  if (run.length === 1) return run[0];
  const v: StatsValues = new Array<number | null>(statsFieldCount).fill(null);
  const min: StatsValues = new Array<number | null>(statsFieldCount).fill(null);
  const max: StatsValues = new Array<number | null>(statsFieldCount).fill(null);
  for (let f = 0; f < statsFieldCount; f += 1) {
    let sum = 0;
    let count = 0;
    for (const row of run) {
      const value = row.v[f];
      if (typeof value !== 'number') continue;
      sum += value;
      count += 1;
      if (lastOf.has(f)) v[f] = value;
      const low = row.min?.[f] ?? value;
      const high = row.max?.[f] ?? value;
      if (typeof low === 'number') min[f] = min[f] === null ? low : Math.min(min[f]!, low);
      if (typeof high === 'number') max[f] = max[f] === null ? high : Math.max(max[f]!, high);
    }
    if (!lastOf.has(f) && count > 0) v[f] = sum / count;
  }
  return { t: run[0].t, v, min, max };
}
