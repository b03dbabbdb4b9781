// The shape history is read and exported in: rows, oldest first, values in `statsFields` order (the way
// ticks carry them), never transposed to columns. The types are the contract's (stats-history-types.ts).

import type { HistoryRow } from '../../../shared/stats-history-types';

export type { HistoryRange, HistoryRow } from '../../../shared/stats-history-types';

export function gapRow(t: number, width: number, keepsRange: boolean): HistoryRow {
  const nulls = () => new Array<number | null>(width).fill(null);
  return keepsRange ? { t, v: nulls(), min: nulls(), max: nulls() } : { t, v: nulls() };
}
