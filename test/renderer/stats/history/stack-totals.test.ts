import type { HistoryRange } from '@shared/stats-history-types';
import { F, statsFieldCount } from '@shared/stats-types';
import { describe, expect, it } from 'vitest';
import { stackedChartRows, stackRanges, totalSummary } from '../../../../renderer/src/stats/history/stack-totals';

function range(id: string, stepMs: number, points: Array<[number, number | null]>): HistoryRange {
  return {
    id,
    tier: stepMs === 1000 ? '1s' : stepMs === 10_000 ? '10s' : '1m',
    stepMs,
    rows: points.map(([t, cpu]) => {
      const v: Array<number | null> = new Array(statsFieldCount).fill(null);
      v[F.cpuPercent] = cpu;
      return { t, v };
    }),
  };
}

describe('stackRanges', () => {
  it('sums containers per bucket', () => {
    const series = stackRanges(
      [
        range('a', 10_000, [
          [0, 10],
          [10_000, 20],
        ]),
        range('b', 10_000, [
          [0, 5],
          [10_000, 7],
        ]),
      ],
      'cpuPercent',
    );
    expect(series.rows.map((row) => row.total)).toEqual([15, 27]);
    expect(series.rows[1].values).toEqual([20, 7]);
  });

  it('aligns a finer tier into the coarser buckets by its mean', () => {
    const fine = range(
      'young',
      1000,
      Array.from({ length: 10 }, (_, i) => [10_000 + i * 1000, i < 5 ? 2 : 4] as [number, number]),
    );
    const coarse = range('old', 10_000, [
      [0, 1],
      [10_000, 1],
    ]);
    const series = stackRanges([coarse, fine], 'cpuPercent');
    expect(series.stepMs).toBe(10_000);
    expect(series.rows).toEqual([
      { t: 0, values: [1, null], total: 1 },
      { t: 10_000, values: [1, 3], total: 4 },
    ]);
  });

  it('breaks where no container has a sample, and the stack top equals the total', () => {
    const series = stackRanges(
      [
        range('a', 10_000, [
          [0, 1],
          [30_000, 2],
        ]),
        range('b', 10_000, [[30_000, 3]]),
      ],
      'cpuPercent',
    );
    const rows = stackedChartRows(series);
    expect(rows.map((row) => row.t)).toEqual([0, 10_000, 30_000]);
    expect(rows[1]).toEqual({ t: 10_000, total: null, s0: null, s1: null });
    for (const row of rows) {
      if (row.total === null) continue;
      expect((row.s0 ?? 0) + (row.s1 ?? 0)).toBe(row.total);
    }
    expect(totalSummary(series)).toEqual({ mean: 3, peak: 5 });
  });
});
