// When the data disk is trimmed, on fake timers: pokes are debounced into one trim, a stream of pokes still trims
// by maxWaitMs, the hourly timer trims, trimNow folds a pending trim in and runs after one in progress, a failed
// scheduled trim is reported, and nothing runs after dispose.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrimSchedule } from '../../../../../main/core/engines/vm/trim-schedule';

const timing = { debounceMs: 5_000, maxWaitMs: 30_000, intervalMs: 3_600_000 };
const made: Array<TrimSchedule<number>> = [];

function schedule(trim: () => Promise<number> = async () => 1) {
  const trimSpy = vi.fn(trim);
  const failed = vi.fn<(error: Error) => void>();
  const made1 = new TrimSchedule({ trim: trimSpy, failed, timing });
  made.push(made1);
  return { schedule: made1, trim: trimSpy, failed };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const one of made.splice(0)) one.dispose();
  vi.useRealTimers();
});

describe('TrimSchedule', () => {
  it('debounces pokes into one trim after a quiet debounceMs', async () => {
    const { schedule: s, trim } = schedule();
    s.poke();
    await vi.advanceTimersByTimeAsync(3_000);
    s.poke();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(trim).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(trim).toHaveBeenCalledTimes(1);
  });

  it('trims by maxWaitMs after the first poke even while pokes keep coming', async () => {
    const { schedule: s, trim } = schedule();
    for (let second = 0; second < 40; second += 1) {
      s.poke();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    // One at 30 s (the first poke's deadline), then the pokes from 31 s on start a new window.
    expect(trim).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(trim).toHaveBeenCalledTimes(2);
  });

  it('trims on the timer with no poke at all', async () => {
    const { trim } = schedule();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(trim).toHaveBeenCalledTimes(1);
  });

  it('trimNow folds a pending debounced trim in and runs after a trim in progress', async () => {
    let release: (() => void) | null = null;
    const order: string[] = [];
    const { schedule: s, trim } = schedule(
      () =>
        new Promise<number>((resolve) => {
          order.push('start');
          release = () => {
            order.push('end');
            resolve(order.length);
          };
        }),
    );
    const first = s.trimNow();
    s.poke();
    const second = s.trimNow();
    await vi.advanceTimersByTimeAsync(10_000);
    // The poke's trim was folded into the second trimNow, which waits for the first.
    expect(trim).toHaveBeenCalledTimes(1);
    release!();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(trim).toHaveBeenCalledTimes(2);
    release!();
    await second;
    expect(order).toEqual(['start', 'end', 'start', 'end']);
  });

  it("reports a scheduled trim's failure, and a failed trim does not block the next", async () => {
    let fail = true;
    const { schedule: s, failed } = schedule(async () => {
      if (fail) throw new Error('fstrim: the discard operation is not supported');
      return 7;
    });
    s.poke();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/discard/) }));
    fail = false;
    await expect(s.trimNow()).resolves.toBe(7);
  });

  it('runs nothing after dispose', async () => {
    const { schedule: s, trim } = schedule();
    s.poke();
    s.dispose();
    s.poke();
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(trim).not.toHaveBeenCalled();
  });
});
