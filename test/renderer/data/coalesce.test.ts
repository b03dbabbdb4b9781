import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterQuiet, coalesce } from '../../../renderer/src/data/coalesce';

describe('coalesce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first call at once and folds a burst into one run per window', () => {
    const run = vi.fn();
    const coalesced = coalesce(run, 120);
    coalesced.call();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) coalesced.call();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120);
    expect(run).toHaveBeenCalledTimes(2);
    // A quiet window after that ends the cycle: the next call runs at once again.
    vi.advanceTimersByTime(120);
    expect(run).toHaveBeenCalledTimes(2);
    coalesced.call();
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('with a budget, runs lone calls and short bursts at once and a stream of calls about once per refill', () => {
    const runs: number[] = [];
    const start = Date.now();
    const coalesced = coalesce(() => runs.push(Date.now() - start), 120, { burst: 4, refillMs: 1000 });
    // A call every 100 ms for 5 s (containers churned by a script).
    for (let t = 0; t < 5000; t += 100) {
      coalesced.call();
      vi.advanceTimersByTime(100);
    }
    // The budget's four runs go at once and at the ends of the first windows, then one per second.
    expect(runs.slice(0, 4)).toEqual([0, 120, 240, 360]);
    const later = runs.slice(4);
    expect(later.length).toBeGreaterThanOrEqual(4);
    expect(later.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < later.length; i++) expect(later[i]! - later[i - 1]!).toBeGreaterThanOrEqual(999);
    // The calls of the last second still get their run; then the budget refills and a lone call runs at once.
    vi.advanceTimersByTime(1000);
    const afterStream = runs.length;
    expect(runs.at(-1)).toBeGreaterThan(4900);
    vi.advanceTimersByTime(10_000);
    expect(runs).toHaveLength(afterStream);
    coalesced.call();
    expect(runs).toHaveLength(afterStream + 1);
  });

  it('drops a pending run when cancelled', () => {
    const run = vi.fn();
    const coalesced = coalesce(run, 100);
    coalesced.call();
    coalesced.call();
    coalesced.cancel();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('afterQuiet runs once, a quiet period after the last of a series of calls', () => {
    const run = vi.fn();
    const settled = afterQuiet(run, 100);
    for (let i = 0; i < 5; i++) {
      settled.call();
      vi.advanceTimersByTime(60);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(run).toHaveBeenCalledTimes(1);
    settled.call();
    settled.cancel();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
