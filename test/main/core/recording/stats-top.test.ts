// Top consumers' arithmetic and tier choice, and the export's file name.
import { describe, expect, it } from 'vitest';
import { exportFilename } from '../../../../main/core/recording/history-refs';
import { consumerOf, topConsumers, topTier } from '../../../../main/core/recording/stats-top';
import type { HistoryRange } from '../../../../main/shared/stats-history-types';
import { F, statsFieldCount } from '../../../../main/shared/stats-types';

function values(cpu: number | null, limit: number | null): Array<number | null> {
  const v = new Array<number | null>(statsFieldCount).fill(0);
  v[F.cpuPercent] = cpu;
  v[F.cpuLimitCores] = limit;
  return v;
}

const range = (id: string, rows: HistoryRange['rows']): HistoryRange => ({ id, tier: '1m', stepMs: 60_000, rows });

describe('stats:top arithmetic', () => {
  it('takes the mean of the values, the peak of the maxima, the last limit, and skips gaps', () => {
    const rows = [
      { t: 0, v: values(10, 1), max: values(50, 1) },
      { t: 60_000, v: values(null, null), max: values(null, null) },
      { t: 120_000, v: values(30, 2), max: values(35, 2) },
    ];
    expect(consumerOf(range('a', rows), 'cpu', 'web')).toEqual({ id: 'a', name: 'web', mean: 20, max: 50, limit: 2 });
    expect(consumerOf(range('b', [{ t: 0, v: values(null, null) }]), 'cpu', null)).toBeNull();
  });

  it('sorts by mean and cuts at the limit', () => {
    const make = (id: string, mean: number) => ({ id, name: id, mean, max: mean, limit: null });
    const top = topConsumers([make('a', 1), null, make('b', 3), make('c', 2)], 2);
    expect(top.map((each) => each.id)).toEqual(['b', 'c']);
  });

  it('reads a week from the 1 min tier, an hour from the 1 min tier, 10 minutes from the 10 s tier', () => {
    const now = Date.UTC(2026, 11, 6);
    expect(topTier(now - 7 * 86_400_000, now, now).name).toBe('1m');
    expect(topTier(now - 3_600_000, now, now).name).toBe('1m');
    expect(topTier(now - 600_000, now, now).name).toBe('10s');
    expect(topTier(now - 20_000, now, now).name).toBe('1s');
    // A short range long ago: the finest tier that still reaches back there.
    expect(topTier(now - 7_200_000, now - 7_190_000, now).name).toBe('10s');
  });
});

describe('exportFilename', () => {
  const from = Date.UTC(2026, 11, 6, 6, 0);
  const to = Date.UTC(2026, 11, 6, 7, 30);
  it('names one container, a shared compose project, or a count', () => {
    expect(exportFilename([{ id: 'a'.repeat(64), name: 'web', project: 'shop' }], from, to, 'csv')).toBe(
      'berth-stats-web-20261206T0600-20261206T0730.csv',
    );
    const two = [
      { id: 'a'.repeat(64), name: 'web', project: 'shop' },
      { id: 'b'.repeat(64), name: 'db', project: 'shop' },
    ];
    expect(exportFilename(two, from, to, 'json')).toBe('berth-stats-shop-20261206T0600-20261206T0730.json');
    expect(exportFilename([two[0]!, { id: 'c'.repeat(64), name: null, project: null }], from, to, 'csv')).toBe(
      'berth-stats-2-containers-20261206T0600-20261206T0730.csv',
    );
  });
});
