// Idle stop driven by hand: explicit clocks into check(now) and a scripted answer to "how many containers
// run", so each rule (whole idle minutes, a running container resets, not knowing is not idle, nothing after
// dispose) shows without waiting a minute; one test lets the timer drive it with shortened timing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleStop, type IdleStopOptions } from '../../../../../main/core/engines/vm/idle-stop';

const MINUTE = 60_000;
const made: IdleStop[] = [];

/** Answers in order, one per check; an Error in the script is thrown instead. */
function scripted(answers: Array<number | Error>): IdleStopOptions['runningContainers'] {
  return vi.fn(async () => {
    const next = answers.shift();
    if (next === undefined) throw new Error('the test asked more often than it scripted');
    if (next instanceof Error) throw next;
    return next;
  });
}

function idleStop(
  minutes: number,
  runningContainers: IdleStopOptions['runningContainers'],
  timing: Partial<IdleStopOptions> = {},
) {
  const stop = vi.fn<(reason: string) => void>();
  const note = vi.fn<(line: string) => void>();
  const idle = new IdleStop({ minutes, runningContainers, stop, note, ...timing });
  made.push(idle);
  return { idle, stop, note };
}

afterEach(() => {
  for (const idle of made.splice(0)) idle.dispose();
  vi.useRealTimers();
});

describe('IdleStop', () => {
  it('stops once, with the reason, after `minutes` of consecutive checks with no container', async () => {
    const { idle, stop, note } = idleStop(2, scripted([0, 0, 0, 0, 0]));
    await idle.check(0);
    await idle.check(MINUTE);
    await idle.check(2 * MINUTE - 1);
    expect(stop).not.toHaveBeenCalled();
    await idle.check(2 * MINUTE);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledWith('no container ran for 2 min (idle stop)');
    // Still idle later: it already stopped and must not stop again.
    await idle.check(3 * MINUTE);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(note).not.toHaveBeenCalled();
  });

  it('restarts the idle clock when a container runs', async () => {
    const { idle, stop } = idleStop(1, scripted([0, 2, 0, 0, 0, 0]));
    await idle.check(0);
    await idle.check(30_000);
    // A minute after the first idle check, but the container seen at 30 s means idle only since 40 s.
    await idle.check(40_000);
    await idle.check(MINUTE);
    await idle.check(MINUTE + 39_999);
    expect(stop).not.toHaveBeenCalled();
    await idle.check(MINUTE + 40_000);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('counts an engine that does not answer as not idle: notes it, never stops, and starts no clock', async () => {
    const { idle, stop, note } = idleStop(1, scripted([new Error('tunnel closed'), new Error('tunnel closed'), 0, 0]));
    await idle.check(0);
    await idle.check(2 * MINUTE);
    expect(note).toHaveBeenCalledTimes(2);
    expect(note).toHaveBeenLastCalledWith('[vm] idle check could not list containers: tunnel closed');
    expect(stop).not.toHaveBeenCalled();
    // Had the failed checks started the clock (at 0), this first zero, two minutes later, would stop the VM.
    await idle.check(3 * MINUTE);
    expect(stop).not.toHaveBeenCalled();
    await idle.check(4 * MINUTE);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('does nothing once disposed, not even for a check that was already waiting for the engine', async () => {
    let answer: (count: number) => void = () => undefined;
    const waiting = new Promise<number>((resolve) => (answer = resolve));
    const runningContainers = vi.fn<() => Promise<number>>().mockResolvedValueOnce(0).mockReturnValueOnce(waiting);
    const { idle, stop, note } = idleStop(1, runningContainers);
    await idle.check(0);
    const inFlight = idle.check(MINUTE);
    idle.dispose();
    answer(0);
    await inFlight;
    expect(stop).not.toHaveBeenCalled();

    await idle.check(2 * MINUTE);
    expect(runningContainers).toHaveBeenCalledTimes(2);
    expect(stop).not.toHaveBeenCalled();
    expect(note).not.toHaveBeenCalled();
  });

  it('checks on its own timer, and a shortened minute (tests of a real VM) stops in seconds', async () => {
    vi.useFakeTimers();
    const runningContainers = scripted([0, 0, 0, 0, 0]);
    const { stop } = idleStop(1, runningContainers, { checkEveryMs: 1_000, minuteMs: 3_000 });
    await vi.advanceTimersByTimeAsync(3_999);
    // Idle since the first tick (1 s): 3 s of "minute" is not over at 3.999 s.
    expect(runningContainers).toHaveBeenCalledTimes(3);
    expect(stop).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(stop).toHaveBeenCalledWith('no container ran for 1 min (idle stop)');
    // Stopping also ends the timer.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runningContainers).toHaveBeenCalledTimes(4);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
