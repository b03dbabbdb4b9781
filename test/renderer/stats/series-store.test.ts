// The series store: ticks and history merged per container, latest values and ends, stable snapshots for
// useSyncExternalStore, and bounded memory.
import { describe, expect, it, vi } from 'vitest';
import type { StatsHistory } from '../../../main/shared/stats-types';
import { SeriesStore } from '../../../renderer/src/stats/series-store';
import { row, tick } from './fixtures';

function history(id: string, t: number[], cpu: number[]): StatsHistory {
  return { id, rows: t.map((time, i) => ({ t: time, v: row({ cpuPercent: cpu[i] }) })) };
}

describe('SeriesStore', () => {
  it('keeps the latest sample per container and notifies once per tick', () => {
    const store = new SeriesStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.applyTick(
      tick(1000, [
        ['a', { cpuPercent: 12.5 }],
        ['b', { memBytes: 1024 }],
      ]),
    );
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.latest('a')?.values[0]).toBe(12.5);
    expect(store.latest('b')?.t).toBe(1000);
    expect(store.lastTick()).toBe(1000);
    expect(store.latest('missing')).toBeNull();
  });

  it('marks a series ended (keeping its last values) and clears the mark when samples return', () => {
    const store = new SeriesStore();
    store.applyTick(tick(1000, [['a', { cpuPercent: 40 }]]));
    store.applyTick(tick(2000, [], [['a', 'the container exited with code 137']]));
    expect(store.latest('a')?.ended).toEqual({ t: 2000, reason: 'the container exited with code 137' });
    expect(store.latest('a')?.values[0]).toBe(40);
    expect(store.window('a', 60)?.endedAt).toEqual([2000]);
    store.applyTick(tick(9000, [['a', { cpuPercent: 5 }]]));
    expect(store.latest('a')?.ended).toBeNull();
  });

  it('forgets a removed container at once, not after the retention', () => {
    const store = new SeriesStore();
    store.applyTick(
      tick(1000, [
        ['a', { cpuPercent: 40 }],
        ['b', { cpuPercent: 5 }],
      ]),
    );
    expect(store.window('a', 60)).not.toBeNull();
    store.applyTick({
      ...tick(2000, [['b', { cpuPercent: 6 }]], [['a', 'the container was removed']]),
      removed: ['a'],
    });
    expect(store.latest('a')).toBeNull();
    expect(store.window('a', 60)).toBeNull();
    expect([...store.allLatest().keys()]).toEqual(['b']);
    expect(store.latest('b')?.values[0]).toBe(6);
  });

  it('keeps a removed container that a view shows, and forgets it when the last view closes', () => {
    const store = new SeriesStore();
    const closeFirst = store.show('a');
    const closeSecond = store.show('a');
    store.applyTick(tick(1000, [['a', { cpuPercent: 40 }]]));
    store.applyTick({ ...tick(2000, [], [['a', 'the container was removed']]), removed: ['a'] });
    expect(store.latest('a')?.values[0]).toBe(40);
    expect(store.latest('a')?.ended?.reason).toBe('the container was removed');
    closeFirst();
    closeFirst();
    expect(store.latest('a')).not.toBeNull();
    closeSecond();
    expect(store.latest('a')).toBeNull();
    expect(store.window('a', 60)).toBeNull();
  });

  it('ignores the end of a series it never saw, and rows of the wrong length', () => {
    const store = new SeriesStore();
    store.applyTick({ t: 1000, samples: [{ id: 'a', v: [1, 2] }], ended: [{ id: 'b', reason: 'gone' }] });
    expect(store.latest('a')).toBeNull();
    expect(store.latest('b')).toBeNull();
  });

  it('merges fetched history with ticks, one row per time', () => {
    const store = new SeriesStore();
    store.applyTick(tick(3000, [['a', { cpuPercent: 30 }]]));
    store.applyTick(tick(4000, [['a', { cpuPercent: 40 }]]));
    store.mergeHistory(history('a', [1000, 2000, 3000], [10, 20, 99]));
    const span = store.window('a', 60);
    expect(span?.t).toEqual([1000, 2000, 3000, 4000]);
    expect(span?.columns.cpuPercent).toEqual([10, 20, 30, 40]);
    // History does not replace what the ticks said last.
    expect(store.latest('a')?.t).toBe(4000);
  });

  it('reads history rows and tick rows alike: the same rows make the same window and latest values', () => {
    const rows = [1000, 2000, 3000].map((t) => ({ t, v: row({ cpuPercent: t / 100, memLimitBytes: t }) }));
    const fromTicks = new SeriesStore();
    for (const { t, v } of rows) fromTicks.applyTick({ t, samples: [{ id: 'a', v }], ended: [] });
    const fromHistory = new SeriesStore();
    fromHistory.mergeHistory({ id: 'a', rows });
    expect(fromHistory.window('a', 60, 3000)).toEqual(fromTicks.window('a', 60, 3000));
    expect(fromHistory.latest('a')).toEqual(fromTicks.latest('a'));
  });

  it('takes the latest values from history when no tick came yet', () => {
    const store = new SeriesStore();
    store.mergeHistory(history('a', [1000, 2000], [10, 20]));
    expect(store.latest('a')?.values[0]).toBe(20);
  });

  it('returns the same window and the same map until something changes', () => {
    const store = new SeriesStore();
    store.applyTick(tick(1000, [['a', { cpuPercent: 1 }]]));
    const span = store.window('a', 60);
    const all = store.allLatest();
    expect(store.window('a', 60)).toBe(span);
    expect(store.allLatest()).toBe(all);
    store.applyTick(tick(2000, [['a', { cpuPercent: 2 }]]));
    expect(store.window('a', 60)).not.toBe(span);
    expect(store.allLatest()).not.toBe(all);
  });

  it('moves a window with the ticks of other containers, so a stopped series scrolls away', () => {
    const store = new SeriesStore();
    store.applyTick(
      tick(1000, [
        ['a', { cpuPercent: 1 }],
        ['b', {}],
      ]),
    );
    store.applyTick(tick(30_000, [['b', {}]]));
    expect(store.window('a', 60)).toMatchObject({ from: -30_000, to: 30_000 });
    // A frozen window (paused charts) ends where it was asked to.
    expect(store.window('a', 60, 10_000)).toMatchObject({ to: 10_000 });
  });

  it('stays bounded: rows beyond the retention go, and containers without rows are forgotten', () => {
    const store = new SeriesStore({ retentionMs: 10_000, intervalMs: 1000 });
    for (let t = 1000; t <= 20_000; t += 1000) store.applyTick(tick(t, [['a', { cpuPercent: 1 }]]));
    expect(store.window('a', 3600)!.t.length).toBeLessThanOrEqual(11);
    for (let t = 21_000; t <= 60_000; t += 1000) store.applyTick(tick(t, [['b', {}]]));
    expect(store.latest('a')).toBeNull();
    expect(store.latest('b')).not.toBeNull();
  });
});
