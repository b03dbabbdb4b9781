import { describe, expect, it } from 'vitest';
import {
  cpuLimitFromQuota,
  cpuPercentOfCore,
  deriveRow,
  limitOrNone,
  memoryUsed,
  RawReading,
  ratePerSecond,
  rowToValues,
  throttledShare,
} from '../../../../main/core/stats/derive';
import { F, statsFieldCount, statsFields } from '../../../../main/shared/stats-types';

const GiB = 1024 ** 3;
const v1Unlimited = 9223372036854771712;

function reading(values: Partial<RawReading>): RawReading {
  return Object.assign(new RawReading(), values);
}

describe('derivation math', () => {
  it('CPU % of one core is CPU time over wall time', () => {
    expect(cpuPercentOfCore(500e6, 1000)).toBe(50);
    expect(cpuPercentOfCore(2e9, 1000)).toBe(200);
    expect(cpuPercentOfCore(1, 0)).toBeNaN();
    expect(cpuPercentOfCore(-5, 1000)).toBeNaN();
  });

  it('rates are per second, and unknown after a counter reset', () => {
    expect(ratePerSecond(1000, 3000, 500)).toBe(4000);
    expect(ratePerSecond(3000, 1000, 1000)).toBeNaN();
    expect(ratePerSecond(NaN, 1000, 1000)).toBeNaN();
  });

  it('throttled % is throttled periods over periods, 0 when no period elapsed', () => {
    expect(throttledShare(10, 9)).toBe(90);
    expect(throttledShare(0, 0)).toBe(0);
    expect(throttledShare(NaN, 1)).toBeNaN();
  });

  it('memory is usage minus inactive file cache, as docker stats shows it', () => {
    expect(memoryUsed(100, 30)).toBe(70);
    expect(memoryUsed(100, 300)).toBe(100);
    expect(memoryUsed(100, NaN)).toBe(100);
  });

  it('limits: sentinels, -1, 0 and anything at or above the host memory are no limit', () => {
    expect(limitOrNone(v1Unlimited)).toBeNaN();
    expect(limitOrNone(-1)).toBeNaN();
    expect(limitOrNone(Infinity)).toBeNaN();
    expect(limitOrNone(128 * 1024 ** 2, 24 * GiB)).toBe(128 * 1024 ** 2);
    expect(limitOrNone(24 * GiB, 24 * GiB)).toBeNaN();
  });

  it('CPU limit in cores is quota over period; -1 or max is none', () => {
    expect(cpuLimitFromQuota(50_000, 100_000)).toBe(0.5);
    expect(cpuLimitFromQuota(250_000, 100_000)).toBe(2.5);
    expect(cpuLimitFromQuota(-1, 100_000)).toBeNaN();
    expect(cpuLimitFromQuota(Infinity, 100_000)).toBeNaN();
  });
});

describe('deriveRow', () => {
  const previous = reading({
    at: 1000,
    cpuNs: 10e9,
    periods: 100,
    throttledPeriods: 50,
    netRx: 1000,
    netTx: 0,
    blkRead: 0,
    blkWrite: 4096,
  });
  const current = reading({
    at: 2000,
    cpuNs: 10.5e9,
    periods: 110,
    throttledPeriods: 59,
    memUsage: 80e6,
    memInactiveFile: 5e6,
    memLimit: 128 * 1024 ** 2,
    swapLimit: v1Unlimited,
    cpuLimitCores: 0.5,
    netRx: 3048,
    netTx: 100,
    blkRead: 8192,
    blkWrite: 4096,
    pids: 3,
    pidsLimit: Infinity,
    oomKills: 2,
  });

  it('writes every field in statsFields order', () => {
    const row = new Float64Array(statsFieldCount);
    deriveRow(previous, current, 24 * GiB, 1, row);
    const values = rowToValues(row);
    expect(values).toHaveLength(statsFields.length);
    expect(Object.fromEntries(statsFields.map((field, i) => [field, values[i]]))).toEqual({
      cpuPercent: 50,
      cpuLimitCores: 0.5,
      memBytes: 75e6,
      memLimitBytes: 128 * 1024 ** 2,
      swapLimitBytes: null,
      netRxBytesPerSec: 2048,
      netTxBytesPerSec: 100,
      blkReadBytesPerSec: 8192,
      blkWriteBytesPerSec: 0,
      pids: 3,
      pidsLimit: null,
      throttledPercent: 90,
      oomKills: 1,
    });
  });

  it('at a series start (no previous reading) rates are null and the rest is known', () => {
    const row = new Float64Array(statsFieldCount);
    deriveRow(null, current, 24 * GiB, 2, row);
    const values = rowToValues(row);
    expect(values[F.cpuPercent]).toBeNull();
    expect(values[F.netRxBytesPerSec]).toBeNull();
    expect(values[F.throttledPercent]).toBeNull();
    expect(values[F.memBytes]).toBe(75e6);
    expect(values[F.oomKills]).toBe(0);
  });

  it('prefers CPU and throttled % a source computed itself (engine frames)', () => {
    const row = new Float64Array(statsFieldCount);
    deriveRow(previous, reading({ ...current, cpuPercent: 12.3456, throttledPercent: 7 }), 24 * GiB, 0, row);
    expect(row[F.cpuPercent]).toBe(12.35);
    expect(row[F.throttledPercent]).toBe(7);
  });

  it('a memory limit equal to the host memory (docker reports that for none) is null', () => {
    const row = new Float64Array(statsFieldCount);
    deriveRow(previous, reading({ ...current, memLimit: 24 * GiB }), 24 * GiB, 0, row);
    expect(row[F.memLimitBytes]).toBeNaN();
  });

  it('counters carried over (countersAt unchanged) move at 0 per second; a later full read spreads the change over the carry', () => {
    const full = reading({ ...previous, countersAt: 1000 });
    const carried = reading({ ...previous, at: 2000, countersAt: 1000 });
    const row = new Float64Array(statsFieldCount);
    deriveRow(full, carried, 24 * GiB, 0, row);
    expect(row[F.cpuPercent]).toBe(0);
    expect(row[F.netRxBytesPerSec]).toBe(0);
    expect(row[F.blkWriteBytesPerSec]).toBe(0);
    expect(row[F.throttledPercent]).toBe(0);

    // 5 s after the carry began, 5000 bytes more were received: 1000 a second, not 5000 in the last second.
    const afterCarry = reading({ ...previous, at: 6000, countersAt: 6000, netRx: previous.netRx + 5000 });
    deriveRow(carried, afterCarry, 24 * GiB, 0, row);
    expect(row[F.netRxBytesPerSec]).toBe(1000);
    // A counter unknown on both reads stays unknown, carried or not.
    deriveRow(full, reading({ ...carried, netTx: NaN }), 24 * GiB, 0, row);
    expect(row[F.netTxBytesPerSec]).toBeNaN();
  });
});
