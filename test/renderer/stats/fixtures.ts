// Shared test data for the stats store: a stats row built from named fields, and ticks.
import { statsFields, type StatsField, type StatsTick, type StatsValues } from '../../../main/shared/stats-types';

/** A row in `statsFields` order: the given fields, null for the rest. */
export function row(fields: Partial<Record<StatsField, number | null>>): StatsValues {
  return statsFields.map((field) => fields[field] ?? null);
}

export function tick(
  t: number,
  samples: Array<[string, Partial<Record<StatsField, number | null>>]>,
  ended: Array<[string, string]> = [],
): StatsTick {
  return {
    t,
    samples: samples.map(([id, fields]) => ({ id, v: row(fields) })),
    ended: ended.map(([id, reason]) => ({ id, reason })),
  };
}
