// Puts together the rows of one tier for a time range: what is on disk, then what is still in memory (later
// than the disk's newest), with one gap row wherever a step is missing, so a chart breaks its line there
// instead of drawing across time nobody recorded.

import { gapRow, type HistoryRow } from './history-row';
import type { HistoryTier } from './tiers';

export function rangeRows(
  tier: HistoryTier,
  width: number,
  disk: readonly HistoryRow[],
  memory: readonly HistoryRow[],
  from: number,
  to: number,
): HistoryRow[] {
  const newestOnDisk = disk.length > 0 ? disk[disk.length - 1]!.t : -Infinity;
  const rows = [...disk, ...memory.filter((row) => row.t > newestOnDisk)].filter((row) => row.t >= from && row.t <= to);
  const out: HistoryRow[] = [];
  for (const row of rows) {
    const previous = out[out.length - 1];
    if (previous && row.t - previous.t > tier.stepMs && !isGap(previous))
      out.push(gapRow(previous.t + tier.stepMs, width, tier.keepsRange));
    out.push(row);
  }
  return out;
}

function isGap(row: HistoryRow): boolean {
  return row.v.every((value) => value === null);
}
