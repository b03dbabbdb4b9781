// LimitsService against the harness engine when things go wrong or come in bulk: invalid sets never reach the
// engine, a set the engine refuses changes nothing (not even in the kernel), stopped containers get limits for
// their next start, and bulk applies report per container.
import { describe, expect, it } from 'vitest';
import { KERNEL_UNLIMITED, limitsSuite, MiB, pause, refusal, runContainer } from './limits-fixture';

const { f, idle, file, config, applyOnce } = limitsSuite();

describe('LimitsService on a real engine, refusals and bulk', () => {
  it('refuses an invalid set before any engine call, leaving the container as it was', async () => {
    const id = await idle('invalid', { Memory: 64 * MiB, MemorySwap: 128 * MiB });
    const before = await config(id);
    const calls = f.updates.length;
    for (const change of [
      { memoryBytes: 4 * MiB },
      { memoryReservationBytes: 100 * MiB },
      { cpus: f.caps.engineCpus + 1 },
      { cpusetCpus: `${f.caps.engineCpus}` },
      { memoryBytes: 256 * MiB },
      { pidsLimit: 0 },
    ]) {
      const error = await refusal(f.service.apply(id, change, false));
      expect(error.code, JSON.stringify(change)).toBe('INVALID_LIMITS');
    }
    expect(f.updates.length).toBe(calls);
    expect(await config(id)).toEqual(before);
  });

  it('a set the engine refuses changes nothing: the kernel cannot fit memory below what the container holds', async () => {
    // 40 MiB in /dev/shm (tmpfs, charged to the container) cannot be reclaimed without swap.
    expect(f.caps.engineCpus, 'this check restricts the cpuset to core 1').toBeGreaterThanOrEqual(2);
    const id = await runContainer(f.docker, 'refused', 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=40; sleep 3600');
    for (let i = 0; i < 40 && Number(await file(id, 'memory', 'memory.usage_in_bytes')) < 40 * MiB; i += 1)
      await pause(100);
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
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe(`0-${f.caps.engineCpus - 1}`);
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(KERNEL_UNLIMITED);
    expect((await f.service.get(id)).canUndo).toBe(false);
    expect(f.problems.slice(logged)).toEqual([
      expect.stringMatching(/refused to update/),
      expect.stringMatching(/put back the CPU set/),
    ]);
  });

  it('applies to a stopped container for its next start', async () => {
    const id = await idle('stopped');
    await f.docker.getContainer(id).stop({ t: 0 });
    const result = await applyOnce(id, { cpus: 0.5, memoryBytes: 32 * MiB });
    expect(result.after).toMatchObject({ cpus: 0.5, memoryBytes: 32 * MiB });
    expect(result.warnings).toContain(
      'The container is not running: the engine keeps these limits and applies them when it starts.',
    );
    await f.docker.getContainer(id).start();
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('50000');
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(String(32 * MiB));
  });

  it('bulk: each container validated and applied alone, results per container with names', async () => {
    const a = await idle('bulk-a');
    const b = await idle('bulk-b', { AutoRemove: true });
    const c = await idle('bulk-c');
    const logged = f.problems.length;
    const results = await f.service.applyBulk(
      [a, b, 'berth-no-such-container', c],
      { pidsLimit: 64, restartPolicy: { name: 'unless-stopped', maximumRetryCount: 0 } },
      false,
    );
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
