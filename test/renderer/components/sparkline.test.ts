// Sparkline geometry: points across the window, breaks at nulls, clipped to the top.
import { describe, expect, it } from 'vitest';
import { sparklinePoints } from '../../../renderer/src/components/sparkline';

describe('sparklinePoints', () => {
  it('spreads points over the window and scales values to the height', () => {
    expect(sparklinePoints([0, 500, 1000], [0, 50, 100], 0, 1000, 100, 10, 12)).toEqual(['0,11 5,6 10,1']);
  });

  it('breaks the line at nulls, keeps a lone point visible, and clips values above the top', () => {
    const lines = sparklinePoints([0, 250, 500, 750], [10, null, 500, null], 0, 1000, 100, 20, 12);
    expect(lines).toEqual(['0,10 1.5,10', '10,1 11.5,1']);
  });

  it('draws a level stretch from its ends, so a flat line stays the same as the window scrolls', () => {
    const level = (from: number) =>
      sparklinePoints(
        [from, from + 250, from + 500, from + 750, from + 1000],
        [0, 0, 0, 50, 50],
        from,
        from + 1000,
        100,
        10,
        12,
      );
    expect(level(0)).toEqual(['0,11 5,11 7.5,6 10,6']);
    expect(level(1000)).toEqual(level(0));
  });
});
