// Change → ONE update payload: only the changed fields, each removal with the encoding that really removes
// the limit on Docker 20.10, and the CPU encoding per engine and per how the container's limit is stored.
import { describe, expect, it } from 'vitest';
import { planUpdate, type PayloadContext } from '../../../../main/core/limits/update-payload';
import type { ContainerLimits } from '../../../../main/shared/limits-types';
import { limits, MiB } from '../../shared/limits/limit-sets';

const KERNEL_MAX = 0x7ffffffffffff000;
const docker: PayloadContext = {
  product: 'docker',
  cpu: { nanoCpus: 0, quota: 0, period: 0 },
  swapLimitSupported: true,
  engineCpus: 2,
};
const podman: PayloadContext = { ...docker, product: 'podman' };
const plan = (from: Partial<ContainerLimits>, to: Partial<ContainerLimits>, ctx = docker) =>
  planUpdate(limits(from), limits(to), ctx);

describe('planUpdate', () => {
  it('sends nothing when nothing changes', () => {
    expect(plan({ cpus: 1 }, { cpus: 1 })).toEqual({ payload: {}, fields: [], notes: [] });
  });

  it('CPU on docker without a stored limit: CpuQuota with the period, removable with CpuQuota -1', () => {
    expect(plan({}, { cpus: 0.5 }).payload).toEqual({ CpuQuota: 50_000, CpuPeriod: 100_000 });
    expect(
      plan({ cpus: 0.5 }, { cpus: null }, { ...docker, cpu: { nanoCpus: 0, quota: 50_000, period: 100_000 } }).payload,
    ).toEqual({ CpuQuota: -1 });
    // A stored period stays, and the quota is counted in it.
    expect(
      plan({ cpus: 0.5 }, { cpus: 1.5 }, { ...docker, cpu: { nanoCpus: 0, quota: 25_000, period: 50_000 } }).payload,
    ).toEqual({ CpuQuota: 75_000 });
  });

  it('CPU on docker with NanoCpus stored: NanoCpus to set, CpuQuota -1 to remove, saying what that means', () => {
    const nano = { ...docker, cpu: { nanoCpus: 1e9, quota: 0, period: 0 } };
    expect(plan({ cpus: 1 }, { cpus: 0.25 }, nano)).toEqual({
      payload: { NanoCpus: 250_000_000 },
      fields: ['cpus'],
      notes: [],
    });
    const removal = plan({ cpus: 1 }, { cpus: null }, nano);
    expect(removal.payload).toEqual({ CpuQuota: -1 });
    expect(removal.notes).toEqual([
      { field: 'cpus', text: expect.stringMatching(/holds only until the container restarts/) },
    ]);
    // After such a removal a new NanoCpus limit is live only.
    const again = plan({ cpus: null }, { cpus: 0.5 }, { ...docker, cpu: { nanoCpus: 1e9, quota: -1, period: 0 } });
    expect(again.payload).toEqual({ NanoCpus: 500_000_000 });
    expect(again.notes[0].text).toMatch(/will start unlimited after a restart/);
  });

  it('CPU on podman: always CpuQuota/CpuPeriod, its compatible API ignores NanoCpus', () => {
    expect(plan({}, { cpus: 1.5 }, podman).payload).toEqual({ CpuQuota: 150_000, CpuPeriod: 100_000 });
    expect(
      plan({ cpus: 1 }, { cpus: 0.5 }, { ...podman, cpu: { nanoCpus: 1e9, quota: 0, period: 0 } }).payload,
    ).toEqual({ CpuQuota: 50_000, CpuPeriod: 100_000 });
    expect(plan({ cpus: 1 }, { cpus: null }, podman).payload).toEqual({ CpuQuota: -1 });
  });

  it('shares and cpuset: default and all cores are explicit values (0 and "" are ignored by the engine)', () => {
    expect(plan({}, { cpuShares: 512 }).payload).toEqual({ CpuShares: 512 });
    expect(plan({ cpuShares: 512 }, { cpuShares: null }).payload).toEqual({ CpuShares: 1024 });
    expect(plan({}, { cpusetCpus: '1' }).payload).toEqual({ CpusetCpus: '1' });
    expect(plan({ cpusetCpus: '1' }, { cpusetCpus: null }).payload).toEqual({ CpusetCpus: '0-1' });
  });

  it('memory and memory+swap travel together; unlimited is the kernel maximum', () => {
    expect(plan({}, { memoryBytes: 64 * MiB }).payload).toEqual({ Memory: 64 * MiB, MemorySwap: KERNEL_MAX });
    expect(plan({}, { memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB }).payload).toEqual({
      Memory: 64 * MiB,
      MemorySwap: 128 * MiB,
    });
    expect(
      plan({ memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB }, { memoryBytes: 64 * MiB, memorySwapBytes: null })
        .payload,
    ).toEqual({ Memory: 64 * MiB, MemorySwap: KERNEL_MAX });
    expect(plan({ memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB }, {}).payload).toEqual({
      Memory: KERNEL_MAX,
      MemorySwap: KERNEL_MAX,
    });
    // The kernel maximum survives JSON as a number Go parses into int64 and the kernel rounds back to itself.
    expect(JSON.stringify({ Memory: KERNEL_MAX })).toBe('{"Memory":9223372036854772000}');
  });

  it('no MemorySwap at all where the kernel does not account swap', () => {
    expect(plan({}, { memoryBytes: 64 * MiB }, { ...docker, swapLimitSupported: false }).payload).toEqual({
      Memory: 64 * MiB,
    });
  });

  it('reservation -1 and pids -1 remove those limits', () => {
    expect(plan({}, { memoryReservationBytes: 32 * MiB }).payload).toEqual({ MemoryReservation: 32 * MiB });
    expect(plan({ memoryReservationBytes: 32 * MiB }, {}).payload).toEqual({ MemoryReservation: -1 });
    expect(plan({}, { pidsLimit: 50 }).payload).toEqual({ PidsLimit: 50 });
    expect(plan({ pidsLimit: 50 }, {}).payload).toEqual({ PidsLimit: -1 });
  });

  it('restart policy with its retry count', () => {
    expect(plan({}, { restartPolicy: { name: 'on-failure', maximumRetryCount: 3 } }).payload).toEqual({
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
    });
    expect(plan({ restartPolicy: { name: 'always', maximumRetryCount: 0 } }, {}).payload).toEqual({
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    });
  });

  it('puts every changed field into one payload', () => {
    const result = plan(
      {},
      {
        cpus: 1,
        cpuShares: 256,
        cpusetCpus: '0',
        memoryBytes: 64 * MiB,
        memoryReservationBytes: 32 * MiB,
        pidsLimit: 10,
        restartPolicy: { name: 'always', maximumRetryCount: 0 },
      },
    );
    expect(result.fields).toHaveLength(7);
    expect(Object.keys(result.payload).sort()).toEqual([
      'CpuPeriod',
      'CpuQuota',
      'CpuShares',
      'CpusetCpus',
      'Memory',
      'MemoryReservation',
      'MemorySwap',
      'PidsLimit',
      'RestartPolicy',
    ]);
  });
});
