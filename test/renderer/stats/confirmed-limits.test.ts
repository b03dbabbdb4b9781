// Limits the engine confirmed after an apply: drawn at once at the answer's time (on the core's clock), as a row
// of limits only, until a sample from that time on takes over; ignored where no live series is drawn.
import { describe, expect, it, vi } from 'vitest';
import type { ContainerLimits } from '../../../main/shared/limits-types';
import { chartData, limitSegments } from '../../../renderer/src/pages/container-detail/charts/chart-data';
import { limitsAsStats, withConfirmedValues } from '../../../renderer/src/stats/confirmed-limits';
import { SeriesStore } from '../../../renderer/src/stats/series-store';
import { valueOf } from '../../../renderer/src/stats/series-window';
import { row, tick } from './fixtures';

const MiB = 1024 ** 2;
const limits128 = { cpuLimitCores: null, memLimitBytes: 128 * MiB, swapLimitBytes: 256 * MiB, pidsLimit: null };

/** A store whose local clock is `clock.now`; ticks are stamped on the same clock unless a test says otherwise. */
function storeWithClock() {
  const clock = { now: 0 };
  const store = new SeriesStore({ now: () => clock.now });
  const sample = (t: number, memLimitBytes: number, receivedAt = t) => {
    clock.now = receivedAt;
    store.applyTick(tick(t, [['a', { memBytes: 10 * MiB, memLimitBytes, swapLimitBytes: memLimitBytes * 2 }]]));
  };
  return { clock, store, sample };
}

describe('confirmed limits', () => {
  it('end the window with a row of limits only, at the time of the answer', () => {
    const { clock, store, sample } = storeWithClock();
    sample(1000, 256 * MiB);
    sample(2000, 256 * MiB);
    const listener = vi.fn();
    store.subscribe(listener);
    clock.now = 2400;
    store.confirmLimits('a', limits128);

    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.confirmedLimits('a')).toEqual({ t: 2400, limits: limits128 });
    const span = store.window('a', 60);
    expect(span?.to).toBe(2400);
    expect(span?.t).toEqual([1000, 2000, 2400]);
    expect(span?.columns.memLimitBytes).toEqual([256 * MiB, 256 * MiB, 128 * MiB]);
    expect(span?.columns.swapLimitBytes.at(-1)).toBe(256 * MiB);
    // Nothing measured is made up: usage at the answer's time is unknown.
    expect(span?.columns.memBytes.at(-1)).toBeNull();
    // The latest sample stays the sample.
    expect(valueOf(store.latest('a')?.values, 'memLimitBytes')).toBe(256 * MiB);
  });

  it('are stamped on the core clock the samples carry, not this window’s', () => {
    const { clock, store, sample } = storeWithClock();
    // This window's clock is 9 s ahead of the core's.
    sample(1000, 256 * MiB, 10_000);
    clock.now = 10_300;
    store.confirmLimits('a', limits128);
    expect(store.confirmedLimits('a')?.t).toBe(1300);
  });

  it('give way to a sample from their time on, and only to such a sample', () => {
    const { clock, store, sample } = storeWithClock();
    sample(1000, 256 * MiB);
    clock.now = 1400;
    store.confirmLimits('a', limits128);
    // A sample taken before the answer, delivered after it, says nothing about the new limits.
    sample(1300, 256 * MiB, 1500);
    expect(store.confirmedLimits('a')?.t).toBe(1400);
    expect(store.window('a', 60)?.t).toEqual([1000, 1300, 1400]);

    sample(2000, 128 * MiB);
    expect(store.confirmedLimits('a')).toBeNull();
    const span = store.window('a', 60);
    expect(span?.t).toEqual([1000, 1300, 2000]);
    expect(span?.columns.memBytes.at(-1)).toBe(10 * MiB);
  });

  it('move the chart’s limit line at once, and the samples carry it on from there without a jump back', () => {
    const { clock, store, sample } = storeWithClock();
    sample(1000, 256 * MiB);
    sample(2000, 256 * MiB);
    clock.now = 2400;
    store.confirmLimits('a', limits128);
    const confirmed = chartData(store.window('a', 60)!);
    expect(limitSegments(confirmed, 'memLimit').at(-1)).toEqual({ from: 2000, to: 2400, value: 128 * MiB });

    sample(3000, 128 * MiB);
    const sampled = chartData(store.window('a', 60)!);
    expect(limitSegments(sampled, 'memLimit').at(-1)).toEqual({ from: 2000, to: 3000, value: 128 * MiB });
  });

  it('are ignored without a live series to draw them on, or when a sample is already as new', () => {
    const { clock, store, sample } = storeWithClock();
    store.confirmLimits('never-sampled', limits128);
    expect(store.confirmedLimits('never-sampled')).toBeNull();

    sample(1000, 256 * MiB);
    clock.now = 1000;
    store.confirmLimits('a', limits128);
    expect(store.confirmedLimits('a')).toBeNull();

    store.applyTick(tick(2000, [], [['a', 'the container stopped']]));
    clock.now = 2500;
    store.confirmLimits('a', limits128);
    expect(store.confirmedLimits('a')).toBeNull();
  });

  it('end with their series, so nothing is drawn past the stop', () => {
    const { clock, store, sample } = storeWithClock();
    sample(1000, 256 * MiB);
    clock.now = 1400;
    store.confirmLimits('a', limits128);
    store.applyTick(tick(2000, [], [['a', 'the container stopped']]));
    expect(store.confirmedLimits('a')).toBeNull();
    expect(store.window('a', 60)?.endedAt).toEqual([2000]);
  });

  it('stay out of a window paused before them', () => {
    const { clock, store, sample } = storeWithClock();
    sample(1000, 256 * MiB);
    clock.now = 1400;
    store.confirmLimits('a', limits128);
    const paused = store.window('a', 60, 1000);
    expect(paused?.t).toEqual([1000]);
  });

  it('are not drawn back over a stretch without samples', () => {
    const { clock, store, sample } = storeWithClock();
    sample(1000, 256 * MiB);
    clock.now = 9000;
    store.confirmLimits('a', limits128);
    const span = store.window('a', 60)!;
    expect(span.breaks).toEqual([5000]);
    expect(limitSegments(chartData(span), 'memLimit')).toEqual([]);
  });

  it('map an apply’s answer to the stats fields and units, null staying unlimited', () => {
    const after: ContainerLimits = {
      cpus: 0.5,
      cpuShares: 512,
      cpusetCpus: '0',
      memoryBytes: 128 * MiB,
      memoryReservationBytes: 64 * MiB,
      memorySwapBytes: null,
      pidsLimit: 100,
      restartPolicy: { name: 'no', maximumRetryCount: 0 },
    };
    const stats = limitsAsStats(after);
    expect(stats).toEqual({ cpuLimitCores: 0.5, memLimitBytes: 128 * MiB, swapLimitBytes: null, pidsLimit: 100 });
    const values = withConfirmedValues(row({ cpuPercent: 20, memBytes: MiB, swapLimitBytes: 512 * MiB }), {
      t: 1,
      limits: stats,
    });
    expect(valueOf(values, 'cpuPercent')).toBe(20);
    expect(valueOf(values, 'memBytes')).toBe(MiB);
    expect(valueOf(values, 'cpuLimitCores')).toBe(0.5);
    expect(valueOf(values, 'swapLimitBytes')).toBeNull();
  });
});
