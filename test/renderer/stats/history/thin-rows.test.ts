import type { HistoryRange } from '@shared/stats-history-types';
import { F, statsFieldCount } from '@shared/stats-types';
import { describe, expect, it } from 'vitest';
import { thinRange } from '../../../../renderer/src/stats/history/thin-rows';

function range(cpu: Array<number | null>, stepMs = 60_000): HistoryRange {
  return {
    id: 'a',
    tier: '1m',
    stepMs,
    rows: cpu.map((value, i) => {
      const v: Array<number | null> = new Array(statsFieldCount).fill(null);
      v[F.cpuPercent] = value;
      if (value !== null) v[F.cpuLimitCores] = i < 2 ? 1 : 0.5;
      return { t: i * stepMs, v };
    }),
  };
}

describe('thinRange', () => {
  it('leaves a short range alone', () => {
    const short = range([1, 2, 3]);
    expect(thinRange(short, 10)).toBe(short);
  });

  it('merges runs into means with the min-max band and the last limit', () => {
    const thinned = thinRange(range([10, 90, 20, 40]), 2);
    expect(thinned.stepMs).toBe(120_000);
    expect(thinned.rows).toHaveLength(2);
    expect(thinned.rows[0].v[F.cpuPercent]).toBe(50);
    expect(thinned.rows[0].min?.[F.cpuPercent]).toBe(10);
    expect(thinned.rows[0].max?.[F.cpuPercent]).toBe(90);
    expect(thinned.rows[1].v[F.cpuLimitCores]).toBe(0.5);
  });

  it('keeps gap rows, so lines still break', () => {
    const thinned = thinRange(range([1, 1, null, 1, 1, 1]), 3);
    expect(thinned.rows.some((row) => row.v.every((value) => value === null))).toBe(true);
  });
});
