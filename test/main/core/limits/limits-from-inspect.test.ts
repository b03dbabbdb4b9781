// Inspect → limits: Docker's start-time rules for every HostConfig field, and kernel values overriding them
// where they disagree (but not for page rounding).
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { enforcedLimits, mismatches, restartDivergence } from '../../../../main/core/limits/enforced-limits';
import { cpusFromConfig, limitsFromHostConfig, toSnapshot } from '../../../../main/core/limits/limits-from-inspect';
import type { ContainerLimits } from '../../../../main/shared/limits-types';
import { MiB, unlimited } from '../../shared/limits/limit-sets';

const KERNEL_MAX = 9223372036854771712;
const read = (hostConfig: Record<string, unknown>, swapSupported = true) =>
  limitsFromHostConfig(hostConfig, 2, swapSupported);

describe('limits from HostConfig', () => {
  it('reads a container with no limits as all null', () => {
    expect(
      read({
        NanoCpus: 0,
        CpuQuota: 0,
        CpuPeriod: 0,
        CpuShares: 0,
        CpusetCpus: '',
        Memory: 0,
        MemoryReservation: 0,
        MemorySwap: 0,
        PidsLimit: null,
        RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      }),
    ).toEqual(unlimited);
  });

  it('cpus: NanoCpus, CpuQuota/CpuPeriod, and a negative quota overriding NanoCpus as Docker does at start', () => {
    expect(cpusFromConfig({ nanoCpus: 1.5e9, quota: 0, period: 0 })).toBe(1.5);
    expect(cpusFromConfig({ nanoCpus: 0, quota: 50_000, period: 100_000 })).toBe(0.5);
    expect(cpusFromConfig({ nanoCpus: 0, quota: 25_000, period: 0 })).toBe(0.25);
    expect(cpusFromConfig({ nanoCpus: 0, quota: 33_300, period: 100_000 })).toBe(0.333);
    expect(cpusFromConfig({ nanoCpus: 1e9, quota: -1, period: 0 })).toBeNull();
    expect(cpusFromConfig({ nanoCpus: 0, quota: -1, period: 100_000 })).toBeNull();
    expect(cpusFromConfig({ nanoCpus: 0, quota: 0, period: 0 })).toBeNull();
  });

  it('shares: 0 and the kernel default 1024 read as default', () => {
    expect(read({ CpuShares: 0 }).cpuShares).toBeNull();
    expect(read({ CpuShares: 1024 }).cpuShares).toBeNull();
    expect(read({ CpuShares: 512 }).cpuShares).toBe(512);
  });

  it('cpuset: empty and every engine core read as all cores', () => {
    expect(read({ CpusetCpus: '' }).cpusetCpus).toBeNull();
    expect(read({ CpusetCpus: '0-1' }).cpusetCpus).toBeNull();
    expect(read({ CpusetCpus: '1' }).cpusetCpus).toBe('1');
  });

  it('memory and reservation: 0, -1 and the kernel maximum read as unlimited', () => {
    expect(read({ Memory: 0 }).memoryBytes).toBeNull();
    expect(read({ Memory: KERNEL_MAX, MemorySwap: KERNEL_MAX }).memoryBytes).toBeNull();
    expect(read({ Memory: 64 * MiB }).memoryBytes).toBe(64 * MiB);
    expect(read({ MemoryReservation: -1 }).memoryReservationBytes).toBeNull();
    expect(read({ MemoryReservation: 32 * MiB }).memoryReservationBytes).toBe(32 * MiB);
  });

  it('memory+swap: -1 and the kernel maximum are unlimited, 0 beside a memory limit is twice the memory', () => {
    expect(read({ Memory: 64 * MiB, MemorySwap: 128 * MiB }).memorySwapBytes).toBe(128 * MiB);
    expect(read({ Memory: 64 * MiB, MemorySwap: -1 }).memorySwapBytes).toBeNull();
    expect(read({ Memory: 64 * MiB, MemorySwap: KERNEL_MAX }).memorySwapBytes).toBeNull();
    expect(read({ Memory: 64 * MiB, MemorySwap: 0 }).memorySwapBytes).toBe(128 * MiB);
    // No memory limit: no memory+swap limit either, whatever is stored.
    expect(read({ Memory: 0, MemorySwap: 0 }).memorySwapBytes).toBeNull();
    // A kernel without swap accounting limits no swap.
    expect(read({ Memory: 64 * MiB, MemorySwap: 128 * MiB }, false).memorySwapBytes).toBeNull();
  });

  it('pids: null, 0 and -1 are unlimited', () => {
    expect(read({ PidsLimit: null }).pidsLimit).toBeNull();
    expect(read({ PidsLimit: 0 }).pidsLimit).toBeNull();
    expect(read({ PidsLimit: -1 }).pidsLimit).toBeNull();
    expect(read({ PidsLimit: 50 }).pidsLimit).toBe(50);
  });

  it('restart policy: an empty name is "no", a retry count only counts for on-failure', () => {
    expect(read({ RestartPolicy: { Name: '', MaximumRetryCount: 0 } }).restartPolicy).toEqual({
      name: 'no',
      maximumRetryCount: 0,
    });
    expect(read({ RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 } }).restartPolicy).toEqual({
      name: 'on-failure',
      maximumRetryCount: 3,
    });
    expect(read({ RestartPolicy: { Name: 'always', MaximumRetryCount: 3 } }).restartPolicy).toEqual({
      name: 'always',
      maximumRetryCount: 0,
    });
  });

  it('snapshots an inspect: id, name, pid only while running, AutoRemove, the CPU config', () => {
    const info = {
      Id: 'abc123',
      Name: '/web',
      State: { Running: true, Pid: 4242 },
      HostConfig: { NanoCpus: 1e9, AutoRemove: true, Memory: 64 * MiB, MemorySwap: 128 * MiB },
    } as unknown as Dockerode.ContainerInspectInfo;
    expect(toSnapshot(info, 2, true)).toMatchObject({
      id: 'abc123',
      name: 'web',
      running: true,
      pid: 4242,
      autoRemove: true,
      cpu: { nanoCpus: 1e9, quota: 0, period: 0 },
      configured: { cpus: 1, memoryBytes: 64 * MiB },
    });
    const stopped = { ...info, State: { Running: false, Pid: 0 } } as unknown as Dockerode.ContainerInspectInfo;
    expect(toSnapshot(stopped, 2, true)).toMatchObject({ running: false, pid: 0 });
  });
});

