// What charts and sparklines read: one container's stats over a time window, column by column, oldest
// first. Null values break lines (unknown, unlimited, or a gap where the series ended or data is missing).
import { F, statsFields, type StatsField } from '@shared/stats-types';

export interface SeriesWindow {
  /** The window's span in epoch ms; charts use it as the x domain so an empty stretch still shows. */
  from: number;
  to: number;
  t: number[];
  columns: Record<StatsField, Array<number | null>>;
  /** Times in the window at which the series ended (the container stopped or was removed). */
  endedAt: number[];
  /** Times of the null rows that break the series (a gap without data, or its end): not readings. */
  breaks: number[];
}

export function emptyWindow(from: number, to: number): SeriesWindow {
  const columns = {} as Record<StatsField, Array<number | null>>;
  for (const field of statsFields) columns[field] = [];
  return { from, to, t: [], columns, endedAt: [], breaks: [] };
}

/** Field `field` of a stats row; null when the row is missing it or says unknown/unlimited. */
export function valueOf(values: ReadonlyArray<number | null> | null | undefined, field: StatsField): number | null {
  const value = values?.[F[field]];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
