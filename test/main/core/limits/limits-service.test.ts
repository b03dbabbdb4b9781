// LimitsService against a scripted engine: validation and confirmation before any engine call, ONE update per
// apply, undo, bulk results per container, refusals, the engine product deciding the CPU encoding, suggestions.
import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../main/core/connection/engine-connection';
import { silentLogger } from '../../../../main/core/logger';
import { LimitsService } from '../../../../main/core/limits/limits-service';
import type { EngineStatus } from '../../../../main/shared/engine-types';
import { BerthError } from '../../../../main/shared/errors';
import type { StatsHistory } from '../../../../main/shared/stats-types';
import { FakeEngine } from './fake-limits-engine';
import { statsHistory } from './stats-history';

const MiB = 1024 ** 2;

let engine: FakeEngine;
let histories: Map<string, StatsHistory>;
let service: LimitsService;
/** Containers whose stats limits the service asked to refresh. */
let refreshed: Array<{ id: string; enforced: unknown }>;

async function failure(promise: Promise<unknown>): Promise<BerthError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BerthError);
  return error as BerthError;
}

beforeEach(() => {
  engine = new FakeEngine();
  histories = new Map();
  refreshed = [];
  const stats = {
    history: (ref: string) => {
      const found = histories.get(ref);
      if (!found) throw new BerthError('NOT_FOUND', `no stats history for ${ref}`);
      return found;
    },
    refreshLimits: async (id: string, enforced?: unknown) => {
      refreshed.push({ id, enforced });
    },
  };
  service = new LimitsService({ connection: engine.asConnection, stats, log: silentLogger });
});

