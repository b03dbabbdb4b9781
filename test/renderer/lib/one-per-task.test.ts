// Heavy re-renders spread over tasks: each posted job runs in a task of its own, in order, and a cancelled one
// never runs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postOnePerTask } from '../../../renderer/src/lib/one-per-task';

describe('postOnePerTask', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs nothing in the posting task, then one job per task in the order posted', () => {
    const ran: string[] = [];
    postOnePerTask(() => ran.push('a'));
    postOnePerTask(() => ran.push('b'));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
  });

  it('skips a job cancelled before its turn', () => {
    const ran: string[] = [];
    const cancel = postOnePerTask(() => ran.push('stale'));
    postOnePerTask(() => ran.push('fresh'));
    cancel();
    vi.runAllTimers();
    expect(ran).toEqual(['fresh']);
  });
});
