// Edits in the limits editor with their couplings, and the values limits start from when switched back on.
import { describe, expect, it } from 'vitest';
import { editLimit, startingValue } from '../../../renderer/src/limits/limits-edit';
import { caps, limited256, MiB, unlimited } from '../../main/shared/limits/limit-sets';

describe('editLimit', () => {
  it('keeps the swap allowance when memory moves', () => {
    expect(editLimit(limited256, 'memoryBytes', 128 * MiB)).toEqual({
      value: { ...limited256, memoryBytes: 128 * MiB, memorySwapBytes: 384 * MiB },
      fields: ['memoryBytes', 'memorySwapBytes'],
    });
    // No swap stays no swap.
    const noSwap = { ...limited256, memorySwapBytes: 256 * MiB };
    expect(editLimit(noSwap, 'memoryBytes', 64 * MiB).value.memorySwapBytes).toBe(64 * MiB);
  });

  it('makes swap unlimited with memory, and leaves unlimited swap alone', () => {
    expect(editLimit(limited256, 'memoryBytes', null)).toEqual({
      value: { ...limited256, memoryBytes: null, memorySwapBytes: null },
      fields: ['memoryBytes', 'memorySwapBytes'],
    });
    expect(editLimit(unlimited, 'memoryBytes', 128 * MiB)).toEqual({
      value: { ...unlimited, memoryBytes: 128 * MiB },
      fields: ['memoryBytes'],
    });
  });

  it('drops retries from policies other than on-failure', () => {
    expect(editLimit(unlimited, 'restartPolicy', { name: 'always', maximumRetryCount: 4 }).value.restartPolicy).toEqual(
      { name: 'always', maximumRetryCount: 0 },
    );
    expect(
      editLimit(unlimited, 'restartPolicy', { name: 'on-failure', maximumRetryCount: 4 }).value.restartPolicy,
    ).toEqual({ name: 'on-failure', maximumRetryCount: 4 });
  });

  it('changes one field only for the others', () => {
    expect(editLimit(limited256, 'pidsLimit', 50)).toEqual({
      value: { ...limited256, pidsLimit: 50 },
      fields: ['pidsLimit'],
    });
  });
});

describe('startingValue', () => {
  it('starts CPU and memory above current use, within the engine', () => {
    expect(startingValue('cpus', unlimited, caps, { cpuCores: 0.4, memBytes: null })).toBe(0.8);
    expect(startingValue('cpus', unlimited, caps, { cpuCores: 1.9, memBytes: null })).toBe(2);
    expect(startingValue('cpus', unlimited, caps, null)).toBe(0.25);
    expect(startingValue('memoryBytes', unlimited, caps, { cpuCores: null, memBytes: 300 * MiB })).toBe(640 * MiB);
    expect(startingValue('memoryBytes', unlimited, caps, null)).toBe(256 * MiB);
  });

  it('starts a reservation at half the memory limit, and shares at the default', () => {
    expect(startingValue('memoryReservationBytes', limited256, caps, null)).toBe(128 * MiB);
    expect(startingValue('cpuShares', unlimited, caps, null)).toBe(1024);
  });
});
