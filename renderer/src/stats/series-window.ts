// What charts and sparklines read: one container's stats over a time window, column by column, oldest
// first. Null values break lines (unknown, unlimited, or a gap where the series ended or data is missing).
import type { StatsRing } from '@shared/stats-ring';
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

/**
 * The rows of `ring` in (`from`, `to`], plus the one just before `from` so a line enters at the window's edge.
 * Where two rows are more than `gapMs` apart a null row is inserted, so charts break the line there rather
 * than draw a straight line across time without data.
 */
export function seriesWindow(ring: StatsRing, from: number, to: number, gapMs: number): SeriesWindow {
  const result = emptyWindow(from, to);
  let previous: number | null = null;
  for (let i = Math.max(0, ring.firstIndexAfter(from) - 1); i < ring.length; i += 1) {
    const t = ring.timeAt(i);
    if (t > to) break;
    if (previous !== null && t - previous > gapMs) appendNulls(result, (previous + t) / 2);
    previous = t;
    if (ring.isEndedAt(i)) {
      appendNulls(result, t);
      result.endedAt.push(t);
      continue;
    }
    result.t.push(t);
    statsFields.forEach((field, f) => result.columns[field].push(ring.valueAt(i, f)));
  }
  return result;
}

function appendNulls(window: SeriesWindow, t: number): void {
  window.breaks.push(t);
  window.t.push(t);
  for (const field of statsFields) window.columns[field].push(null);
}
