import { describe, expect, it } from 'vitest';
import { containersOverCap, expiredContainers } from '../../../../../main/core/stats/history/store-bounds';
import { historyTiers, tierFor, tierSpanMs } from '../../../../../main/core/stats/history/tiers';

const now = Date.UTC(2026, 11, 1);
const minute = 60_000;

describe('history tiers', () => {
  it('span 15 min, 6 h and 7 days', () => {
    expect(historyTiers.map((tier) => tierSpanMs(tier) / minute)).toEqual([15, 6 * 60, 7 * 24 * 60]);
  });

  it('answer a read from the finest tier that reaches back to its start, else the coarsest', () => {
    expect(tierFor(now - 15 * minute, now).name).toBe('1s');
    expect(tierFor(now - 15 * minute - 1, now).name).toBe('10s');
    expect(tierFor(now - 6 * 60 * minute, now).name).toBe('10s');
    expect(tierFor(now - 7 * 24 * 60 * minute, now).name).toBe('1m');
    expect(tierFor(now - 30 * 24 * 60 * minute, now).name).toBe('1m');
  });
});

describe('history bounds decisions', () => {
  const footprint = (id: string, bytes: number, lastWriteMs: number, removedAt?: number) => ({
    id,
    bytes,
    lastWriteMs,
    removedAt,
  });

  it('drops the least recently written containers until the rest fit, and none when they already fit', () => {
    const containers = [footprint('new', 40, 3), footprint('old', 40, 1), footprint('mid', 40, 2)];
    expect(containersOverCap(containers, 120)).toEqual([]);
    expect(containersOverCap(containers, 100)).toEqual(['old']);
    expect(containersOverCap(containers, 40)).toEqual(['old', 'mid']);
  });

  it('expires only removed containers whose retention has passed', () => {
    const containers = [
      footprint('alive', 1, 0),
      footprint('recent', 1, 0, now - 10),
      footprint('due', 1, 0, now - 100),
    ];
    expect(expiredContainers(containers, now, 100)).toEqual(['due']);
  });
});
