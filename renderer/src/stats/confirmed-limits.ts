// Limits the engine confirmed it enforces (the answer to an apply or undo), in the stats rows' fields and units.
// Charts draw them at once rather than up to a tick later, when the next sample carries them. They are not a
// sample: nothing measured is known at their time, so every other field of their row stays null (unknown).
import type { ContainerLimits } from '@shared/limits-types';
import { F, statsFields, type StatsField, type StatsValues } from '@shared/stats-types';
import type { SeriesWindow } from './series-window';

/** The stats fields that are limits (null = unlimited), the ones an apply's answer says. */
export const limitStatsFields = [
  'cpuLimitCores',
  'memLimitBytes',
  'swapLimitBytes',
  'pidsLimit',
] as const satisfies readonly StatsField[];

export type LimitStats = Record<(typeof limitStatsFields)[number], number | null>;

export interface ConfirmedLimits {
  /** When the engine's answer arrived, on the clock of the samples (the core's). */
  t: number;
  limits: LimitStats;
}

/** An apply's `after` in stats units; both sides mean the same by null (unlimited) and by swap (memory + swap). */
export function limitsAsStats(limits: ContainerLimits): LimitStats {
  return {
    cpuLimitCores: limits.cpus,
    memLimitBytes: limits.memoryBytes,
    swapLimitBytes: limits.memorySwapBytes,
    pidsLimit: limits.pidsLimit,
  };
}

/** A stats row with the confirmed limits in place of the sampled ones (what chart labels and summaries read). */
export function withConfirmedValues(values: StatsValues, confirmed: ConfirmedLimits): StatsValues {
  const next = [...values];
  for (const field of limitStatsFields) next[F[field]] = confirmed.limits[field];
  return next;
}

/**
 * Adds the confirmation as the window's newest row: its limits, and null for everything measured. Like the
 * series itself, it is cut off by a break row when it comes more than `gapMs` after the newest row (samples
 * stopped arriving), so its limit is not drawn back over time without data.
 */
export function appendConfirmedRow(window: SeriesWindow, confirmed: ConfirmedLimits, gapMs: number): void {
  const last = window.t.at(-1);
  if (last !== undefined && confirmed.t - last > gapMs) appendRow(window, (last + confirmed.t) / 2, {}, true);
  appendRow(window, confirmed.t, confirmed.limits, false);
}

function appendRow(
  window: SeriesWindow,
  t: number,
  values: Partial<Record<StatsField, number | null>>,
  isBreak: boolean,
): void {
  if (isBreak) window.breaks.push(t);
  window.t.push(t);
  for (const field of statsFields) window.columns[field].push(values[field] ?? null);
}
