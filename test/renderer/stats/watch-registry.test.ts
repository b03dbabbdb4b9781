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
});
