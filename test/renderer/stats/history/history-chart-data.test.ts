import type { HistoryRange, HistoryRow } from '@shared/stats-history-types';
import { F, statsFieldCount } from '@shared/stats-types';
import { describe, expect, it } from 'vitest';
import {
  describeCoverage,
  gapTimes,
  historyChartData,
} from '../../../../renderer/src/stats/history/history-chart-data';

function values(cpu: number | null, mem: number | null = null, limitCores: number | null = null) {
  const v: Array<number | null> = new Array(statsFieldCount).fill(null);
  v[F.cpuPercent] = cpu;
  v[F.memBytes] = mem;
  v[F.cpuLimitCores] = limitCores;
  return v;
}

function row(t: number, cpu: number | null, extra: Partial<HistoryRow> = {}): HistoryRow {
  return { t, v: values(cpu, cpu === null ? null : 1024, cpu === null ? null : 0.5), ...extra };
}

const range = (rows: HistoryRow[], stepMs = 10_000): HistoryRange => ({ id: 'a', tier: '10s', stepMs, rows });

describe('historyChartData', () => {
  it('keeps the row before the window and drops rows after it', () => {
    const data = historyChartData(range([row(0, 1), row(10_000, 2), row(20_000, 3), row(30_000, 4)]), {
      from: 15_000,
      to: 25_000,
    });
    expect(data.rows.map((r) => r.t)).toEqual([10_000, 20_000]);
    expect(data.rows[1].cpuPercent).toBe(3);
    expect(data.rows[1].cpuLimitPercent).toBe(50);
  });

  it('breaks the line at all-null rows and at missing buckets', () => {
    const data = historyChartData(range([row(0, 1), row(10_000, null), row(20_000, 2), row(60_000, 3)]), {
      from: 0,
      to: 60_000,
    });
    expect([...data.breaks]).toEqual([10_000, 30_000]);
    expect(data.rows.find((r) => r.t === 30_000)?.cpuPercent).toBeNull();
    expect(gapTimes(data)).toEqual([10_000, 30_000]);
  });

  it('carries the min–max band of downsampled rows', () => {
    const min = values(1, 100);
    const max = values(90, 300);
    const data = historyChartData(range([row(0, 10, { min, max })]), { from: 0, to: 10_000 });
    expect(data.banded).toBe(true);
    expect(data.rows[0].cpuBand).toEqual([1, 90]);
    expect(data.rows[0].memBand).toEqual([100, 300]);
  });

  it('marks OOM kills where the count rises', () => {
    const rows = [0, 1, 1, 2].map((kills, i) => {
      const r = row(i * 10_000, 5);
      r.v[F.oomKills] = kills;
      return r;
    });
    expect(historyChartData(range(rows), { from: 0, to: 40_000 }).oomAt).toEqual([10_000, 30_000]);
  });
});

describe('describeCoverage', () => {
  const time = (t: number) => `t${t / 1000}`;
  it('says no gaps for a continuous series', () => {
    const data = historyChartData(range([row(0, 1), row(10_000, 2), row(20_000, 2)]), { from: 0, to: 20_000 });
    expect(describeCoverage(data, time)).toBe('3 samples · no gaps');
  });
  it('names the gaps', () => {
    const data = historyChartData(range([row(0, 1), row(30_000, 2)]), { from: 0, to: 30_000 });
    expect(describeCoverage(data, time)).toBe('2 samples · 1 gap (t10)');
  });
  it('says when the window is empty', () => {
    expect(describeCoverage(historyChartData(undefined, { from: 0, to: 1 }), time)).toBe('no samples in this window');
  });
});
