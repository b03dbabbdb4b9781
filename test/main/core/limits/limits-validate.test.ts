// Validation of the RESULTING limit set: every rule, and rules that only break once the change meets the
// limits already there.
import { describe, expect, it } from 'vitest';
import { normaliseLimits, resolveChange, validateLimits } from '../../../../main/core/limits/limits-validate';
import type { ContainerLimits, LimitsCapabilities, LimitsChange } from '../../../../main/shared/limits-types';

const MiB = 1024 ** 2;
const unlimited: ContainerLimits = {
  cpus: null,
  cpuShares: null,
  cpusetCpus: null,
  memoryBytes: null,
  memoryReservationBytes: null,
  memorySwapBytes: null,
  pidsLimit: null,
  restartPolicy: { name: 'no', maximumRetryCount: 0 },
};
const caps: LimitsCapabilities = { engineCpus: 2, cores: [0, 1], engineMemoryBytes: 8192 * MiB, swapLimitSupported: true, fixed: [] };

function problems(change: LimitsChange, current: ContainerLimits = unlimited, capabilities = caps): string[] {
  return validateLimits(resolveChange(current, change), current, change, capabilities);
}

describe('resolveChange', () => {
  it('replaces present fields, removes limits given as null, keeps absent ones', () => {
    const current = { ...unlimited, cpus: 1, memoryBytes: 64 * MiB, pidsLimit: 100 };
    expect(resolveChange(current, { cpus: 0.5, pidsLimit: null })).toEqual({ ...current, cpus: 0.5, pidsLimit: null });
    expect(resolveChange(current, {})).toEqual(current);
  });

  it('does not share the restart policy object with the current set', () => {
    const result = resolveChange(unlimited, {});
    result.restartPolicy.name = 'always';
    expect(unlimited.restartPolicy.name).toBe('no');
  });

  it('normalises to what the engine reads back', () => {
    const result = normaliseLimits({ ...unlimited, cpuShares: 1024, cpusetCpus: '1,0', restartPolicy: { name: 'always', maximumRetryCount: 0 } }, 2);
    expect(result).toMatchObject({ cpuShares: null, cpusetCpus: null });
  });
});

