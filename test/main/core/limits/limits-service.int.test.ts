// LimitsService against the harness engine (Docker 20.10, cgroup v1): for every limit kind, applying it shows
// in inspect AND in the kernel's cgroup file, null really removes it, undo restores the previous set; invalid
// sets never reach the engine; a set the engine refuses changes nothing; bulk reports per container.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerLimitsView } from '../../../../main/shared/limits-types';
import { BerthError } from '../../../../main/shared/errors';
import { removeTestContainers } from '../../../harness/containers';
import { cgroupFile, createFixture, hostConfigOf, KERNEL_UNLIMITED, MiB, pause, runContainer, type LimitsFixture } from './limits-fixture';

let f: LimitsFixture;
let caps: ContainerLimitsView['capabilities'];

beforeAll(async () => {
  f = await createFixture();
  const probe = await runContainer(f.docker, 'probe', 'sleep 3600');
  caps = (await f.service.get(probe)).capabilities;
});

afterAll(async () => {
  f?.service.dispose();
  await f?.connection.stop();
  if (f?.docker) await removeTestContainers(f.docker);
});

const idle = (name: string, hostConfig = {}) => runContainer(f.docker, name, 'sleep 3600', hostConfig);
const file = (id: string, controller: string, name: string) => cgroupFile(f.docker, id, controller, name);
const config = (id: string) => hostConfigOf(f.docker, id);

/** Runs an apply and checks it made exactly one engine update call. */
async function applyOnce(id: string, change: Parameters<LimitsFixture['service']['apply']>[1], ack = false) {
  const before = f.updates.length;
  const result = await f.service.apply(id, change, ack);
  expect(f.updates.length - before).toBe(1);
  return result;
}

