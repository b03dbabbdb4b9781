// StatsService against a fake engine connection and a fake cgroup v1 tree: watch sets and reference counting,
// one tick event for everything, series that end and restart, pausing while the engine is away.
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineConnection, EngineEvent } from '../../../../main/core/connection/engine-connection';
import { toErrorInfo } from '../../../../main/core/connection/engine-errors';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { F, type StatsTick } from '../../../../main/shared/stats-types';
import { StatsService } from '../../../../main/core/stats/stats-service';
import type { EngineInfo, EngineStatus } from '../../../../main/shared/engine-types';
import { HubRecorder } from '../hub-recorder';
import { createFixture, v1Container, type CgroupFixture, type V1Counters } from './cgroup/cgroup-fixture';

const MiB = 1024 ** 2;
const info = { cgroupVersion: '1', memoryBytes: 24 * 1024 * MiB } as EngineInfo;
const counters: V1Counters = {
  cpuNs: 1e9,
  periods: 0,
  throttled: 0,
  memUsage: 50 * MiB,
  inactiveFile: 2 * MiB,
  oomKills: 0,
  pids: 1,
  blkRead: 0,
  blkWrite: 0,
};

interface FakeContainer {
  Id: string;
  Name: string;
  State: { Running: boolean; Pid: number };
  HostConfig: Record<string, unknown>;
}

/** Just what StatsService uses of EngineConnection, with a scripted engine behind it. */
class FakeConnection {
  status: EngineStatus = {
    state: 'connected',
    endpoint: { host: 'unix:///fake.sock', source: 'DOCKER_HOST' },
    info,
    since: 0,
  };
  readonly containers = new Map<string, FakeContainer>();
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();
  private readonly connectedListeners = new Set<(info: EngineInfo) => void>();
  private readonly statusListeners = new Set<(status: EngineStatus) => void>();

  client() {
    const find = (ref: string) =>
      this.containers.get(ref) ??
      [...this.containers.values()].find((c) => c.Id.startsWith(ref) || c.Name === `/${ref}`);
    return {
      getContainer: (ref: string) => ({
        inspect: async () => {
          const found = find(ref);
          if (!found)
            throw Object.assign(new Error(`(HTTP code 404) no such container - No such container: ${ref}`), {
              statusCode: 404,
              json: { message: `No such container: ${ref}` },
            });
          return structuredClone(found);
        },
      }),
      listContainers: async () =>
        [...this.containers.values()].filter((c) => c.State.Running).map((c) => ({ Id: c.Id })),
    };
  }