describe('enforced limits', () => {
  const configured: ContainerLimits = {
    ...read({ Memory: 100_000_000, MemorySwap: 200_000_000, NanoCpus: 1e9, CpuQuota: -1 }),
  };

  it('take the kernel values where they disagree with HostConfig', () => {
    // The NanoCpus-after-removal case: the kernel enforces 0.25 CPUs, the configuration says unlimited at start.
    const enforced = enforcedLimits(configured, { cpus: 0.25 });
    expect(enforced.cpus).toBe(0.25);
    expect(restartDivergence(enforced, configured)).toEqual([
      expect.stringMatching(
        /CPU limit is 0.25 CPUs now, but .* unlimited, which it will apply when the container restarts/,
      ),
    ]);
    expect(restartDivergence(enforced, configured, ['cpus'])).toEqual([]);
  });

  it('keep the asked byte values when the kernel only rounded them to pages', () => {
    const enforced = enforcedLimits(configured, { memoryBytes: 99_999_744, memorySwapBytes: 199_999_488 });
    expect(enforced.memoryBytes).toBe(100_000_000);
    expect(enforced.memorySwapBytes).toBe(200_000_000);
    expect(restartDivergence(enforced, configured)).toEqual([]);
  });

  it('use HostConfig alone when the kernel is not readable', () => {
    expect(enforcedLimits(configured, null)).toBe(configured);
  });

  it('name what the engine enforces differently from the request', () => {
    expect(mismatches({ ...configured, pidsLimit: 10 }, configured)).toEqual([
      'The engine enforces unlimited as the process limit, not the 10 asked for.',
    ]);
  });
});
