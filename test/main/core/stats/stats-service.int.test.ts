// StatsService against the harness engine: real containers burning CPU and allocating memory, read by the
// cgroup collector and by the engine's stats API, which must agree with each other and with the limits set.
import { readdirSync, readlinkSync } from 'node:fs';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverEngine } from '../../../../main/core/connection/discover';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import type { Logger } from '../../../../main/core/logger';
import { F, statsFieldCount, type StatsTick } from '../../../../main/shared/stats-types';
import { StatsService, type StatsCollectorChoice } from '../../../../main/core/stats/stats-service';
import { harness } from '../../../harness/context';
import { removeTestContainers, runIdleContainer, runTestContainer } from '../../../harness/containers';
import { HubRecorder } from '../hub-recorder';

const MiB = 1024 ** 2;
const problems: string[] = [];
/** Records warnings and errors: a clean run of these scenarios logs none. */
const log: Logger = {
  info: () => undefined,
  warn: (message) => problems.push(message),
  error: (message, error) => problems.push(`${message} ${String(error)}`),
};

let connection: EngineConnection;
let docker: Dockerode;
const services: StatsService[] = [];
const recorders: HubRecorder[] = [];

/** A stats service with its own hub, so each one's ticks are told apart. */
function statsService(collector: StatsCollectorChoice, options: { intervalMs?: number; historySeconds?: number } = {}) {
  const hub = new EventHub();
  const recorder = new HubRecorder(hub);
  const service = new StatsService({ connection, hub, log, collector, ...options });
  services.push(service);
  recorders.push(recorder);
  return { service, recorder };
}

function ticksOf(recorder: HubRecorder): StatsTick[] {
  return recorder.seen.filter((r) => r.event === 'stats:tick').map((r) => r.payload as StatsTick);
}

/** Every non-null value of one field of one container, oldest first. */
function series(recorder: HubRecorder, id: string, field: number): number[] {
  return ticksOf(recorder)
    .flatMap((tick) => tick.samples.filter((sample) => sample.id === id).map((sample) => sample.v[field]))
    .filter((value): value is number => value !== null);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(
  name: string,
  cmd: string,
  hostConfig: Dockerode.HostConfig & { NanoCpus?: number },
): Promise<string> {
  const options = {
    image: harness().busyboxImage,
    name: `berth-stats-${name}-${Date.now()}`,
    cmd: ['sh', '-c', cmd],
    hostConfig,
  };
  return (await runTestContainer(docker, options)).id;
}

/** Open files that are cgroup counters or a network namespace's net/dev: what the cgroup collector holds. */
function counterFds(): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith('/sys/fs/cgroup/') || /^\/proc\/\d+\/net\/dev$/.test(target)) count += 1;
    } catch (error) {
      // The fd closed between readdir and readlink (a socket of some request): not one of ours.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return count;
}

let busy: string;
let memory: string;
const cgroup = () => ({ service: services[0], recorder: recorders[0] });
const api = () => ({ service: services[1], recorder: recorders[1] });

beforeAll(async () => {
  connection = new EngineConnection({
    discover: () => discoverEngine({ env: { DOCKER_HOST: harness().dockerHost } }),
    log,
  });
  expect((await connection.reconnect()).state).toBe('connected');
  docker = new Dockerode({ socketPath: harness().socketPath });
  busy = await run('busy', 'while :; do :; done', { NanoCpus: 0.5e9 });
  // Waits 2 s, then allocates 4 × 20 MiB in shell variables, one every half second, and keeps them
  // (the trailing `:` stops busybox from exec'ing sleep and freeing the shell).
  memory = await run(
    'memory',
    'sleep 2; for i in 1 2 3 4; do eval "v$i=\\$(head -c 20m /dev/zero | tr \\"\\\\0\\" a)"; sleep 0.5; done; sleep 3600; :',
    { Memory: 128 * MiB },
  );
  statsService('cgroup');
  statsService('api');
  const results = await Promise.all([
    cgroup().service.watch('test', { all: false, ids: [busy, memory] }),
    api().service.watch('test', { all: false, ids: [busy, memory] }),
  ]);
  expect(results.map((r) => r.collector)).toEqual(['cgroup', 'api']);
  // Until the allocation is done and the API collector has had several frames (about one a second).
  const deadline = Date.now() + 20_000;
  const ready = () =>
    [cgroup().recorder, api().recorder].every(
      (recorder) =>
        (series(recorder, memory, F.memBytes).at(-1) ?? 0) > 75 * MiB &&
        series(recorder, busy, F.cpuPercent).length >= 4,
    );
  while (!ready() && Date.now() < deadline) await pause(250);
  // One more frame each, so the last values of both collectors come from the same state of the containers.
  await pause(1500);
}, 60_000);

afterAll(async () => {
  for (const service of services) await service.dispose();
  for (const recorder of recorders) recorder.dispose();
  await connection?.stop();
  if (docker) await removeTestContainers(docker);
});