async function refusal(promise: Promise<unknown>): Promise<BerthError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BerthError);
  return error as BerthError;
}

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
    expect(caps.engineCpus, 'these cpuset checks need an engine with 2 cores or more').toBeGreaterThanOrEqual(2);
    const id = await idle('cpuset');
    const all = `0-${caps.engineCpus - 1}`;
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
    if (!caps.swapLimitSupported) {
      expect(caps.fixed.map((entry) => entry.field)).toContain('memorySwapBytes');
      const error = await refusal(f.service.apply(id, { memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB }, false));
      expect(error.code).toBe('INVALID_LIMITS');
      return;
    }
    await applyOnce(id, { memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB });
    expect(await config(id)).toMatchObject({ Memory: 64 * MiB, MemorySwap: 128 * MiB });
    expect(await file(id, 'memory', 'memory.memsw.limit_in_bytes')).toBe(String(128 * MiB));
    // MemorySwap -1 would only be stored, never applied live: the kernel must show unlimited.
    expect((await applyOnce(id, { memorySwapBytes: null })).after).toMatchObject({ memoryBytes: 64 * MiB, memorySwapBytes: null });
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
    expect((await f.service.get(rm)).capabilities.fixed).toEqual([{ field: 'restartPolicy', reason: expect.stringMatching(/--rm/) }]);
    const calls = f.updates.length;
    expect((await refusal(f.service.apply(rm, { restartPolicy: { name: 'always', maximumRetryCount: 0 } }, false))).code).toBe('INVALID_LIMITS');
    expect(f.updates.length).toBe(calls);
  });

  it('refuses an invalid set before any engine call, leaving the container as it was', async () => {
    const id = await idle('invalid', { Memory: 64 * MiB, MemorySwap: 128 * MiB });
    const before = await config(id);
    const calls = f.updates.length;
    for (const change of [{ memoryBytes: 4 * MiB }, { memoryReservationBytes: 100 * MiB }, { cpus: caps.engineCpus + 1 }, { cpusetCpus: `${caps.engineCpus}` }, { memoryBytes: 256 * MiB }, { pidsLimit: 0 }]) {
      const error = await refusal(f.service.apply(id, change, false));
      expect(error.code, JSON.stringify(change)).toBe('INVALID_LIMITS');
    }
    expect(f.updates.length).toBe(calls);
    expect(await config(id)).toEqual(before);
  });

  it('a set the engine refuses changes nothing: the kernel cannot fit memory below what the container holds', async () => {
    // 40 MiB in /dev/shm (tmpfs, charged to the container) cannot be reclaimed without swap.
    expect(caps.engineCpus, 'this check restricts the cpuset to core 1').toBeGreaterThanOrEqual(2);
    const id = await runContainer(f.docker, 'refused', 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=40; sleep 3600');
    for (let i = 0; i < 40 && Number(await file(id, 'memory', 'memory.usage_in_bytes')) < 40 * MiB; i += 1) await pause(100);
    const before = await config(id);
    const logged = f.problems.length;
    const change = { cpusetCpus: '1', memoryBytes: 10 * MiB, memorySwapBytes: 10 * MiB };
    const calls = f.updates.length;
    const unconfirmed = await refusal(f.service.apply(id, change, false));
    expect(unconfirmed.code).toBe('NEEDS_CONFIRMATION');
    expect(unconfirmed.message).toMatch(/^Memory limit 10 MiB is below the current usage of .*, 4\d(\.\d+)? MiB/);
    expect(f.updates.length).toBe(calls);

    const error = await refusal(f.service.apply(id, change, true));
    expect(error.code).toBe('ENGINE_ERROR');
    expect(error.message).toMatch(/unable to set memory limit to 10485760/);
    expect(error.message).toMatch(/choose a limit above what the container uses now/);
    // runc had already written the new cpuset before the memory write failed; Berth put it back.
    expect(error.message).toMatch(/already changed the CPU set before refusing; Berth put it back/);
    const after = await config(id);
    expect({ ...after, CpusetCpus: '' }).toEqual({ ...before, CpusetCpus: '' });
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe(`0-${caps.engineCpus - 1}`);
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(KERNEL_UNLIMITED);
    expect((await f.service.get(id)).canUndo).toBe(false);
    expect(f.problems.slice(logged)).toEqual([expect.stringMatching(/refused to update/), expect.stringMatching(/put back the CPU set/)]);
  });

  it('applies to a stopped container for its next start', async () => {
    const id = await idle('stopped');
    await f.docker.getContainer(id).stop({ t: 0 });
    const result = await applyOnce(id, { cpus: 0.5, memoryBytes: 32 * MiB });
    expect(result.after).toMatchObject({ cpus: 0.5, memoryBytes: 32 * MiB });
    expect(result.warnings).toContain('The container is not running: the engine keeps these limits and applies them when it starts.');
    await f.docker.getContainer(id).start();
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('50000');
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(String(32 * MiB));
  });

  it('bulk: each container validated and applied alone, results per container with names', async () => {
    const a = await idle('bulk-a');
    const b = await idle('bulk-b', { AutoRemove: true });
    const c = await idle('bulk-c');
    const logged = f.problems.length;
    const results = await f.service.applyBulk([a, b, 'berth-no-such-container', c], { pidsLimit: 64, restartPolicy: { name: 'unless-stopped', maximumRetryCount: 0 } }, false);
    expect(results.map((r) => [r.ok, r.ok ? null : r.error.code])).toEqual([
      [true, null],
      [false, 'INVALID_LIMITS'],
      [false, 'NOT_FOUND'],
      [true, null],
    ]);
    expect(results[0].name).toMatch(/^berth-limits-bulk-a-/);
    expect(results[1]).toMatchObject({ id: b, name: expect.stringMatching(/^berth-limits-bulk-b-/) });
    for (const id of [a, c]) expect(await file(id, 'pids', 'pids.max')).toBe('64');
    expect(await file(b, 'pids', 'pids.max')).toBe('max');
    expect(f.problems.slice(logged)).toEqual([]);
  });
});
