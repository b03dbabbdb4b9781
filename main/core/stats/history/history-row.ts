// The shape history is read and exported in: rows, oldest first, values in `statsFields` order (the way
// ticks carry them), never transposed to columns.

import type { StatsValues } from '../../../shared/stats-types';
import type { HistoryTier } from './tiers';

export interface HistoryRow {
  /** Epoch ms of the bucket's start. */
  t: number;
  /** One value per field (see field-rules.ts for mean vs last); null = no sample (a gap) or unlimited. */
  v: StatsValues;
  /** Downsampled tiers only: each field's smallest and largest sample in the bucket. */
  min?: StatsValues;
  max?: StatsValues;
}

export interface HistoryRange {
  id: string;
  tier: HistoryTier['name'];
  stepMs: number;
  rows: HistoryRow[];
}

export function gapRow(t: number, width: number, keepsRange: boolean): HistoryRow {
  const nulls = () => new Array<number | null>(width).fill(null);
  return keepsRange ? { t, v: nulls(), min: nulls(), max: nulls() } : { t, v: nulls() };
}
