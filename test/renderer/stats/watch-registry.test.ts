// The watch registry: counted declarations and their union.
import { describe, expect, it } from 'vitest';
import { isEmptyUnion, WatchRegistry } from '../../../renderer/src/stats/watch-registry';

describe('WatchRegistry', () => {
  it('unions every declaration, ids sorted and once each', () => {
    const registry = new WatchRegistry();
    registry.add({ ids: ['b', 'a'] });
    registry.add({ all: true, ids: ['a'] });
    expect(registry.union()).toEqual({ all: true, ids: ['a', 'b'] });
  });

  it('counts declarations: an id stays until its last view withdraws it; a release twice counts once', () => {
    const registry = new WatchRegistry();
    const first = registry.add({ all: true, ids: ['a'] });
    const second = registry.add({ all: true, ids: ['a'] });
    first();
    first();
    expect(registry.union()).toEqual({ all: true, ids: ['a'] });
    second();
    expect(registry.union()).toEqual({ all: false, ids: [] });
    expect(isEmptyUnion(registry.union())).toBe(true);
  });

  it('names focused ids apart, while any view that charts them stays; no focus key when none is', () => {
    const registry = new WatchRegistry();
    registry.add({ all: true });
    const chart = registry.add({ ids: ['b'], focus: true });
    const info = registry.add({ ids: ['b', 'a'] });
    expect(registry.union()).toEqual({ all: true, ids: ['a', 'b'], focus: ['b'] });
    chart();
    // Still shown by a view that does not chart it: watched at 1 Hz, not focused.
    expect(registry.union()).toEqual({ all: true, ids: ['a', 'b'] });
    info();
    expect(registry.union()).toEqual({ all: true, ids: [] });
  });
});