  onEngineEvent(listener: (event: EngineEvent) => void) {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnected(listener: (info: EngineInfo) => void) {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  onStatus(listener: (status: EngineStatus) => void) {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  event(Action: string, id: string, Attributes: Record<string, string> = {}): void {
    for (const listener of this.eventListeners)
      listener({ Type: 'container', Action, Actor: { ID: id, Attributes }, time: 0 });
  }

  disconnect(): void {
    this.status = { state: 'unreachable', endpoint: null, reason: 'gone', since: 0, retryAt: null };
    for (const listener of this.statusListeners) listener(this.status);
  }

  reconnect(): void {
    this.status = {
      state: 'connected',
      endpoint: { host: 'unix:///fake.sock', source: 'DOCKER_HOST' },
      info,
      since: 0,
    };
    for (const listener of this.statusListeners) listener(this.status);
    for (const listener of this.connectedListeners) listener(info);
  }
}

let fixture: CgroupFixture;
let hub: EventHub;
let recorder: HubRecorder;
let connection: FakeConnection;
let service: StatsService;
let nextPid = 1000;

function addContainer(name: string, running = true): { id: string; write: (c: V1Counters) => void } {
  const id = `${name}`.padEnd(64, '0').replace(/[^a-f0-9]/g, 'f');
  const pid = nextPid++;
  const write = v1Container(fixture, id, pid, { memLimit: 128 * MiB });
  write(counters);
  connection.containers.set(id, {
    Id: id,
    Name: `/${name}`,
    State: { Running: running, Pid: running ? pid : 0 },
    HostConfig: {},
  });
  return { id, write };
}

function ticks(): StatsTick[] {
  return recorder.seen.filter((r) => r.event === 'stats:tick').map((r) => r.payload as StatsTick);
}

const nextTick = (match: (tick: StatsTick) => boolean, what: string) => recorder.next('stats:tick', match, 3000, what);
const fdCount = () => readdirSync('/proc/self/fd').length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  fixture = createFixture();
  hub = new EventHub();
  recorder = new HubRecorder(hub);
  connection = new FakeConnection();
  service = new StatsService({
    connection: connection as unknown as EngineConnection,
    hub,
    log: silentLogger,
    collector: 'cgroup',
    intervalMs: 50,
    historySeconds: 1,
    procRoot: fixture.procRoot,
    cgroupRoot: fixture.cgroupRoot,
  });
});

afterEach(async () => {
  await service.dispose();
  recorder.dispose();
  fixture.remove();
});

describe('StatsService', () => {
  it('resolves names and short ids, collects, and sends one tick for all watched containers', async () => {
    const web = addContainer('web');
    const db = addContainer('db');
    const result = await service.watch('client', { all: false, ids: ['web', db.id.slice(0, 12)] });
    expect(result).toEqual({
      collector: 'cgroup',
      intervalMs: 50,
      focusIntervalMs: 50,
      historySeconds: 1,
      watching: [web.id, db.id],
    });
    const tick = await nextTick((t) => t.samples.length === 2, 'both containers in one tick');
    const values = tick.payload.samples.find((s) => s.id === web.id)?.v;
    expect(values?.[F.memBytes]).toBe(48 * MiB);
    expect(values?.[F.memLimitBytes]).toBe(128 * MiB);
    expect(ticks().every((t) => t.samples.length <= 2)).toBe(true);
  });

  it('reads a focused container at focusIntervalMs in ticks of its own, others at intervalMs; unfocus ends it', async () => {
    await service.dispose();
    service = new StatsService({
      connection: connection as unknown as EngineConnection,
      hub,
      log: silentLogger,
      collector: 'cgroup',
      intervalMs: 400,
      focusIntervalMs: 50,
      procRoot: fixture.procRoot,
      cgroupRoot: fixture.cgroupRoot,
    });
    const web = addContainer('web');
    const db = addContainer('db');
    const result = await service.watch('client', { ids: ['web'], focus: ['db'] });
    expect(result.focusIntervalMs).toBe(50);
    expect(result.watching.sort()).toEqual([web.id, db.id].sort());
    const rowsOf = (id: string, from: number) =>
      ticks()
        .slice(from)
        .filter((t) => t.samples.some((s) => s.id === id)).length;
    await pause(1000);
    // About 20 and 2; far apart enough for a slow machine's late timers.
    expect(rowsOf(db.id, 0)).toBeGreaterThanOrEqual(8);
    expect(rowsOf(web.id, 0)).toBeLessThanOrEqual(3);
    // A focused container is never in the 1 Hz tick too: each tick carries one cadence.
    expect(ticks().every((t) => t.samples.length === 1)).toBe(true);
    await service.watch('client', { ids: ['web', 'db'] });
    const unfocused = ticks().length;
    await pause(1000);
    expect(rowsOf(db.id, unfocused)).toBeLessThanOrEqual(3);
    expect(rowsOf(db.id, unfocused)).toBeGreaterThanOrEqual(1);
  });

  it('leaves an unknown container out of a watch set instead of refusing the whole set', async () => {
    const web = addContainer('web');
    const result = await service.watch('client', { all: false, ids: ['web', 'nope'] });
    expect(result.watching).toEqual([web.id]);
    await nextTick((t) => t.samples.some((s) => s.id === web.id), 'still collected');
  });

  it('counts references: shared containers are collected once, and collection stops with the last watcher', async () => {
    const baseline = fdCount();
    const web = addContainer('web');
    await service.watch('one', { all: false, ids: [web.id] });
    const opened = fdCount() - baseline;
    expect(opened).toBe(8);
    await service.watch('two', { all: false, ids: [web.id] });
    expect(fdCount() - baseline).toBe(opened);
    service.releaseClient('one');
    await nextTick((t) => t.samples.some((s) => s.id === web.id), 'still collected for client two');
    service.releaseClient('two');
    expect(fdCount()).toBe(baseline);
    const count = ticks().length;
    await pause(200);
    // No tick without anything to collect: the timer stopped.
    expect(ticks().length).toBe(count);
    // The history stays a while for a client that comes back.
    expect(service.history('web').rows.length).toBeGreaterThan(0);
  });

  it('a stopped container ends its series once; a restart begins a new segment after a gap', async () => {
    const web = addContainer('web');
    await service.watch('client', { all: false, ids: [web.id] });
    await nextTick((t) => t.samples.length === 1, 'a first sample');
    const ended = nextTick((t) => t.ended.length > 0, 'the end of the series');
    connection.containers.get(web.id)!.State = { Running: false, Pid: 0 };
    connection.event('die', web.id, { exitCode: '137' });
    expect((await ended).payload.ended).toEqual([{ id: web.id, reason: 'the container exited with code 137' }]);
    // Still watched (by id), no longer collected.
    expect(service.history(web.id).rows.at(-1)?.v[F.memBytes]).toBeNull();
    connection.containers.get(web.id)!.State = { Running: true, Pid: 77 };
    v1Container(fixture, web.id, 77, { memLimit: 128 * MiB })({ ...counters, memUsage: 10 * MiB, inactiveFile: 0 });
    connection.event('start', web.id);
    const again = await nextTick((t) => t.samples.some((s) => s.id === web.id), 'samples of the new segment');
    expect(again.payload.samples[0].v[F.memBytes]).toBe(10 * MiB);
    expect(ticks().filter((t) => t.ended.length > 0)).toHaveLength(1);
  });

  it('a removed container ends its series, leaves the watch set, and has no history', async () => {
    const web = addContainer('web');
    await service.watch('client', { all: false, ids: [web.id] });
    await nextTick((t) => t.samples.length === 1, 'a first sample');
    const ended = nextTick((t) => t.ended.length > 0, 'the end of the series');
    connection.containers.delete(web.id);
    connection.event('die', web.id, { exitCode: '0' });
    connection.event('destroy', web.id);
    expect((await ended).payload.ended).toHaveLength(1);
    expect(() => service.history(web.id)).toThrow(/no stats history/);
    expect((await service.watch('client', { all: false, ids: [] })).watching).toEqual([]);
  });

  it('a removed container is named in the next tick, so clients drop its history too, and only once', async () => {
    const web = addContainer('web');
    const db = addContainer('db');
    await service.watch('client', { all: true, ids: [] });
    await nextTick((t) => t.samples.length === 2, 'samples of both');
    const removed = nextTick((t) => (t.removed ?? []).length > 0, 'the removal');
    connection.containers.delete(web.id);
    connection.event('die', web.id, { exitCode: '0' });
    connection.event('destroy', web.id);
    expect((await removed).payload.removed).toEqual([web.id]);
    await nextTick((t) => t.samples.some((s) => s.id === db.id), 'the next tick');
    expect(ticks().flatMap((t) => t.removed ?? [])).toEqual([web.id]);
    // A container never collected here has nothing to drop in a client.
    connection.event('destroy', 'f'.repeat(64));
    await nextTick((t) => t.samples.some((s) => s.id === db.id), 'another tick');
    expect(ticks().flatMap((t) => t.removed ?? [])).toEqual([web.id]);
  });

  it('watch all follows start and die events', async () => {
    const web = addContainer('web');
    addContainer('idle', false);
    expect((await service.watch('client', { all: true, ids: [] })).watching).toEqual([web.id]);
    const db = addContainer('db');
    connection.event('start', db.id);
    await nextTick((t) => t.samples.some((s) => s.id === db.id), 'the started container');
    connection.containers.get(web.id)!.State = { Running: false, Pid: 0 };
    connection.event('die', web.id);
    await nextTick((t) => t.ended.some((e) => e.id === web.id), 'the stopped one ends');
    expect((await service.watch('client', { all: true, ids: [] })).watching).toEqual([db.id]);
  });

  it('history rows have the shape tick rows have: the same {t, v} the ticks carried, oldest first', async () => {
    const web = addContainer('web');
    await service.watch('client', { all: false, ids: [web.id] });
    await nextTick((t) => t.samples.length === 1, 'a first sample');
    await nextTick((t) => t.samples.length === 1, 'a second sample');
    const fromTicks = ticks().flatMap((t) => t.samples.filter((s) => s.id === web.id).map((s) => ({ t: t.t, v: s.v })));
    const { rows } = service.history(web.id);
    expect(rows.slice(-fromTicks.length)).toEqual(fromTicks);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['t', 'v']);
  });

  it('history is bounded by historySeconds at intervalMs', async () => {
    const web = addContainer('web');
    await service.watch('client', { all: false, ids: [web.id] });
    const bound = 1000 / 50;
    // Counted in samples, not in time slept: a loaded machine then only makes the test slower, never shorter of
    // rows (15 sleeps of 100 ms once gave 16 rows where 18 were expected).
    for (let sample = 0; sample < bound + 5; sample += 1) {
      await nextTick((tick) => tick.samples.some((each) => each.id === web.id), `sample ${sample + 1} of web`);
      expect(service.history(web.id).rows.length).toBeLessThanOrEqual(bound);
    }
    expect(service.history(web.id).rows.length).toBeGreaterThanOrEqual(bound - 2);
    expect(service.history(web.id, 1).rows.length).toBeLessThanOrEqual(bound);
  });

  it('pauses while the engine is away and resumes when it is back', async () => {
    const web = addContainer('web');
    await service.watch('client', { all: true, ids: [] });
    await nextTick((t) => t.samples.length === 1, 'a first sample');
    const ended = nextTick((t) => t.ended.length > 0, 'series end with the engine');
    connection.disconnect();
    expect((await ended).payload.ended).toEqual([{ id: web.id, reason: 'the engine went away' }]);
    const count = ticks().length;
    await pause(200);
    expect(ticks().length).toBe(count);
    connection.reconnect();
    await nextTick((t) => t.samples.some((s) => s.id === web.id), 'collection resumed');
  });

  it('an engine `update` event refreshes the limits', async () => {
    const web = addContainer('web');
    await service.watch('client', { all: false, ids: [web.id] });
    await nextTick((t) => t.samples.length === 1 && t.samples[0].v[F.cpuLimitCores] === null, 'no CPU limit yet');
    fixture.cgroupFile(`cpu,cpuacct/docker/${web.id}/cpu.cfs_quota_us`, '150000\n');
    connection.event('update', web.id);
    await nextTick((t) => t.samples[0]?.v[F.cpuLimitCores] === 1.5, 'the new CPU limit');
  });

  it("Berth's own limit update sends a row with the enforced limits at once, in the series' history too", async () => {
    const web = addContainer('web');
    await service.watch('client', { all: false, ids: [web.id] });
    const sampled = await nextTick((t) => t.samples.length === 1, 'a first sample');
    const enforced = { cpus: 1.5, memoryBytes: 64 * MiB, memorySwapBytes: 128 * MiB, pidsLimit: null };
    const count = ticks().length;
    await service.refreshLimits(web.id, enforced);
    // Ticks of the timer may come meanwhile: the collector itself still reads no CPU limit from its files.
    const pushed = ticks()
      .slice(count)
      .find((t) => t.samples[0]?.v[F.cpuLimitCores] === 1.5);
    if (!pushed)
      throw new Error(`no row with the enforced limits was sent: ${JSON.stringify(ticks().slice(count - 1))}`);
    expect(pushed.t).toBeGreaterThan(sampled.payload.t);
    expect(pushed.samples).toHaveLength(1);
    const v = pushed.samples[0].v;
    expect([v[F.cpuLimitCores], v[F.memLimitBytes], v[F.swapLimitBytes], v[F.pidsLimit]]).toEqual([
      1.5,
      64 * MiB,
      128 * MiB,
      null,
    ]);
    // Its measurements are the last reading's, not a second source of numbers.
    expect(v[F.memBytes]).toBe(sampled.payload.samples[0].v[F.memBytes]);
    expect(service.history(web.id).rows).toContainEqual({ t: pushed.t, v });
  });

  it('a limit update of a series with no row yet sends nothing (its first sample carries the limits)', async () => {
    addContainer('idle', false);
    const count = ticks().length;
    await service.refreshLimits('idle', { cpus: 1, memoryBytes: null, memorySwapBytes: null, pidsLimit: null });
    expect(ticks()).toHaveLength(count);
  });

  it('a client released while its watch is under way is not brought back by it', async () => {
    const web = addContainer('web');
    const watching = service.watch('client', { all: false, ids: [web.id] });
    service.releaseClient('client');
    expect(toErrorInfo(await watching.catch((e: unknown) => e)).code).toBe('TRANSPORT_CLOSED');
    await pause(150);
    expect(ticks()).toEqual([]);
  });

  it('dispose() stops everything, even a watch still under way', async () => {
    const web = addContainer('web');
    const baseline = fdCount();
    const watching = service.watch('client', { all: false, ids: [web.id] });
    await service.dispose();
    await watching.catch((e: unknown) => e);
    await pause(150);
    expect(ticks()).toEqual([]);
    expect(fdCount()).toBe(baseline);
  });
});
