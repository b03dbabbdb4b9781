// How limit values read in messages, the same words in the core's refusals and the renderer's notes.
import { describe, expect, it } from 'vitest';
import { formatCpus, formatLimitBytes, GiB, MiB, MIN_MEMORY_BYTES } from '../../../../main/shared/limits/limit-units';

describe('limit units', () => {
  it('writes bytes in the largest binary unit, two decimals at most', () => {
    expect(formatLimitBytes(MIN_MEMORY_BYTES)).toBe('6 MiB');
    expect(formatLimitBytes(1.5 * GiB)).toBe('1.5 GiB');
    expect(formatLimitBytes(MiB / 3)).toBe('341.33 KiB');
    expect(formatLimitBytes(512)).toBe('512 B');
  });

  it('writes CPUs with the plural the number needs', () => {
    expect(formatCpus(1)).toBe('1 CPU');
    expect(formatCpus(0.5)).toBe('0.5 CPUs');
    expect(formatCpus(2)).toBe('2 CPUs');
  });
});
