// The cpuset syntax behind the per-core toggles.
import { describe, expect, it } from 'vitest';
import { coresOf, cpusetFromCores, formatCpuset, parseCpuset } from '../../../renderer/src/limits/cpuset';
import { formatLimitBytes, fromBytes, preferredUnit, toBytes } from '../../../renderer/src/limits/limit-units';
import { GiB, MiB } from './fixtures';

describe('cpuset', () => {
  it('parses and writes lists of cores', () => {
    expect(parseCpuset('0-2,5')).toEqual([0, 1, 2, 5]);
    expect(parseCpuset('2-1')).toBeNull();
    expect(formatCpuset([5, 0, 1, 2])).toBe('0-2,5');
  });

  it('treats no core and every core as no restriction', () => {
    expect(cpusetFromCores([], [0, 1, 2, 3])).toBeNull();
    expect(cpusetFromCores([3, 2, 1, 0], [0, 1, 2, 3])).toBeNull();
    expect(cpusetFromCores([1, 3], [0, 1, 2, 3])).toBe('1,3');
    expect(coresOf(null)).toEqual([]);
    expect(coresOf('1,3')).toEqual([1, 3]);
  });
});

describe('memory units', () => {
  it('converts typed values to whole pages and back', () => {
    expect(toBytes(128, 'MiB')).toBe(128 * MiB);
    expect(toBytes(0.1, 'GiB') % 4096).toBe(0);
    expect(fromBytes(1.5 * GiB, 'GiB')).toBe(1.5);
    expect(fromBytes(1.5 * GiB, 'MiB')).toBe(1536);
    expect(preferredUnit(2 * GiB)).toBe('GiB');
    expect(preferredUnit(null)).toBe('MiB');
    expect(formatLimitBytes(6 * MiB)).toBe('6 MiB');
  });
});
