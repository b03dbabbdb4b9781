// The host clock jump detector driven by hand: scripted wall and monotonic clocks, so a sleep of the host (the
// wall clock moves on, the monotonic one does not), a clock set back, and ordinary drift each show at once.
import { describe, expect, it, vi } from 'vitest';
import { ClockJumpWatch } from '../../../../../main/core/engines/vm/guest-clock';

function watch() {
  const clocks = { wall: 1_000_000, mono: 500 };
  const jumped = vi.fn();
  const detector = new ClockJumpWatch({ jumped, now: () => clocks.wall, monotonic: () => clocks.mono });
  const advance = (wallMs: number, monoMs: number) => {
    clocks.wall += wallMs;
    clocks.mono += monoMs;
    return detector.check();
  };
  return { advance, jumped };
}

describe('ClockJumpWatch', () => {
  it('sees nothing while both clocks move together, or drift apart by less than 2 s', () => {
    const { advance, jumped } = watch();
    expect(advance(5_000, 5_000)).toBeNull();
    expect(advance(5_150, 5_000)).toBeNull();
    expect(advance(3_100, 5_000)).toBeNull();
    expect(jumped).not.toHaveBeenCalled();
  });

  it('reports a host sleep: the wall clock moved on while the monotonic one stood still', () => {
    const { advance, jumped } = watch();
    expect(advance(3_600_000 + 5_000, 5_000)).toBe(3_600_000);
    expect(jumped).toHaveBeenCalledWith(3_600_000);
    // Measured from the last check: the next interval is ordinary again.
    expect(advance(5_000, 5_000)).toBeNull();
  });

  it('reports the host clock set back, and a jump of exactly 2 s', () => {
    const { advance, jumped } = watch();
    expect(advance(5_000 - 10_000, 5_000)).toBe(-10_000);
    expect(advance(7_000, 5_000)).toBe(2_000);
    expect(jumped).toHaveBeenCalledTimes(2);
  });
});
