import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../../main/core/engine/backoff';

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
});