describe('LimitsService', () => {
  it('shows the limits, capabilities and whether undo is possible', async () => {
    const id = engine.add('web', { NanoCpus: 1.5e9, Memory: 64 * MiB, MemorySwap: 128 * MiB, AutoRemove: true });
    const view = await service.get('web');
    expect(view).toMatchObject({
      id,
      name: 'web',
      running: true,
      canUndo: false,
      limits: { cpus: 1.5, memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB },
    });
    expect(view.capabilities).toMatchObject({
      engineCpus: 2,
      cores: [0, 1],
      engineMemoryBytes: 8192 * MiB,
      swapLimitSupported: true,
    });
    expect(view.capabilities.fixed).toEqual([{ field: 'restartPolicy', reason: expect.stringMatching(/--rm/) }]);
  });

  it('refuses an invalid resulting set before any engine call', async () => {
    engine.add('web', { Memory: 64 * MiB, MemorySwap: 128 * MiB });
    const error = await failure(service.apply('web', { memoryReservationBytes: 100 * MiB }, false));
    expect(error.code).toBe('INVALID_LIMITS');
    expect(error.message).toMatch(/reservation 100 MiB is above the memory limit 64 MiB/);
    expect(engine.updates).toEqual([]);
  });

  it('asks for confirmation before lowering memory below current use (stats sample), then applies with it', async () => {
    const id = engine.add('web');
    histories.set(id, statsHistory(id, [1], [100 * MiB]));
    const error = await failure(service.apply('web', { memoryBytes: 64 * MiB }, false));
    expect(error.code).toBe('NEEDS_CONFIRMATION');
    expect(error.message).toMatch(
      /^Memory limit 64 MiB is below the current usage of web, 100 MiB: the kernel may reclaim .* OOM-kill/,
    );
    expect(engine.updates).toEqual([]);
    const result = await service.apply('web', { memoryBytes: 64 * MiB }, true);
    expect(engine.updates).toHaveLength(1);
    expect(result.warnings).toEqual([expect.stringMatching(/below the current usage/)]);
  });

  it('without stats history, takes the usage from one engine stats read', async () => {
    engine.add('web');
    engine.memoryUsage = 80 * MiB;
    expect((await failure(service.apply('web', { memoryBytes: 64 * MiB }, false))).code).toBe('NEEDS_CONFIRMATION');
    // Raising is never a risk, whatever the usage.
    await service.apply('web', { memoryBytes: 128 * MiB }, false);
    expect(engine.updates).toHaveLength(1);
  });

  it('applies every changed field in ONE update, reads back, and undoes step by step', async () => {
    const id = engine.add('web');
    const result = await service.apply(
      'web',
      { cpus: 0.5, pidsLimit: 50, restartPolicy: { name: 'on-failure', maximumRetryCount: 2 } },
      false,
    );
    expect(engine.updates).toEqual([
      {
        id,
        payload: {
          CpuQuota: 50_000,
          CpuPeriod: 100_000,
          PidsLimit: 50,
          RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
        },
      },
    ]);
    expect(result.before.cpus).toBeNull();
    expect(result.after).toMatchObject({
      cpus: 0.5,
      pidsLimit: 50,
      restartPolicy: { name: 'on-failure', maximumRetryCount: 2 },
    });
    // The stats rows' limits are refreshed before the reply, with what the engine enforces now: the core sends
    // them to the charts itself, so none sees the old limit again.
    expect(refreshed).toEqual([{ id, enforced: result.after }]);
    await service.apply('web', { cpus: 1 }, false);
    expect((await service.get('web')).canUndo).toBe(true);

    expect((await service.undo('web')).after).toMatchObject({ cpus: 0.5, pidsLimit: 50 });
    const first = await service.undo(id);
    expect(first.after).toMatchObject({
      cpus: null,
      pidsLimit: null,
      restartPolicy: { name: 'no', maximumRetryCount: 0 },
    });
    expect(engine.updates.at(-1)?.payload).toEqual({
      CpuQuota: -1,
      PidsLimit: -1,
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    });
    expect((await service.get('web')).canUndo).toBe(false);
    expect((await failure(service.undo('web'))).code).toBe('CONFLICT');
  });

  it('sends nothing when the change changes nothing, and records no undo step', async () => {
    engine.add('web', { NanoCpus: 1e9 });
    const result = await service.apply('web', { cpus: 1, cpusetCpus: '0-1' }, false);
    expect(result.warnings).toEqual(['Nothing to change: the container already has these limits.']);
    expect(engine.updates).toEqual([]);
    expect((await service.get('web')).canUndo).toBe(false);
  });

  it('reports an engine refusal with its message and what to do, and records no undo step', async () => {
    engine.add('web');
    engine.refuseWith = Object.assign(new Error('HTTP 500'), {
      statusCode: 500,
      json: {
        message:
          'Cannot update container: runc did not terminate successfully: unable to set memory limit to 10485760 (current usage: 42369024)',
      },
    });
    const error = await failure(service.apply('web', { memoryBytes: 10 * MiB }, true));
    expect(error.code).toBe('ENGINE_ERROR');
    expect(error.message).toMatch(
      /unable to set memory limit to 10485760 .* choose a limit above what the container uses now/,
    );
    expect(error.message).toMatch(/configuration of the container is unchanged\.$/);
    expect((await service.get('web')).canUndo).toBe(false);
  });

  it("uses CpuQuota/CpuPeriod on podman, even for a container created with --cpus, through libpod's update route", async () => {
    engine.connection.status = {
      ...engine.connection.status,
      info: { product: 'podman', version: '4.3.1' },
    } as EngineStatus;
    const id = engine.add('web', { NanoCpus: 1e9 });
    const result = await service.apply('web', { cpus: 0.5 }, false);
    expect(engine.updates).toEqual([]);
    expect(engine.libpodUpdates).toEqual([
      { path: `/v4.3.0/libpod/containers/${id}/update`, body: { cpu: { quota: 50_000, period: 100_000 } } },
    ]);
    // A remote Podman: its inspect still says 1 CPU and no kernel file is readable, so Berth says what it knows.
    expect(result.after.cpus).toBe(0.5);
    expect(result.warnings).toEqual([expect.stringMatching(/these are the limits Podman accepted, not read back/)]);
  });

  it('bulk: validates and applies each container alone, reporting each by name', async () => {
    const a = engine.add('a');
    const b = engine.add('b', { Memory: 64 * MiB, MemorySwap: 128 * MiB });
    const results = await service.applyBulk(['a', 'missing', 'b'], { memoryBytes: 256 * MiB }, false);
    expect(results).toEqual([
      {
        id: a,
        name: 'a',
        ok: true,
        result: expect.objectContaining({ after: expect.objectContaining({ memoryBytes: 256 * MiB }) }),
      },
      {
        id: 'missing',
        name: 'missing',
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringMatching(/No such container: missing/) },
      },
      // b's memory+swap limit of 128 MiB stays and is now below its memory.
      {
        id: b,
        name: 'b',
        ok: false,
        error: {
          code: 'INVALID_LIMITS',
          message: expect.stringMatching(/memory\+swap limit 128 MiB is below the memory limit 256 MiB/),
        },
      },
    ]);
    expect(engine.updates.map((update) => update.id)).toEqual([a]);
  });

  it('forgets the undo history of a removed container', async () => {
    const id = engine.add('web');
    await service.apply('web', { pidsLimit: 10 }, false);
    engine.emit({ Type: 'container', Action: 'destroy', Actor: { ID: id, Attributes: {} }, time: 0 } as EngineEvent);
    expect((await service.get('web')).canUndo).toBe(false);
  });

  it('suggests from stats history, and says when there is too little', async () => {
    const id = engine.add('web');
    histories.set(
      id,
      statsHistory(
        id,
        Array.from({ length: 40 }, () => 50),
        Array.from({ length: 40 }, () => 100 * MiB),
      ),
    );
    const suggestion = await service.suggest('web');
    expect(suggestion).toMatchObject({
      id,
      suggested: { cpus: 0.65, memoryBytes: 130 * MiB },
      basis: { samples: 40, headroomPercent: 30 },
    });
    histories.set(id, statsHistory(id, [50], [MiB]));
    const error = await failure(service.suggest('web'));
    expect(error.code).toBe('NOT_ENOUGH_DATA');
    expect(error.message).toMatch(/has 1 stats sample .* at least 30 .* Keep web's stats open/);
  });
});