describe.each([
  ['cgroup', cgroup],
  ['api', api],
] as const)('the %s collector', (_kind, which) => {
  it('shows a busy loop limited to 0.5 cores at ≈ 50 % of a core, ≈ 100 % of its limit, throttled', () => {
    const { recorder } = which();
    const samples = ticksOf(recorder)
      .flatMap((t) => t.samples.filter((s) => s.id === busy))
      .map((s) => ({ cpu: s.v[F.cpuPercent], throttled: s.v[F.throttledPercent] }))
      .filter((s): s is { cpu: number; throttled: number } => s.cpu !== null && s.throttled !== null)
      .slice(-4);
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(series(recorder, busy, F.cpuLimitCores).at(-1)).toBe(0.5);
    // Never above its limit (plus measurement jitter), and clearly running.
    for (const sample of samples) expect(sample.cpu).toBeLessThan(65);
    expect(median(samples.map((s) => s.cpu))).toBeGreaterThan(10);
    // A period is throttled only once the container used its whole quota in it. Throttled in most periods,
    // it got its 0.5 cores: ≈ 50 % of a core, ≈ 100 % of its limit. On a machine too busy to give it that much
    // (other work on both cores), it is throttled less, and only the bounds above can hold.
    const atLimit = samples.filter((s) => s.throttled >= 80);
    if (atLimit.length >= 2) {
      const cpu = median(atLimit.map((s) => s.cpu));
      expect(cpu).toBeGreaterThan(35);
      expect(cpu / 100 / 0.5).toBeGreaterThan(0.7);
    } else {
      console.info(
        `[stats test] the machine was too busy for the busy loop to reach its limit: ${JSON.stringify(samples)}`,
      );
    }
  });

  it('shows memory rising toward a 128 MiB limit', () => {
    const { recorder } = which();
    const mem = series(recorder, memory, F.memBytes);
    expect(mem[0]).toBeLessThan(20 * MiB);
    expect(mem.at(-1)).toBeGreaterThan(75 * MiB);
    expect(mem.at(-1)).toBeLessThan(128 * MiB);
    expect(series(recorder, memory, F.memLimitBytes).at(-1)).toBe(128 * MiB);
    // --memory without --memory-swap: the engine sets memory + swap to twice the memory.
    expect(series(recorder, memory, F.swapLimitBytes).at(-1)).toBe(256 * MiB);
    // No limit set: null, not the host's memory.
    expect(
      ticksOf(recorder)
        .flatMap((t) => t.samples)
        .find((s) => s.id === busy)?.v[F.memLimitBytes],
    ).toBeNull();
  });
});

