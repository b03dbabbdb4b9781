import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../../main/core/connection/backoff';

describe('Backoff', () => {
  it('doubles from the minimum up to the ceiling', () => {
    const backoff = new Backoff(500, 5000);
    expect(Array.from({ length: 7 }, () => backoff.next())).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('starts over after reset', () => {
    const backoff = new Backoff(100, 1000);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('stays finite after very many attempts', () => {
    const backoff = new Backoff(1, 10);
    for (let i = 0; i < 10_000; i += 1) backoff.next();
    expect(backoff.next()).toBe(10);
  });

  it('refuses a nonsensical range', () => {
    expect(() => new Backoff(0, 10)).toThrow(RangeError);
    expect(() => new Backoff(100, 10)).toThrow(RangeError);
  });

  it('stays quick for the first minute of an outage, then rises smoothly to a ceiling of a minute', () => {
    let now = 0;
    const backoff = new Backoff(500, 60_000, { quickMaxMs: 5000, quickForMs: 60_000, now: () => now });
    const delays: number[] = [];
    // Follow the schedule as the connection would: each retry happens after the delay it was given.
    while (now < 10 * 60_000) {
      const delay = backoff.next();
      delays.push(delay);
      now += delay;
    }
    const quick = delays.slice(
      0,
      delays.findIndex((delay) => delay > 5000),
    );
    expect(quick.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 5000]);
    expect(quick.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThanOrEqual(60_000);
    expect(delays.slice(quick.length, quick.length + 4)).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(delays.at(-1)).toBe(60_000);
    expect(Math.max(...delays)).toBe(60_000);
  });
});
