// Thinning a chart window to about one row per pixel: means, last limits, bands that keep spikes, gaps kept,
// and buckets that hold the same rows from one tick to the next.
import { describe, expect, it } from 'vitest';
import { chartData } from '../../../../../renderer/src/pages/container-detail/charts/chart-data';
import { thinChartData } from '../../../../../renderer/src/pages/container-detail/charts/chart-thin';
import { StatsRing } from '../../../../../main/shared/stats-ring';
import { seriesWindow } from '../../../../../renderer/src/stats/series-window';
import { row } from '../../../stats/fixtures';

/** One row a second from `start`, CPU from `cpu` (null: an ended marker), a limit of 1 core then 0.5. */
function data(cpu: Array<number | null>, start = 1000) {
  const ring = new StatsRing(1000);
  cpu.forEach((value, i) =>
    ring.push(
      start + i * 1000,
      value === null ? null : row({ cpuPercent: value, cpuLimitCores: i < 2 ? 1 : 0.5, pids: value }),
    ),
  );
  return { ...chartData(seriesWindow(ring, start, start + cpu.length * 1000, 3000)), stepMs: 1000 };
}

describe('thinChartData', () => {
  it('returns the same data when it has no more rows than asked', () => {
    const short = data([1, 2, 3]);
    expect(thinChartData(short, 3)).toBe(short);
  });

  it('merges runs into one row each: the mean usage, the last limit, the largest process count, a band from min to max', () => {
    const thinned = thinChartData(data([10, 90, 20, 40], 0), 2);
    expect(thinned.stepMs).toBe(2000);
    expect(thinned.banded).toBe(true);
    expect(thinned.rows).toHaveLength(2);
    expect(thinned.rows[0]).toMatchObject({ t: 0, cpuPercent: 50, cpuLimitCores: 1, pids: 90, cpuBand: [10, 90] });
    expect(thinned.rows[1]).toMatchObject({ t: 2000, cpuPercent: 30, cpuLimitCores: 0.5, pids: 40, cpuBand: [20, 40] });
  });

  it('keeps break rows as they are and does not merge across them', () => {
    const full = data([1, 1, null, 5, 5, 5], 0);
    const thinned = thinChartData(full, 3);
    const breaks = thinned.rows.filter((r) => thinned.breaks.has(r.t));
    expect(breaks).toHaveLength(1);
    const before = thinned.rows.filter((r) => r.t < breaks[0].t);
    const after = thinned.rows.filter((r) => r.t > breaks[0].t);
    expect(before.every((r) => r.cpuPercent === 1)).toBe(true);
    expect(after.every((r) => r.cpuPercent === 5)).toBe(true);
  });

  it('puts a row in the same bucket whichever tick the window ends at, so old buckets do not change as it moves', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i * 7) % 13);
    const earlier = thinChartData(data(values.slice(0, 39), 0), 10);
    const later = thinChartData(data(values.slice(1), 1000), 10);
    const at = (rows: typeof earlier.rows, t: number) => rows.find((r) => r.t === t);
    // Buckets of 4 s aligned to multiples of 4 s: the bucket from 4 s to 8 s holds the same rows in both.
    expect(earlier.stepMs).toBe(4000);
    expect(at(later.rows, 4000)).toEqual(at(earlier.rows, 4000));
  });
});
