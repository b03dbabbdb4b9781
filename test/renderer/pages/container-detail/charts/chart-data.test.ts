// What the charts draw: rows in chart units, limits as constant stretches, OOM and end markers.
import { describe, expect, it } from 'vitest';
import { chartData, limitSegments, maxOf } from '../../../../../renderer/src/pages/container-detail/charts/chart-data';
import { statsFields } from '../../../../../main/shared/stats-types';
import { StatsRing } from '../../../../../main/shared/stats-ring';
import { seriesWindow } from '../../../../../renderer/src/stats/series-window';
import { row } from '../../../stats/fixtures';

function windowOf(rows: Array<[number, Parameters<typeof row>[0] | null]>, from: number, to: number) {
  const ring = new StatsRing(100);
  for (const [t, fields] of rows) ring.push(t, fields === null ? null : row(fields));
  return seriesWindow(ring, from, to, 3000);
}

describe('chartData', () => {
  it('puts CPU and its limit on one axis, in % of one core, and names every other value as the contract does', () => {
    const data = chartData(windowOf([[1000, { cpuPercent: 48, cpuLimitCores: 0.5, memBytes: 10 }]], 0, 1000));
    expect(data.rows[0]).toMatchObject({
      t: 1000,
      cpuPercent: 48,
      cpuLimitCores: 0.5,
      cpuLimitPercent: 50,
      memBytes: 10,
      memLimitBytes: null,
    });
    expect(Object.keys(data.rows[0]).sort()).toEqual(['t', 'cpuLimitPercent', ...statsFields].sort());
  });

  it('marks where the OOM kill count rose, not where a new series starts lower', () => {
    const data = chartData(
      windowOf(
        [
          [1000, { oomKills: 0 }],
          [2000, { oomKills: 1 }],
          [3000, { oomKills: 1 }],
          [4000, { oomKills: 0 }],
          [5000, { oomKills: 2 }],
        ],
        0,
        5000,
      ),
    );
    expect(data.oomAt).toEqual([2000, 5000]);
  });

  it('keeps the times the series ended', () => {
    const data = chartData(
      windowOf(
        [
          [1000, { cpuPercent: 1 }],
          [2000, null],
        ],
        0,
        3000,
      ),
    );
    expect(data.endedAt).toEqual([2000]);
    expect(data.rows.at(-1)?.cpuPercent).toBeNull();
  });
});

describe('limitSegments', () => {
  it('draws one stretch per value, stepping at the reading before the change, clipped to the window', () => {
    const data = chartData(
      windowOf(
        [
          [1000, { memLimitBytes: 256 }],
          [2000, { memLimitBytes: 256 }],
          [3000, { memLimitBytes: 512 }],
          [4000, { memLimitBytes: 512 }],
        ],
        1500,
        4000,
      ),
    );
    // 512 was read at 3000 and 256 at 2000: it changed in between, so 512 is drawn from 2000.
    expect(limitSegments(data, 'memLimitBytes')).toEqual([
      { from: 1500, to: 2000, value: 256 },
      { from: 2000, to: 4000, value: 512 },
    ]);
  });

  it('shows the newest value at once, even when only the last row has it', () => {
    const data = chartData(
      windowOf(
        [
          [1000, { memLimitBytes: 256 }],
          [2000, { memLimitBytes: 256 }],
          [3000, { memLimitBytes: 128 }],
        ],
        0,
        3000,
      ),
    );
    expect(limitSegments(data, 'memLimitBytes')).toEqual([
      { from: 1000, to: 2000, value: 256 },
      { from: 2000, to: 3000, value: 128 },
    ]);
  });

  it('draws nothing while unlimited, and breaks at a gap', () => {
    const data = chartData(
      windowOf(
        [
          [1000, { cpuLimitCores: null }],
          [2000, { cpuLimitCores: 1 }],
          [3000, { cpuLimitCores: 1 }],
          [4000, null],
          [5000, { cpuLimitCores: 1 }],
          [6000, { cpuLimitCores: 1 }],
        ],
        0,
        6000,
      ),
    );
    // Set between the unlimited reading at 1000 and 2000; the end at 4000 is no reading, and the value after
    // it starts at its own row.
    expect(limitSegments(data, 'cpuLimitPercent')).toEqual([
      { from: 1000, to: 3000, value: 100 },
      { from: 5000, to: 6000, value: 100 },
    ]);
  });

  it('does not draw a limit back across a gap without data', () => {
    const data = chartData(
      windowOf(
        [
          [1000, { pidsLimit: 50 }],
          [9000, { pidsLimit: 60 }],
          [10_000, { pidsLimit: 60 }],
        ],
        0,
        10_000,
      ),
    );
    expect(data.breaks.has(5000)).toBe(true);
    expect(limitSegments(data, 'pidsLimit')).toEqual([{ from: 9000, to: 10_000, value: 60 }]);
  });

  it('finds the top of several series for the axis', () => {
    const data = chartData(windowOf([[1000, { cpuPercent: 30, cpuLimitCores: 0.5 }]], 0, 1000));
    expect(maxOf(data, ['cpuPercent', 'cpuLimitPercent'])).toBe(50);
  });
});
