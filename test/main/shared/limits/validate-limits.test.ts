// The rules on the RESULTING limit set: every rule, rules that only break once the change meets the limits
// already there, each problem once against the field it belongs to, and change-only mode (bulk) checking only
// the fields being changed.
import { describe, expect, it } from 'vitest';
import type { ContainerLimits, LimitsCapabilities, LimitsChange } from '../../../../main/shared/limits-types';
import type { LimitField } from '../../../../main/shared/limits/limit-fields';
import { resolveChange } from '../../../../main/shared/limits/resolve-change';
import { validateLimits } from '../../../../main/shared/limits/validate-limits';
import { caps, GiB, limited256, limits, MiB, unlimited } from './limit-sets';

function check(
  change: LimitsChange,
  current: ContainerLimits = unlimited,
  capabilities: LimitsCapabilities = caps,
  scope?: Set<LimitField>,
) {
  return validateLimits(resolveChange(current, change), current, change, capabilities, scope);
}

const messages = (change: LimitsChange, current?: ContainerLimits, capabilities?: LimitsCapabilities) =>
  check(change, current, capabilities).map((problem) => problem.message);

describe('validateLimits', () => {
  it('accepts a complete, sensible set and unlimited everything', () => {
    expect(
      check({
        cpus: 1.5,
        cpuShares: 512,
        cpusetCpus: '1',
        memoryBytes: 512 * MiB,
        memoryReservationBytes: 256 * MiB,
        memorySwapBytes: GiB,
        pidsLimit: 200,
        restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
      }),
    ).toEqual([]);
    expect(check({ cpus: null, memoryBytes: null, memorySwapBytes: null, pidsLimit: null })).toEqual([]);
    expect(check({}, limited256)).toEqual([]);
  });

  it('memory: at least 6 MiB, reported on the memory field', () => {
    expect(check({ memoryBytes: 6 * MiB })).toEqual([]);
    expect(check({ memoryBytes: 2 * MiB })).toEqual([
      {
        field: 'memoryBytes',
        message: "The memory limit must be at least 6 MiB (the engine's minimum), or unlimited.",
      },
    ]);
    expect(messages({ memoryBytes: 6 * MiB - 1 })).toEqual([
      expect.stringMatching(/memory limit must be at least 6 MiB/),
    ]);
    // A cleared field (NaN) is not a limit either.
    expect(check({ memoryBytes: Number.NaN })[0].field).toBe('memoryBytes');
  });

  it('memory+swap: needs a memory limit and must not be below it', () => {
    expect(check({ memorySwapBytes: 128 * MiB })).toEqual([
      {
        field: 'memorySwapBytes',
        message: 'A memory+swap limit needs a memory limit: set one, or make swap unlimited too.',
      },
    ]);
    expect(check({ memorySwapBytes: 128 * MiB }, limited256)).toEqual([
      {
        field: 'memorySwapBytes',
        message:
          'The memory+swap limit 128 MiB is below the memory limit 256 MiB: make it at least as large (equal means no swap), or unlimited.',
      },
    ]);
    expect(messages({ memoryBytes: 128 * MiB, memorySwapBytes: 64 * MiB })).toEqual([
      expect.stringMatching(/memory\+swap limit 64 MiB is below the memory limit 128 MiB/),
    ]);
    expect(check({ memorySwapBytes: 256 * MiB }, limited256)).toEqual([]);
    expect(check({ memoryBytes: 128 * MiB, memorySwapBytes: 128 * MiB })).toEqual([]);
    expect(check({ memoryBytes: 128 * MiB, memorySwapBytes: null })).toEqual([]);
  });

  it('reservation: at least 6 MiB and not above the memory limit', () => {
    expect(messages({ memoryReservationBytes: MiB })).toEqual([
      'The memory reservation must be at least 6 MiB, or none.',
    ]);
    expect(check({ memoryReservationBytes: 300 * MiB }, limited256)).toEqual([
      {
        field: 'memoryReservationBytes',
        message:
          'The memory reservation 300 MiB is above the memory limit 256 MiB: a soft limit must not exceed the hard one.',
      },
    ]);
    expect(messages({ memoryBytes: 64 * MiB, memoryReservationBytes: 100 * MiB })).toEqual([
      expect.stringMatching(/reservation 100 MiB is above the memory limit 64 MiB/),
    ]);
    // Without a memory limit any reservation is a soft limit alone.
    expect(check({ memoryReservationBytes: 100 * MiB })).toEqual([]);
  });

  it('cpus: more than 0 (at least 0.01) and at most the engine CPUs', () => {
    expect(check({ cpus: 0.01 })).toEqual([]);
    expect(check({ cpus: 2 })).toEqual([]);
    expect(check({ cpus: 0 })).toEqual([
      {
        field: 'cpus',
        message:
          "The CPU limit must be at least 0.01 CPUs (the kernel's smallest quota, 1 ms per 100 ms), or unlimited.",
      },
    ]);
    expect(messages({ cpus: 0.001 })).toEqual([expect.stringMatching(/at least 0.01 CPUs/)]);
    expect(check({ cpus: 3 })).toEqual([
      { field: 'cpus', message: "The CPU limit 3 CPUs is more than the engine's 2 CPUs." },
    ]);
    expect(messages({ cpus: 2.5 })).toEqual([expect.stringMatching(/2.5 CPUs is more than the engine's 2 CPUs/)]);
  });

  it('cpuset: well formed and within the engine cores', () => {
    expect(check({ cpusetCpus: '0-1' })).toEqual([]);
    expect(check({ cpusetCpus: '1-3' })).toEqual([
      { field: 'cpusetCpus', message: 'The CPU set names cores 2-3, but the engine has only cores 0-1.' },
    ]);
    expect(messages({ cpusetCpus: 'x' })).toEqual(['The CPU set "x" is not a list of cores like 0-1,3.']);
    expect(messages({ cpusetCpus: 'all' })).toEqual([expect.stringMatching(/not a list of cores/)]);
  });

  it('shares: whole numbers from 2 to 262144', () => {
    expect(check({ cpuShares: 2 })).toEqual([]);
    expect(check({ cpuShares: 262144 })).toEqual([]);
    for (const bad of [1, 262145, 10.5]) {
      expect(check({ cpuShares: bad })).toEqual([
        { field: 'cpuShares', message: expect.stringMatching(/CPU shares must be a whole number from 2 to 262144/) },
      ]);
    }
  });

  it('pids: at least 1 or unlimited', () => {
    expect(check({ pidsLimit: 1 })).toEqual([]);
    expect(check({ pidsLimit: 0 })).toEqual([
      { field: 'pidsLimit', message: 'The process limit must be at least 1, or unlimited, not 0.' },
    ]);
    expect(messages({ pidsLimit: -1 })).toEqual([expect.stringMatching(/process limit must be at least 1/)]);
  });

  it('restart policy: a retry count only with on-failure', () => {
    expect(check({ restartPolicy: { name: 'always', maximumRetryCount: 0 } })).toEqual([]);
    expect(check({ restartPolicy: { name: 'on-failure', maximumRetryCount: 0 } })).toEqual([]);
    expect(check({ restartPolicy: { name: 'always', maximumRetryCount: 3 } })).toEqual([
      {
        field: 'restartPolicy',
        message: expect.stringMatching(/only with the on-failure restart policy, not with "always"/),
      },
    ]);
    expect(messages({ restartPolicy: { name: 'on-failure', maximumRetryCount: -1 } })).toEqual([
      expect.stringMatching(/whole number, 0 or more/),
    ]);
    expect(messages({ restartPolicy: { name: 'sometimes' as 'no', maximumRetryCount: 0 } })).toEqual([
      expect.stringMatching(/not a restart policy/),
    ]);
  });

  it('checks the resulting set: a change that clashes with limits already there is refused', () => {
    const current = limits({ memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB });
    // Raising memory alone above the current memory+swap limit.
    expect(messages({ memoryBytes: 256 * MiB }, current)).toEqual([
      expect.stringMatching(/memory\+swap limit 128 MiB is below the memory limit 256 MiB/),
    ]);
    // A reservation above the memory limit that stays.
    expect(messages({ memoryReservationBytes: 100 * MiB }, current)).toEqual([
      expect.stringMatching(/above the memory limit 64 MiB/),
    ]);
    // Removing memory while swap stays limited.
    expect(messages({ memoryBytes: null }, current)).toEqual([expect.stringMatching(/needs a memory limit/)]);
    // And the fix: both together.
    expect(check({ memoryBytes: null, memorySwapBytes: null }, current)).toEqual([]);
  });

  it('lists every broken rule at once, in rule order', () => {
    expect(check({ cpus: 4, memoryBytes: MiB, pidsLimit: 0 }).map((problem) => problem.field)).toEqual([
      'cpus',
      'memoryBytes',
      'pidsLimit',
    ]);
  });

  it('refuses changing a field the engine reports as fixed, with its reason, but not leaving it as it is', () => {
    const fixed: LimitsCapabilities = {
      ...caps,
      swapLimitSupported: false,
      fixed: [{ field: 'memorySwapBytes', reason: 'This kernel does not account swap.' }],
    };
    expect(check({ memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB }, unlimited, fixed)).toContainEqual({
      field: 'memorySwapBytes',
      message: 'The memory+swap limit cannot change here: This kernel does not account swap.',
    });
    expect(check({ memorySwapBytes: 600 * MiB }, limited256, fixed)).toHaveLength(1);
    expect(check({ memoryBytes: 64 * MiB, memorySwapBytes: null }, unlimited, fixed)).toEqual([]);
  });

  it('change-only mode checks only the touched fields and the rules between them', () => {
    // Bulk, swap alone: each container's memory decides, so the core checks it per container.
    expect(check({ memorySwapBytes: 128 * MiB }, unlimited, caps, new Set(['memorySwapBytes']))).toEqual([]);
    expect(
      check(
        { memoryBytes: 256 * MiB, memorySwapBytes: 128 * MiB },
        unlimited,
        caps,
        new Set(['memoryBytes', 'memorySwapBytes']),
      ),
    ).toHaveLength(1);
    expect(check({ pidsLimit: 0 }, unlimited, caps, new Set(['memoryBytes']))).toEqual([]);
  });
});
