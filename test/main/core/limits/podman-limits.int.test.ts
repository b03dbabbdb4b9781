// Limits and stats against a real Podman service (Debian's Podman 4.3, test/harness/private-podman.ts): its
// Docker-compatible API has no update route, so limits go through libpod's update and are read back from the
// kernel's cgroup files (Podman's inspect keeps the created values); what Podman cannot change live is reported
// fixed with its reason and refused before any engine call; stats arrive by both collectors; a removed
// container ends its series and gives the usual clear error.
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../../main/core/connection/engine-errors';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { F, type StatsTick } from '../../../../main/shared/stats-types';
import { StatsService, type StatsCollectorChoice } from '../../../../main/core/stats/stats-service';
import { HubRecorder } from '../hub-recorder';
import { cgroupFile, KERNEL_UNLIMITED, MiB, refusal } from './limits-fixture';
import { podmanSuite, runOnPodman } from './podman-fixture';

const f = podmanSuite();
const idle = (name: string, limits = {}) => runOnPodman(f, name, 'sleep 3600', limits);
const file = (id: string, controller: string, name: string) => cgroupFile(f.docker, id, controller, name);
const hostConfig = async (id: string) =>
  (await f.docker.getContainer(id).inspect()).HostConfig as unknown as Record<string, unknown>;

/** Applies a change and checks it took exactly one update call, by libpod's route. */
async function applyOnce(id: string, change: Parameters<typeof f.service.apply>[1], ack = false) {
  const before = f.updates.length;
  const result = await f.service.apply(id, change, ack);
  expect(f.updates.slice(before).map((update) => update.path)).toEqual([`/v4.3.0/libpod/containers/${id}/update`]);
  return result;
}

