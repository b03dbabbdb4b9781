// Axis ticks: round steps in the unit shown, binary for bytes, time counted back from now.
import { describe, expect, it } from 'vitest';
import { binaryTicks, formatTimeAgo, linearTicks, niceStep, timeTicks } from '../../../renderer/src/format/axis-ticks';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('axis ticks', () => {
  it('picks round steps', () => {
    expect(niceStep(60, 4)).toBe(20);
    expect(niceStep(9, 4)).toBe(2.5);
    expect(niceStep(0.3, 4)).toBeCloseTo(0.1);
  });

  it('runs from 0 to at least the max', () => {
    expect(linearTicks(54)).toEqual([0, 20, 40, 60]);
    expect(linearTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(linearTicks(0)).toEqual([0, 1]);
  });

  it('keeps byte ticks round in the binary unit of the top', () => {
    expect(binaryTicks(540 * MiB)).toEqual([0, 200 * MiB, 400 * MiB, 600 * MiB]);
    expect(binaryTicks(1.5 * GiB)).toEqual([0, 0.5 * GiB, 1 * GiB, 1.5 * GiB]);
    expect(binaryTicks(900)).toEqual([0, 250, 500, 750, 1000]);
  });

  it('places time ticks every quarter minute, or every fifth of longer ranges', () => {
    expect(timeTicks(0, 60_000)).toEqual([0, 15_000, 30_000, 45_000, 60_000]);
    expect(timeTicks(0, 300_000)).toHaveLength(6);
  });

  it('labels time ticks by their distance from now', () => {
    expect(formatTimeAgo(60_000, 60_000)).toBe('now');
    expect(formatTimeAgo(15_000, 60_000)).toBe('−45 s');
    expect(formatTimeAgo(0, 60_000)).toBe('−1 min');
    expect(formatTimeAgo(0, 240_000)).toBe('−4 min');
    expect(formatTimeAgo(0, 90_000)).toBe('−1:30');
  });
});
