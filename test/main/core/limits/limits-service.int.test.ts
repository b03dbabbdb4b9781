// LimitsService against the harness engine (Docker 20.10, cgroup v1): for every limit kind, applying it shows
// in inspect AND in the kernel's cgroup file, null really removes it, and undo restores the previous set.
import { describe, expect, it } from 'vitest';
import { KERNEL_UNLIMITED, limitsSuite, MiB, refusal } from './limits-fixture';

const { f, idle, file, config, applyOnce } = limitsSuite();

describe('LimitsService on a real engine', () => {
  it('cpus (CpuQuota/CpuPeriod for a container created without a limit): set, remove, undo', async () => {
    const id = await idle('cpus');
    expect((await applyOnce(id, { cpus: 0.5 })).after.cpus).toBe(0.5);
    expect(await config(id)).toMatchObject({ CpuQuota: 50_000, CpuPeriod: 100_000, NanoCpus: 0 });
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('50000');
    expect(await file(id, 'cpu', 'cpu.cfs_period_us')).toBe('100000');

    expect((await applyOnce(id, { cpus: null })).after.cpus).toBeNull();
    expect(await config(id)).toMatchObject({ CpuQuota: -1 });
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('-1');

    expect((await f.service.undo(id)).after.cpus).toBe(0.5);
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('50000');
    // Set, removed and set again: the limit also survives a restart.
    await f.docker.getContainer(id).restart({ t: 0 });
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('50000');
  });

  it('cpus of a container created with --cpus (NanoCpus): set, remove with CpuQuota -1 (warned), undo', async () => {
    const id = await idle('nanocpus', { NanoCpus: 1e9 });
    expect((await f.service.get(id)).limits.cpus).toBe(1);
    await applyOnce(id, { cpus: 0.25 });
    expect(await config(id)).toMatchObject({ NanoCpus: 250_000_000 });
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('25000');

    const removed = await applyOnce(id, { cpus: null });
    expect(removed.after.cpus).toBeNull();
    expect(removed.warnings).toEqual([expect.stringMatching(/cannot clear it live/)]);
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('-1');

    const undone = await f.service.undo(id);
    expect(undone.after.cpus).toBe(0.25);
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('25000');
    // Docker keeps CpuQuota -1, which wins over NanoCpus at start: Berth says so instead of pretending.
    expect(undone.warnings).toEqual([expect.stringMatching(/will start unlimited after a restart/)]);
    await f.docker.getContainer(id).restart({ t: 0 });
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('-1');
    expect((await f.service.get(id)).limits.cpus).toBeNull();
  });

  it('cpu shares: set, back to the default, undo', async () => {
    const id = await idle('shares');
    await applyOnce(id, { cpuShares: 512 });
    expect(await config(id)).toMatchObject({ CpuShares: 512 });
    expect(await file(id, 'cpu', 'cpu.shares')).toBe('512');
    expect((await applyOnce(id, { cpuShares: null })).after.cpuShares).toBeNull();
    expect(await file(id, 'cpu', 'cpu.shares')).toBe('1024');
    expect((await f.service.undo(id)).after.cpuShares).toBe(512);
    expect(await file(id, 'cpu', 'cpu.shares')).toBe('512');
  });

  it('cpuset: restrict to one core, back to all cores, undo', async () => {
    expect(f.caps.engineCpus, 'these cpuset checks need an engine with 2 cores or more').toBeGreaterThanOrEqual(2);
    const id = await idle('cpuset');
    const all = `0-${f.caps.engineCpus - 1}`;
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe(all);
    await applyOnce(id, { cpusetCpus: '1' });
    expect(await config(id)).toMatchObject({ CpusetCpus: '1' });
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe('1');
    expect((await applyOnce(id, { cpusetCpus: null })).after.cpusetCpus).toBeNull();
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe(all);
    expect((await f.service.undo(id)).after.cpusetCpus).toBe('1');
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe('1');
  });

  it('memory: set, remove live (the kernel maximum), undo', async () => {
    const id = await idle('memory');
    await applyOnce(id, { memoryBytes: 64 * MiB });
    expect(await config(id)).toMatchObject({ Memory: 64 * MiB });
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(String(64 * MiB));
    const removed = await applyOnce(id, { memoryBytes: null });
    expect(removed.after.memoryBytes).toBeNull();
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(KERNEL_UNLIMITED);
    expect((await f.service.undo(id)).after.memoryBytes).toBe(64 * MiB);
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(String(64 * MiB));
  });

  it('memory reservation: set, remove, undo', async () => {
    const id = await idle('reservation', { Memory: 128 * MiB, MemorySwap: 256 * MiB });
    await applyOnce(id, { memoryReservationBytes: 32 * MiB });
    expect(await config(id)).toMatchObject({ MemoryReservation: 32 * MiB });
    expect(await file(id, 'memory', 'memory.soft_limit_in_bytes')).toBe(String(32 * MiB));
    expect((await applyOnce(id, { memoryReservationBytes: null })).after.memoryReservationBytes).toBeNull();
    expect(await file(id, 'memory', 'memory.soft_limit_in_bytes')).toBe(KERNEL_UNLIMITED);
    expect((await f.service.undo(id)).after.memoryReservationBytes).toBe(32 * MiB);
    expect(await file(id, 'memory', 'memory.soft_limit_in_bytes')).toBe(String(32 * MiB));
  });

  it('memory+swap: set, unlimited swap, no swap, undo (or reported fixed without swap accounting)', async () => {
    const id = await idle('swap');
    if (!f.caps.swapLimitSupported) {
      expect(f.caps.fixed.map((entry) => entry.field)).toContain('memorySwapBytes');
      const error = await refusal(f.service.apply(id, { memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB }, false));
      expect(error.code).toBe('INVALID_LIMITS');
      return;
    }
    await applyOnce(id, { memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB });
    expect(await config(id)).toMatchObject({ Memory: 64 * MiB, MemorySwap: 128 * MiB });
    expect(await file(id, 'memory', 'memory.memsw.limit_in_bytes')).toBe(String(128 * MiB));
    // MemorySwap -1 would only be stored, never applied live: the kernel must show unlimited.
    expect((await applyOnce(id, { memorySwapBytes: null })).after).toMatchObject({
      memoryBytes: 64 * MiB,
      memorySwapBytes: null,
    });
    expect(await file(id, 'memory', 'memory.memsw.limit_in_bytes')).toBe(KERNEL_UNLIMITED);
    await applyOnce(id, { memorySwapBytes: 64 * MiB });
    expect(await file(id, 'memory', 'memory.memsw.limit_in_bytes')).toBe(String(64 * MiB));
    expect((await f.service.undo(id)).after.memorySwapBytes).toBeNull();
    expect((await f.service.undo(id)).after.memorySwapBytes).toBe(128 * MiB);
    expect(await file(id, 'memory', 'memory.memsw.limit_in_bytes')).toBe(String(128 * MiB));
  });

  it('pids: set, remove, undo', async () => {
    const id = await idle('pids');
    await applyOnce(id, { pidsLimit: 50 });
    expect(await config(id)).toMatchObject({ PidsLimit: 50 });
    expect(await file(id, 'pids', 'pids.max')).toBe('50');
    expect((await applyOnce(id, { pidsLimit: null })).after.pidsLimit).toBeNull();
    expect(await file(id, 'pids', 'pids.max')).toBe('max');
    expect((await f.service.undo(id)).after.pidsLimit).toBe(50);
    expect(await file(id, 'pids', 'pids.max')).toBe('50');
  });

  it('restart policy: on-failure with retries, no, undo; fixed for a --rm container', async () => {
    const id = await idle('restart');
    await applyOnce(id, { restartPolicy: { name: 'on-failure', maximumRetryCount: 3 } });
    expect(await config(id)).toMatchObject({ RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 } });
    await applyOnce(id, { restartPolicy: { name: 'no', maximumRetryCount: 0 } });
    expect(await config(id)).toMatchObject({ RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } });
    expect((await f.service.undo(id)).after.restartPolicy).toEqual({ name: 'on-failure', maximumRetryCount: 3 });

    const rm = await idle('restart-rm', { AutoRemove: true });
    expect((await f.service.get(rm)).capabilities.fixed).toEqual([
      { field: 'restartPolicy', reason: expect.stringMatching(/--rm/) },
    ]);
    const calls = f.updates.length;
    expect(
      (await refusal(f.service.apply(rm, { restartPolicy: { name: 'always', maximumRetryCount: 0 } }, false))).code,
    ).toBe('INVALID_LIMITS');
    expect(f.updates.length).toBe(calls);
  });
});
