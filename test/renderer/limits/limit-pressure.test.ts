// The live line on whether the limits bite, from the newest stats sample.
import { describe, expect, it } from 'vitest';
import { statsFields, type StatsField } from '../../../main/shared/stats-types';
import { limitPressure } from '../../../renderer/src/limits/limit-pressure';
import { MiB } from '../../main/shared/limits/limit-sets';

function sample(values: Partial<Record<StatsField, number>>): Array<number | null> {
  return statsFields.map((field) => values[field] ?? null);
}

describe('limitPressure', () => {
  it('says when throttling holds the container back', () => {
    expect(limitPressure(sample({ throttledPercent: 80 }))).toEqual([
      { tone: 'danger', text: 'Held back: throttled in 80 % of CPU periods' },
    ]);
    expect(limitPressure(sample({ throttledPercent: 12.4 }))[0]).toEqual({
      tone: 'warn',
      text: 'Held back: throttled in 12 % of CPU periods',
    });
  });

  it('says when memory is close to its limit, and counts OOM kills', () => {
    expect(limitPressure(sample({ memBytes: 97 * MiB, memLimitBytes: 100 * MiB, oomKills: 2 }))).toEqual([
      { tone: 'danger', text: 'Memory at 97 % of its limit' },
      { tone: 'danger', text: '2 processes were killed for lack of memory (OOM) since its stats started' },
    ]);
  });

  it('says all is well below the thresholds, and nothing without a sample', () => {
    expect(limitPressure(sample({ throttledPercent: 1, memBytes: 10 * MiB, memLimitBytes: 100 * MiB }))).toEqual([
      { tone: 'ok', text: 'Within its limits: no throttling, memory clear of its limit' },
    ]);
    expect(limitPressure(null)).toEqual([]);
  });
});
