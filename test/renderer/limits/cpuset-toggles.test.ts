// The per-core toggles' view of a cpuset.
import { describe, expect, it } from 'vitest';
import { coresOf, cpusetFromCores } from '../../../renderer/src/limits/cpuset-toggles';

describe('cpuset', () => {
  it('treats no core and every core as no restriction', () => {
    expect(cpusetFromCores([], [0, 1, 2, 3])).toBeNull();
    expect(cpusetFromCores([3, 2, 1, 0], [0, 1, 2, 3])).toBeNull();
    expect(cpusetFromCores([1, 3], [0, 1, 2, 3])).toBe('1,3');
    expect(coresOf(null)).toEqual([]);
    expect(coresOf('1,3')).toEqual([1, 3]);
    expect(coresOf('2-1')).toEqual([]);
  });
});
