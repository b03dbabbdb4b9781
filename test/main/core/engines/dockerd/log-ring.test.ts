// The engine log a Berth-owned engine keeps in memory: bounded, oldest first, listeners see new lines.
import { describe, expect, it } from 'vitest';
import { LogRing } from '../../../../../main/core/engines/dockerd/log-ring';

describe('LogRing', () => {
  it('keeps the last lines up to its capacity and tells listeners about new ones', () => {
    const ring = new LogRing(3);
    const seen: string[][] = [];
    const stop = ring.onLines((lines) => seen.push(lines));
    ring.push(['a', 'b']);
    ring.push(['c', 'd']);
    expect(ring.all()).toEqual(['b', 'c', 'd']);
    expect(ring.last(2)).toEqual(['c', 'd']);
    stop();
    ring.push(['e', 'f', 'g', 'h']);
    expect(ring.all()).toEqual(['f', 'g', 'h']);
    expect(seen).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
