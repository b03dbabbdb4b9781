import { describe, expect, it } from 'vitest';
import { StatsRing } from '../../../../main/core/stats/ring-buffer';

const row = (...values: number[]) => Float64Array.from(values);

describe('StatsRing', () => {
  it('keeps rows oldest first and turns NaN into null', () => {
    const ring = new StatsRing(4, 2);
    ring.push(1, row(10, NaN));
    ring.push(2, row(20, 2));
    expect(ring.length).toBe(2);
    expect(ring.toRows()).toEqual([
      { t: 1, v: [10, null] },
      { t: 2, v: [20, 2] },
    ]);
    expect(ring.newest()).toEqual({ t: 2, v: [20, 2] });
  });

  it('wraps around: overwrites the oldest rows and never holds more than its capacity', () => {
    const ring = new StatsRing(3, 1);
    const bytes = ring.byteSize;
    for (let i = 1; i <= 10; i += 1) {
      ring.push(i, row(i * 10));
      expect(ring.length).toBe(Math.min(i, 3));
    }
    expect(ring.toRows()).toEqual([
      { t: 8, v: [80] },
      { t: 9, v: [90] },
      { t: 10, v: [100] },
    ]);
    expect(ring.newestTime()).toBe(10);
    // The typed arrays are allocated once: memory does not grow with rows pushed.
    expect(ring.byteSize).toBe(bytes);
    expect(bytes).toBe(3 * 8 + 3 * 1 * 8);
  });

  it('returns only rows at or after `since`, across the wrap point', () => {
    const ring = new StatsRing(4, 1);
    for (let i = 1; i <= 6; i += 1) ring.push(i * 1000, row(i));
    expect(ring.toRows(4500)).toEqual([
      { t: 5000, v: [5] },
      { t: 6000, v: [6] },
    ]);
    expect(ring.toRows(10_000)).toEqual([]);
  });

  it('marks a gap once, and not in an empty ring', () => {
    const ring = new StatsRing(5, 2);
    ring.pushGap(1);
    expect(ring.length).toBe(0);
    expect(ring.newest()).toBeNull();
    ring.push(2, row(1, 1));
    ring.pushGap(3);
    ring.pushGap(4);
    ring.push(5, row(2, 2));
    expect(ring.toRows()).toEqual([
      { t: 2, v: [1, 1] },
      { t: 3, v: [null, null] },
      { t: 5, v: [2, 2] },
    ]);
  });

  it("copies the row: later changes to the caller's array do not reach history", () => {
    const ring = new StatsRing(2, 1);
    const reused = row(1);
    ring.push(1, reused);
    reused[0] = 99;
    expect(ring.toRows()[0].v).toEqual([1]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new StatsRing(0, 1)).toThrow(RangeError);
  });
});
