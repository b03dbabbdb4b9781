// The cpuset syntax: parsing, shortest form, and "all cores" reading as no restriction.
import { describe, expect, it } from 'vitest';
import { engineCores, formatCpuset, normaliseCpuset, parseCpuset } from '../../../../main/shared/limits/cpuset';

describe('cpuset lists', () => {
  it('parses single cores, ranges and mixes, sorted without duplicates', () => {
    expect(parseCpuset('0')).toEqual([0]);
    expect(parseCpuset('0-2,5')).toEqual([0, 1, 2, 5]);
    expect(parseCpuset(' 3,1,1-2 ')).toEqual([1, 2, 3]);
  });

  it('refuses what the kernel would refuse', () => {
    for (const bad of ['', 'a', '1-', '-1', '2-1', '0,,1', '0-1;2', '0-99999']) expect(parseCpuset(bad)).toBeNull();
  });

  it('writes the shortest form', () => {
    expect(formatCpuset([5, 0, 1, 2])).toBe('0-2,5');
    expect(formatCpuset([1, 3])).toBe('1,3');
    expect(formatCpuset([])).toBe('');
  });

  it('reads every core of the engine, and empty, as no restriction', () => {
    expect(engineCores(4)).toEqual([0, 1, 2, 3]);
    expect(normaliseCpuset('0-1', 2)).toBeNull();
    expect(normaliseCpuset('1,0', 2)).toBeNull();
    expect(normaliseCpuset('', 2)).toBeNull();
    expect(normaliseCpuset(null, 2)).toBeNull();
    expect(normaliseCpuset('1', 2)).toBe('1');
    expect(normaliseCpuset('0,1,2', 8)).toBe('0-2');
    // Unparseable text is kept as it is, for validation to name it.
    expect(normaliseCpuset('x', 2)).toBe('x');
  });
});