describe('validateLimits', () => {
  it('accepts a complete, sensible set and unlimited everything', () => {
    expect(problems({ cpus: 1.5, cpuShares: 512, cpusetCpus: '1', memoryBytes: 512 * MiB, memoryReservationBytes: 256 * MiB, memorySwapBytes: 1024 * MiB, pidsLimit: 200, restartPolicy: { name: 'on-failure', maximumRetryCount: 3 } })).toEqual([]);
    expect(problems({ cpus: null, memoryBytes: null, memorySwapBytes: null, pidsLimit: null })).toEqual([]);
  });

  it('memory: at least 6 MiB', () => {
    expect(problems({ memoryBytes: 6 * MiB })).toEqual([]);
    expect(problems({ memoryBytes: 6 * MiB - 1 })).toEqual([expect.stringMatching(/memory limit must be at least 6 MiB/)]);
  });

  it('memory+swap: needs a memory limit and must not be below it', () => {
    expect(problems({ memorySwapBytes: 128 * MiB })).toEqual([expect.stringMatching(/needs a memory limit/)]);
    expect(problems({ memoryBytes: 128 * MiB, memorySwapBytes: 64 * MiB })).toEqual([expect.stringMatching(/memory\+swap limit 64 MiB is below the memory limit 128 MiB/)]);
    expect(problems({ memoryBytes: 128 * MiB, memorySwapBytes: 128 * MiB })).toEqual([]);
    expect(problems({ memoryBytes: 128 * MiB, memorySwapBytes: null })).toEqual([]);
  });

  it('reservation: at least 6 MiB and not above the memory limit', () => {
    expect(problems({ memoryReservationBytes: MiB })).toEqual([expect.stringMatching(/reservation must be at least 6 MiB/)]);
    expect(problems({ memoryBytes: 64 * MiB, memoryReservationBytes: 100 * MiB })).toEqual([expect.stringMatching(/reservation 100 MiB is above the memory limit 64 MiB/)]);
    // Without a memory limit any reservation is a soft limit alone.
    expect(problems({ memoryReservationBytes: 100 * MiB })).toEqual([]);
  });

  it('cpus: more than 0 (at least 0.01) and at most the engine CPUs', () => {
    expect(problems({ cpus: 0.01 })).toEqual([]);
    expect(problems({ cpus: 2 })).toEqual([]);
    expect(problems({ cpus: 0 })).toEqual([expect.stringMatching(/at least 0.01 CPUs/)]);
    expect(problems({ cpus: 0.001 })).toEqual([expect.stringMatching(/at least 0.01 CPUs/)]);
    expect(problems({ cpus: 2.5 })).toEqual([expect.stringMatching(/2.5 CPUs is more than the engine's 2 CPUs/)]);
  });

  it('cpuset: well formed and within the engine cores', () => {
    expect(problems({ cpusetCpus: '0-1' })).toEqual([]);
    expect(problems({ cpusetCpus: '1-3' })).toEqual([expect.stringMatching(/names cores 2-3, but the engine has only cores 0-1/)]);
    expect(problems({ cpusetCpus: 'all' })).toEqual([expect.stringMatching(/not a list of cores/)]);
  });

  it('shares: whole numbers from 2 to 262144', () => {
    expect(problems({ cpuShares: 2 })).toEqual([]);
    expect(problems({ cpuShares: 262144 })).toEqual([]);
    for (const bad of [1, 262145, 10.5]) expect(problems({ cpuShares: bad })).toEqual([expect.stringMatching(/CPU shares must be a whole number from 2 to 262144/)]);
  });

  it('pids: at least 1 or unlimited', () => {
    expect(problems({ pidsLimit: 1 })).toEqual([]);
    expect(problems({ pidsLimit: 0 })).toEqual([expect.stringMatching(/process limit must be at least 1/)]);
    expect(problems({ pidsLimit: -1 })).toEqual([expect.stringMatching(/process limit must be at least 1/)]);
  });

  it('restart policy: a retry count only with on-failure', () => {
    expect(problems({ restartPolicy: { name: 'always', maximumRetryCount: 0 } })).toEqual([]);
    expect(problems({ restartPolicy: { name: 'on-failure', maximumRetryCount: 0 } })).toEqual([]);
    expect(problems({ restartPolicy: { name: 'always', maximumRetryCount: 3 } })).toEqual([expect.stringMatching(/only with the on-failure restart policy, not with "always"/)]);
    expect(problems({ restartPolicy: { name: 'on-failure', maximumRetryCount: -1 } })).toEqual([expect.stringMatching(/whole number, 0 or more/)]);
    expect(problems({ restartPolicy: { name: 'sometimes' as 'no', maximumRetryCount: 0 } })).toEqual([expect.stringMatching(/not a restart policy/)]);
  });

  it('checks the resulting set: a change that clashes with limits already there is refused', () => {
    const current = { ...unlimited, memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB };
    // Raising memory alone above the current memory+swap limit.
    expect(problems({ memoryBytes: 256 * MiB }, current)).toEqual([expect.stringMatching(/memory\+swap limit 128 MiB is below the memory limit 256 MiB/)]);
    // A reservation above the memory limit that stays.
    expect(problems({ memoryReservationBytes: 100 * MiB }, current)).toEqual([expect.stringMatching(/above the memory limit 64 MiB/)]);
    // Removing memory while swap stays limited.
    expect(problems({ memoryBytes: null }, current)).toEqual([expect.stringMatching(/needs a memory limit/)]);
    // And the fix: both together.
    expect(problems({ memoryBytes: null, memorySwapBytes: null }, current)).toEqual([]);
  });

  it('lists every broken rule at once', () => {
    expect(problems({ cpus: 4, memoryBytes: MiB, pidsLimit: 0 })).toHaveLength(3);
  });

  it('refuses changing a field the engine reports as fixed, but not leaving it as it is', () => {
    const fixed: LimitsCapabilities = { ...caps, swapLimitSupported: false, fixed: [{ field: 'memorySwapBytes', reason: 'no swap accounting' }] };
    expect(problems({ memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB }, unlimited, fixed)).toContain('The memory+swap limit cannot change here: no swap accounting');
    expect(problems({ memoryBytes: 64 * MiB, memorySwapBytes: null }, unlimited, fixed)).toEqual([]);
  });
});