describe('limits on Podman 4.3', () => {
  it('connects as Podman and reports what it cannot change live, before the user tries', async () => {
    expect(f.connection.status).toMatchObject({ state: 'connected', info: { product: 'podman' } });
    const id = await idle('caps');
    const view = await f.service.get(id);
    expect(view.running).toBe(true);
    expect(view.capabilities.fixed).toEqual([
      { field: 'restartPolicy', reason: expect.stringMatching(/cannot change a container's restart policy/) },
    ]);
    expect(view.capabilities.notice).toMatch(/until the container restarts/);
  });

  it('applies memory and CPU limits live through libpod, and the kernel shows them', async () => {
    const id = await idle('cpu-memory');
    const result = await applyOnce(id, { cpus: 0.5, memoryBytes: 64 * MiB });
    expect(f.updates.at(-1)?.body).toMatchObject({
      cpu: { quota: 50_000, period: 100_000 },
      memory: { limit: 64 * MiB },
    });
    expect(result.after).toMatchObject({ cpus: 0.5, memoryBytes: 64 * MiB });
    expect(await file(id, 'cpu', 'cpu.cfs_quota_us')).toBe('50000');
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(String(64 * MiB));
    // Podman's inspect keeps the created values: Berth read the kernel, and says what a restart brings back.
    expect(await hostConfig(id)).toMatchObject({ Memory: 0, CpuQuota: 0 });
    expect(result.warnings.join(' ')).toMatch(/when the container restarts/);
    expect((await f.service.get(id)).limits).toMatchObject({ cpus: 0.5, memoryBytes: 64 * MiB });
  });

  it('shares, cpuset, reservation, swap and pids: set, then lifted again, all read back from the kernel', async () => {
    const id = await idle('others', { Memory: 256 * MiB, MemorySwap: 512 * MiB });
    const set = await applyOnce(id, {
      cpuShares: 512,
      cpusetCpus: '1',
      memoryReservationBytes: 32 * MiB,
      memorySwapBytes: 384 * MiB,
      pidsLimit: 50,
    });
    expect(set.after).toMatchObject({
      cpuShares: 512,
      cpusetCpus: '1',
      memoryReservationBytes: 32 * MiB,
      memorySwapBytes: 384 * MiB,
      pidsLimit: 50,
    });
    expect(await file(id, 'cpu', 'cpu.shares')).toBe('512');
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe('1');
    expect(await file(id, 'memory', 'memory.soft_limit_in_bytes')).toBe(String(32 * MiB));
    expect(await file(id, 'memory', 'memory.memsw.limit_in_bytes')).toBe(String(384 * MiB));
    expect(await file(id, 'pids', 'pids.max')).toBe('50');

    const lifted = await applyOnce(id, {
      cpuShares: null,
      cpusetCpus: null,
      memoryReservationBytes: null,
      memoryBytes: null,
      memorySwapBytes: null,
      pidsLimit: null,
    });
    expect(lifted.after).toMatchObject({
      cpuShares: null,
      cpusetCpus: null,
      memoryReservationBytes: null,
      memoryBytes: null,
      memorySwapBytes: null,
      pidsLimit: null,
    });
    expect(await file(id, 'cpu', 'cpu.shares')).toBe('1024');
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(KERNEL_UNLIMITED);
    expect(await file(id, 'pids', 'pids.max')).toBe('max');

    const undone = await f.service.undo(id);
    expect(undone.after).toMatchObject({ cpuShares: 512, pidsLimit: 50, memoryBytes: 256 * MiB });
    expect(await file(id, 'pids', 'pids.max')).toBe('50');
  });

  it('after a restart Podman brings back the created limits, and Berth shows those', async () => {
    const id = await idle('restart', { Memory: 128 * MiB });
    await applyOnce(id, { memoryBytes: 64 * MiB });
    await f.docker.getContainer(id).restart({ t: 0 });
    expect(await file(id, 'memory', 'memory.limit_in_bytes')).toBe(String(128 * MiB));
    expect((await f.service.get(id)).limits.memoryBytes).toBe(128 * MiB);
  });

  it('refuses a restart policy change without any engine call, with the reason it showed', async () => {
    const id = await idle('restart-policy');
    const before = f.updates.length;
    const error = await refusal(
      f.service.apply(id, { restartPolicy: { name: 'always', maximumRetryCount: 0 } }, false),
    );
    expect(error.code).toBe('INVALID_LIMITS');
    expect(error.message).toMatch(/restart policy cannot change here: Podman cannot change/);
    expect(f.updates.length).toBe(before);
  });

  it('a stopped container: every limit reported fixed (Podman changes only running ones) and refused without an engine call', async () => {
    const id = await idle('stopped');
    await f.docker.getContainer(id).stop({ t: 0 });
    const view = await f.service.get(id);
    expect(view.capabilities.fixed.map((entry) => entry.field).sort()).toEqual([
      'cpuShares',
      'cpus',
      'cpusetCpus',
      'memoryBytes',
      'memoryReservationBytes',
      'memorySwapBytes',
      'pidsLimit',
      'restartPolicy',
    ]);
    expect(view.capabilities.notice).toMatch(/only while the container runs/);
    const before = f.updates.length;
    const error = await refusal(f.service.apply(id, { memoryBytes: 64 * MiB }, false));
    expect(error.code).toBe('INVALID_LIMITS');
    expect(error.message).toMatch(/start the container first/);
    expect(f.updates.length).toBe(before);
  });

  it('a refused update is explained and what runc had already written is put back', async () => {
    // 40 MiB in the container's /dev/shm (a tmpfs charged to its memory cgroup): 10 MiB cannot fit.
    const id = await runOnPodman(f, 'refused', 'head -c 40m /dev/zero > /dev/shm/fill; sleep 3600');
    await expect
      .poll(async () => Number(await file(id, 'memory', 'memory.usage_in_bytes')), { timeout: 10_000 })
      .toBeGreaterThan(40 * MiB);
    const error = await refusal(f.service.apply(id, { cpusetCpus: '1', memoryBytes: 10 * MiB }, true));
    expect(error.message).toMatch(/Podman does not pass on why its runtime refused/);
    expect(error.message).toMatch(/put it back|Nothing was changed/);
    expect(await file(id, 'cpuset', 'cpuset.cpus')).toBe(`0-${(await f.service.get(id)).capabilities.engineCpus - 1}`);
  });
});

describe('stats on Podman', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const ticks = (recorder: HubRecorder) =>
    recorder.seen.filter((r) => r.event === 'stats:tick').map((r) => r.payload as StatsTick);

  function watcher(collector: StatsCollectorChoice) {
    const hub = new EventHub();
    return {
      service: new StatsService({ connection: f.connection, hub, log: silentLogger, collector }),
      recorder: new HubRecorder(hub),
    };
  }

  it.each(['cgroup', 'api'] as const)(
    'samples arrive from the %s collector, with the memory limit the container was created with',
    async (collector) => {
      const { service, recorder } = watcher(collector);
      try {
        const id = await idle(`stats-${collector}`, { Memory: 128 * MiB });
        const reply = await service.watch('test', { all: false, ids: [id] });
        expect(reply.collector).toBe(collector);
        const sample = await recorder.next(
          'stats:tick',
          (t) => t.samples.some((s) => s.id === id && s.v[F.memBytes] !== null && s.v[F.cpuPercent] !== null),
          15_000,
          `a full sample (${collector})`,
        );
        const values = sample.payload.samples.find((s) => s.id === id)!.v;
        expect(values[F.memBytes]).toBeGreaterThan(0);
        expect(values[F.memLimitBytes]).toBe(128 * MiB);
      } finally {
        await service.dispose();
        recorder.dispose();
      }
    },
  );

  it('removing a charted container ends its series and a limits change then says it is gone', async () => {
    const { service, recorder } = watcher('auto');
    try {
      const id = await idle('removed');
      await service.watch('test', { all: false, ids: [id] });
      await recorder.next('stats:tick', (t) => t.samples.some((s) => s.id === id), 15_000, 'a sample of the container');
      const ended = recorder.next(
        'stats:tick',
        (t) => t.ended.some((e) => e.id === id),
        15_000,
        'the end of its series',
      );
      await f.docker.getContainer(id).remove({ force: true });
      expect((await ended).payload.ended.find((e) => e.id === id)?.reason).toMatch(/stopped|exited|removed/);
      const before = f.updates.length;
      // The router turns the engine's 404 into NOT_FOUND, which the Limits panel words "may have been removed".
      const error = toErrorInfo(
        await f.service.apply(id, { memoryBytes: 64 * MiB }, false).then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(error).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringMatching(/no such container|no container with name or ID/),
      });
      expect(f.updates.length).toBe(before);
      await pause(200);
      expect(ticks(recorder).filter((t) => t.ended.some((e) => e.id === id))).toHaveLength(1);
    } finally {
      await service.dispose();
      recorder.dispose();
    }
  });
});
