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
