// The memory slider's log scale: round stops from 6 MiB to the engine's memory, positions between them.
import { describe, expect, it } from 'vitest';
import { bytesAt, memoryStops, positionOf } from '../../../renderer/src/limits/memory-scale';
import { GiB, MiB } from '../../main/shared/limits/limit-sets';

describe('memoryStops', () => {
  const stops = memoryStops(2 * GiB + 100 * MiB);

  it('runs from 6 MiB to the engine memory in round steps, four per doubling', () => {
    expect(stops[0]).toBe(6 * MiB);
    expect(stops.slice(1, 6)).toEqual([8, 10, 12, 14, 16].map((n) => n * MiB));
    expect(stops).toContain(128 * MiB);
    expect(stops).toContain(160 * MiB);
    expect(stops[stops.length - 1]).toBe(2 * GiB + 100 * MiB);
    expect([...stops].sort((a, b) => a - b)).toEqual(stops);
  });

  it('places values on the stops and between them', () => {
    const at128 = stops.indexOf(128 * MiB);
    expect(positionOf(128 * MiB, stops)).toBe(at128);
    expect(positionOf(140 * MiB, stops)).toBeGreaterThan(at128);
    expect(positionOf(140 * MiB, stops)).toBeLessThan(at128 + 1);
    expect(positionOf(MiB, stops)).toBe(0);
    expect(positionOf(64 * GiB, stops)).toBe(stops.length - 1);
    expect(bytesAt(at128 + 0.4, stops)).toBe(128 * MiB);
    expect(bytesAt(-3, stops)).toBe(6 * MiB);
  });
});