describe('StatsService with a real engine', () => {
  it('the cgroup and API collectors agree on the same containers', () => {
    // Compared in steady states (the busy loop's CPU, the allocated memory): the two see the same counters,
    // but at different instants, so a changing value differs by whatever changed in between.
    const [fromCgroup, fromApi] = [cgroup().recorder, api().recorder].map((recorder) => ({
      // The mean over several samples: single 1 s samples of the two collectors cover different instants.
      cpu: mean(series(recorder, busy, F.cpuPercent).slice(-5)),
      mem: series(recorder, memory, F.memBytes).at(-1) ?? NaN,
      busyMem: series(recorder, busy, F.memBytes).at(-1) ?? NaN,
      last: (id: string) =>
        ticksOf(recorder)
          .flatMap((t) => t.samples)
          .filter((s) => s.id === id)
          .at(-1)?.v ?? [],
    }));
    expect(Math.abs(fromCgroup.cpu - fromApi.cpu)).toBeLessThan(15);
    expect(Math.abs(fromCgroup.mem - fromApi.mem) / fromApi.mem).toBeLessThan(0.1);
    // An idle shell uses a few hundred KiB: a page or two apart is agreement.
    expect(Math.abs(fromCgroup.busyMem - fromApi.busyMem)).toBeLessThan(Math.max(0.1 * fromApi.busyMem, 1 * MiB));
    for (const id of [busy, memory]) {
      for (const field of [F.cpuLimitCores, F.memLimitBytes, F.swapLimitBytes, F.pidsLimit, F.pids]) {
        expect(fromCgroup.last(id)[field], `field ${field} of ${id === busy ? 'busy' : 'memory'}`).toBe(
          fromApi.last(id)[field],
        );
      }
    }
  });

  it('removing a charted container ends its series without errors and closes its files', async () => {
    const { service, recorder } = statsService('cgroup');
    const viaApi = statsService('api');
    const baseline = counterFds();
    const victim = await runIdleContainer(docker, harness().busyboxImage);
    await Promise.all([
      service.watch('test', { all: false, ids: [victim.id] }),
      viaApi.service.watch('test', { all: false, ids: [victim.id] }),
    ]);
    await recorder.next('stats:tick', (t) => t.samples.some((s) => s.id === victim.id), 5000, 'a sample of the victim');
    await viaApi.recorder.next(
      'stats:tick',
      (t) => t.samples.some((s) => s.id === victim.id),
      5000,
      'a sample of the victim (API)',
    );
    expect(counterFds()).toBe(baseline + 8);
    const ended = [recorder, viaApi.recorder].map((r) =>
      r.next('stats:tick', (t) => t.ended.some((e) => e.id === victim.id), 10_000, 'the end of its series'),
    );
    await victim.remove({ force: true });
    for (const tick of await Promise.all(ended))
      expect(tick.payload.ended.find((e) => e.id === victim.id)?.reason).toMatch(/stopped|exited|removed/);
    expect(counterFds()).toBe(baseline);
    await pause(300);
    for (const r of [recorder, viaApi.recorder]) {
      // Ended once, and nothing sampled after its end.
      expect(ticksOf(r).filter((t) => t.ended.some((e) => e.id === victim.id))).toHaveLength(1);
      const endedAt = ticksOf(r).findIndex((t) => t.ended.some((e) => e.id === victim.id));
      expect(
        ticksOf(r)
          .slice(endedAt + 1)
          .some((t) => t.samples.some((s) => s.id === victim.id)),
      ).toBe(false);
    }
    expect(() => service.history(victim.id)).toThrow(/no stats history/);
    expect(problems).toEqual([]);
  });

  it('keeps history bounded by historySeconds at intervalMs', async () => {
    const { service } = statsService('cgroup', { intervalMs: 100, historySeconds: 1 });
    await service.watch('test', { all: false, ids: [busy] });
    let longest = 0;
    for (let i = 0; i < 12; i += 1) {
      await pause(200);
      // Asking for more seconds than the ring holds: the ring's bound is what limits the answer.
      const history = service.history(busy, 60);
      longest = Math.max(longest, history.rows.length);
      expect(history.rows.length).toBeLessThanOrEqual(10);
      for (const row of history.rows) expect(row.v).toHaveLength(statsFieldCount);
    }
    expect(longest).toBe(10);
  });

  it('sends one tick event per interval for all watched containers, not one per container', async () => {
    const { service, recorder } = statsService('auto', { intervalMs: 250 });
    const third = await runIdleContainer(docker, harness().busyboxImage);
    const result = await service.watch('test', { all: false, ids: [busy, memory, third.id] });
    // The harness engine is local and its cgroup files are readable here.
    expect(result.collector).toBe('cgroup');
    await pause(2100);
    const ticks = ticksOf(recorder);
    expect(ticks.length).toBeGreaterThanOrEqual(6);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks.filter((t) => t.samples.length === 3).length).toBeGreaterThanOrEqual(ticks.length - 1);
    expect(problems).toEqual([]);
  });

  it('reads a focused container every focusIntervalMs, the others at 1 Hz, and back to 1 Hz when unfocused', async () => {
    const { service, recorder } = statsService('cgroup');
    const focused = await service.watch('test', { ids: [memory], focus: [busy] });
    expect(focused.focusIntervalMs).toBe(250);
    expect(focused.watching.sort()).toEqual([busy, memory].sort());
    /** Times of the rows of `id` ticked from `since` on. */
    const rowTimes = (id: string, since: number) =>
      ticksOf(recorder)
        .filter((tick) => tick.t >= since && tick.samples.some((sample) => sample.id === id))
        .map((tick) => tick.t);
    const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);
    const start = Date.now();
    await pause(3000);
    const fast = gaps(rowTimes(busy, start));
    // Four rows a second (a loaded machine may delay a timer now and then: the median says the cadence).
    expect(fast.length).toBeGreaterThanOrEqual(6);
    expect(median(fast)).toBeLessThanOrEqual(300);
    expect(median(gaps(rowTimes(memory, start)))).toBeGreaterThanOrEqual(700);
    // The ring keeps the fast rows too: the history a chart fetches has them.
    const history = service.history(busy, 2).rows.map((row) => row.t);
    expect(median(gaps(history))).toBeLessThanOrEqual(300);

    await service.watch('test', { ids: [memory, busy] });
    const unfocusedAt = Date.now();
    await pause(3500);
    const slow = gaps(rowTimes(busy, unfocusedAt));
    expect(slow.length).toBeGreaterThanOrEqual(2);
    expect(median(slow)).toBeGreaterThanOrEqual(700);
    expect(problems).toEqual([]);
  });

  it("follows `docker update` of a running container's limits, with both collectors", async () => {
    await docker.getContainer(memory).update({ NanoCpus: 1.5e9, Memory: 192 * MiB, MemorySwap: 384 * MiB });
    const updated = (recorder: HubRecorder) =>
      recorder.next(
        'stats:tick',
        (t) => {
          const v = t.samples.find((s) => s.id === memory)?.v;
          return v?.[F.cpuLimitCores] === 1.5 && v[F.memLimitBytes] === 192 * MiB && v[F.swapLimitBytes] === 384 * MiB;
        },
        5000,
        'the new limits',
      );
    await Promise.all([updated(cgroup().recorder), updated(api().recorder)]);
    expect(problems).toEqual([]);
  });

  it('leaves out a container that no longer exists instead of refusing the whole watch set', async () => {
    const { service } = statsService('auto');
    const gone = await runIdleContainer(docker, harness().busyboxImage);
    await gone.remove({ force: true });
    const result = await service.watch('test', { all: false, ids: [busy, gone.id, 'no-such-container'] });
    expect(result.watching).toEqual([busy]);
  });
});
