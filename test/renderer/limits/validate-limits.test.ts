// The renderer's copy of the limit rules: each broken rule is reported once, against the field it belongs to,
// with the core's wording; change-only mode (bulk) checks only the fields being changed.
import { describe, expect, it } from 'vitest';
import type { ContainerLimits, LimitsCapabilities, LimitsChange } from '../../../main/shared/limits-types';
import { resolveChange } from '../../../renderer/src/limits/limits-diff';
import type { LimitField } from '../../../renderer/src/limits/limit-fields';
import { problemsByField, validateLimits } from '../../../renderer/src/limits/validate-limits';
import { caps, limited256, MiB, unlimited } from './fixtures';

function check(change: LimitsChange, current: ContainerLimits = unlimited, capabilities: LimitsCapabilities = caps, scope?: Set<LimitField>) {
  return validateLimits(resolveChange(current, change), current, change, capabilities, scope);
}

describe('validateLimits', () => {
  it('accepts sensible limits and unlimited everything', () => {
    expect(check({ cpus: 1.5, cpuShares: 512, cpusetCpus: '1', memoryBytes: 512 * MiB, memoryReservationBytes: 256 * MiB, memorySwapBytes: GiBs(1), pidsLimit: 200, restartPolicy: { name: 'on-failure', maximumRetryCount: 3 } })).toEqual([]);
    expect(check({}, limited256)).toEqual([]);
  });

  it('memory: at least 6 MiB, reported on the memory field', () => {
    expect(check({ memoryBytes: 6 * MiB })).toEqual([]);
    expect(check({ memoryBytes: 2 * MiB })).toEqual([
      { field: 'memoryBytes', message: "The memory limit must be at least 6 MiB (the engine's minimum), or unlimited." },
    ]);
    // A cleared field (NaN) is not a limit either.
    expect(check({ memoryBytes: Number.NaN })[0].field).toBe('memoryBytes');
  });

  it('memory+swap: not below memory, and only with a memory limit', () => {
    expect(check({ memorySwapBytes: 128 * MiB }, limited256)).toEqual([
      {
        field: 'memorySwapBytes',
        message: 'The memory+swap limit 128 MiB is below the memory limit 256 MiB: make it at least as large (equal means no swap), or unlimited.',
      },
    ]);
    expect(check({ memorySwapBytes: 256 * MiB }, limited256)).toEqual([]);
    expect(check({ memorySwapBytes: 128 * MiB })).toEqual([
      { field: 'memorySwapBytes', message: 'A memory+swap limit needs a memory limit: set one, or make swap unlimited too.' },
    ]);
  });

  it('reservation: at least 6 MiB and not above the memory limit', () => {
    expect(check({ memoryReservationBytes: 300 * MiB }, limited256)).toEqual([
      { field: 'memoryReservationBytes', message: 'The memory reservation 300 MiB is above the memory limit 256 MiB: a soft limit must not exceed the hard one.' },
    ]);
    expect(check({ memoryReservationBytes: MiB })[0].message).toBe('The memory reservation must be at least 6 MiB, or none.');
  });

  it('CPUs: more than 0 and at most the engine CPUs', () => {
    expect(check({ cpus: 0.01 })).toEqual([]);
    expect(check({ cpus: 0 })).toEqual([
      { field: 'cpus', message: "The CPU limit must be at least 0.01 CPUs (the kernel's smallest quota, 1 ms per 100 ms), or unlimited." },
    ]);
    expect(check({ cpus: 3 })).toEqual([{ field: 'cpus', message: "The CPU limit 3 CPUs is more than the engine's 2 CPUs." }]);
  });

  it('cpuset: within the engine cores; shares: whole numbers in range', () => {
    expect(check({ cpusetCpus: '1-3' })).toEqual([{ field: 'cpusetCpus', message: 'The CPU set names cores 2-3, but the engine has only cores 0-1.' }]);
    expect(check({ cpusetCpus: 'x' })[0].message).toBe('The CPU set "x" is not a list of cores like 0-1,3.');
    expect(check({ cpuShares: 1 })[0]).toMatchObject({ field: 'cpuShares', message: expect.stringContaining('from 2 to 262144') });
  });

  it('pids at least 1; retries only with on-failure', () => {
    expect(check({ pidsLimit: 0 })).toEqual([{ field: 'pidsLimit', message: 'The process limit must be at least 1, or unlimited, not 0.' }]);
    expect(check({ restartPolicy: { name: 'always', maximumRetryCount: 2 } })[0]).toMatchObject({ field: 'restartPolicy' });
  });

  it('a limit the engine cannot change here is reported with its reason', () => {
    const fixed: LimitsCapabilities = { ...caps, fixed: [{ field: 'memorySwapBytes', reason: 'This kernel does not account swap.' }] };
    expect(check({ memorySwapBytes: 600 * MiB }, limited256, fixed)).toContainEqual({
      field: 'memorySwapBytes',
      message: 'The memory+swap limit cannot change here: This kernel does not account swap.',
    });
  });

  it('change-only mode checks only the touched fields and the rules between them', () => {
    // Bulk, swap alone: each container's memory decides, so the core checks it per container.
    expect(check({ memorySwapBytes: 128 * MiB }, unlimited, caps, new Set(['memorySwapBytes']))).toEqual([]);
    expect(check({ memoryBytes: 256 * MiB, memorySwapBytes: 128 * MiB }, unlimited, caps, new Set(['memoryBytes', 'memorySwapBytes']))).toHaveLength(1);
    expect(check({ pidsLimit: 0 }, unlimited, caps, new Set(['memoryBytes']))).toEqual([]);
  });
});

describe('problemsByField', () => {
  it('keeps the first problem of each field', () => {
    expect(problemsByField([
      { field: 'cpus', message: 'a' },
      { field: 'cpus', message: 'b' },
      { field: 'pidsLimit', message: 'c' },
    ])).toEqual({ cpus: 'a', pidsLimit: 'c' });
  });
});

function GiBs(n: number): number {
  return n * 1024 * MiB;
}
