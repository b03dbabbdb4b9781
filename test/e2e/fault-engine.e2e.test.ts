// Fault injection against real processes: a built `berth serve` with the Containers page open in Chromium and a
// bridge client watching all stats, on an engine and a registry of this file's own. dockerd is SIGKILLed in the
// middle of a pull: every view says so within 2 s, the core idles while the engine is away (CPU from /proc), and
// everything resumes within 5 s of its return, with nothing opened twice. Then the registry is killed mid-pull:
// a clear error, nothing tagged, and the retry works once it is back.
import type Dockerode from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuSecondsBetween, cpuSnapshot } from '../../bench/proc-usage';
import type { EngineStatus } from '../../main/shared/engine-types';
import type { StatsTick, StatsWatchResult } from '../../main/shared/stats-types';
import type { Transfer } from '../../main/shared/transfer-types';
import { BridgeClient } from '../harness/bridge-client';
import { launchChromium } from '../harness/browser';
import { buildBusyboxImage, pushImage } from '../harness/busybox-image';
import { runTestContainer } from '../harness/containers';
import { hasImage, removeImages, uniqueSuffix } from '../harness/images';
import { buildLayeredImage } from '../harness/layered-image';
import { PrivateEngine } from '../harness/private-engine';
import { PrivateRegistry } from '../harness/private-registry';
import { fdCounts } from '../harness/proc-fds';
import { isAlive } from '../harness/run-command';
import { startServe, type ServeProcess } from '../harness/serve-process';
import { ThrottledProxy } from '../harness/throttled-proxy';
import { ContainersPage } from './pages/containers-page';
import { StatusBar } from './pages/status-bar';

/** The bounds: a view says the engine is gone within 2 s, and everything is back within 5 s of its return. */
const SAYS_GONE_MS = 2_000;
const RESUMES_MS = 5_000;
/** How long the private dockerd may take to start again (restoring its containers) before the test gives up. */
const ENGINE_START_MS = 30_000;
/**
 * The core's CPU while the engine is away, in % of one core: at most 1 % (the goal). Measured over 20 s,
 * after 3 s for the failed pull and the ended series to settle, so the kernel's 10 ms clock ticks give 5 %
 * resolution of the bound. An idle core retries every few seconds and stops its stats timer, so it spends well
 * under that; a busy loop (a retry without backoff, a timer left running, a client refetching) costs far more.
 */
const IDLE_CPU_PERCENT = 1;
const IDLE_WINDOW_MS = 20_000;
const IMAGE = 'berth-test/busybox:latest';
const CONTAINERS = 3;

let engine: PrivateEngine;
let registry: PrivateRegistry;
let proxy: ThrottledProxy;
let docker: Dockerode;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let client: BridgeClient;
let ids: string[] = [];
let repository: string;
/** Bigger than what loopback sockets buffer, so a registry killed mid-pull cannot have sent it all already. */
let bigRepository: string;

const ticksWithAll = (wanted: string[]) => (tick: StatsTick) =>
  wanted.every((id) => tick.samples.some((sample) => sample.id === id));

beforeAll(async () => {
  [engine, registry] = await Promise.all([PrivateEngine.start({ name: 'fault' }), PrivateRegistry.start()]);
  docker = engine.docker();
  await buildBusyboxImage(docker, IMAGE);
  // `always`: dockerd restarts them when it comes back, as it would a user's services after a crash.
  for (let i = 0; i < CONTAINERS; i += 1) {
    const container = await runTestContainer(docker, {
      image: IMAGE,
      name: `fault-${i}`,
      cmd: ['sleep', '3600'],
      hostConfig: { RestartPolicy: { Name: 'always' } },
    });
    ids.push(container.id);
  }
  ids = ids.sort();
  // An image only the registry has, big enough that a throttled pull is still running when the fault hits.
  repository = `berth-test/fault-pull-${uniqueSuffix()}`;
  await buildLayeredImage(docker, `${repository}:v1`, { layers: 2, bytesPerLayer: 3_000_000, base: 'scratch' });
  const pushed = await pushImage(docker, `${repository}:v1`, registry.address);
  await removeImages(docker, [pushed, `${repository}:v1`]);
  bigRepository = `berth-test/fault-big-${uniqueSuffix()}`;
  await buildLayeredImage(docker, `${bigRepository}:v1`, { layers: 2, bytesPerLayer: 24_000_000, base: 'scratch' });
  const bigPushed = await pushImage(docker, `${bigRepository}:v1`, registry.address);
  await removeImages(docker, [bigPushed, `${bigRepository}:v1`]);
  proxy = await ThrottledProxy.start(registry.port, 300_000);

  serve = await startServe(engine.dockerHost);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(serve.url);
  await new ContainersPage(page).open();
  await new StatusBar(page).waitForEngine('Connected');
  client = await BridgeClient.connect(serve);
}, 240_000);

afterAll(async () => {
  await client?.close();
  await browser?.close();
  await serve?.stop();
  await proxy?.stop();
  await registry?.destroy();
  await engine?.destroy();
});

async function watchAll(): Promise<StatsWatchResult> {
  const reply = await client.request('stats:watch', { all: true });
  if (!reply.ok) throw new Error(`stats:watch failed: ${reply.error.message}`);
  return reply.data as StatsWatchResult;
}

async function startPull(reference: string): Promise<Transfer> {
  const reply = await client.request('images:pull', { reference });
  if (!reply.ok) throw new Error(`images:pull failed: ${reply.error.message}`);
  return reply.data as Transfer;
}

const ended = (id: string) => (transfer: Transfer) => transfer.id === id && transfer.state !== 'running';
const bytesArriving = (id: string) => (transfer: Transfer) =>
  transfer.id === id && transfer.state === 'running' && transfer.currentBytes > 0;

describe('faults under a running serve', () => {
  it('dockerd SIGKILLed mid-pull with stats watched: said within 2 s everywhere, idle while away, back within 5 s, nothing doubled', async () => {
    const status = new StatusBar(page);
    const watched = await watchAll();
    expect([...watched.watching].sort()).toEqual(ids);
    await client.next('stats:tick', ticksWithAll(ids), 10_000, 'samples of every container');
    const before = fdCounts(serve.pid);
    expect(before.cgroup).toBeGreaterThan(0);

    const pull = await startPull(`${proxy.address}/${repository}:v1`);
    await client.next('transfers:progress', bytesArriving(pull.id), 30_000, 'bytes of the pull arriving');

    // Every waiter is in place before the kill, so the bound counts from the fault itself.
    const gone = Promise.all([
      client.next<EngineStatus>('engine:status', (s) => s.state === 'unreachable', SAYS_GONE_MS, 'engine unreachable'),
      client.next<Transfer>('transfers:progress', ended(pull.id), SAYS_GONE_MS, 'the pull ending'),
      client.next<StatsTick>(
        'stats:tick',
        (tick) => ids.every((id) => tick.ended.some((entry) => entry.id === id)),
        SAYS_GONE_MS,
        'every series ended',
      ),
      status.waitForEngine('Unreachable', SAYS_GONE_MS),
    ]);
    const dockerd = engine.dockerdPid();
    expect(dockerd).toBeDefined();
    process.kill(dockerd!, 'SIGKILL');
    const killedAt = Date.now();
    const [unreachable, failedPull, endedTick] = await gone;
    console.info(
      `[fault] dockerd killed: every view said so within ${Date.now() - killedAt} ms; status "${unreachable.state === 'unreachable' ? unreachable.reason : ''}"; pull ${failedPull.state}: ${failedPull.error?.code}: ${failedPull.error?.message}`,
    );
    expect(failedPull.state).toBe('failed');
    expect(failedPull.error?.message.length).toBeGreaterThan(0);
    expect(failedPull.leftOver).toMatch(/no image was tagged/);
    expect(endedTick.samples).toEqual([]);
    // Requests made while it is away are refused in words, not left hanging.
    const refused = await client.request('containers:list', {}, 5_000);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });

    // Idle while away: the serve process's own CPU time (utime+stime of it and what it reaped) over 10 s.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const start = cpuSnapshot([serve.pid]);
    await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
    const { seconds } = cpuSecondsBetween(start, cpuSnapshot([serve.pid]));
    const percent = (seconds / (IDLE_WINDOW_MS / 1000)) * 100;
    console.info(
      `[fault] core CPU while the engine was away: ${seconds.toFixed(2)} s over ${IDLE_WINDOW_MS / 1000} s = ${percent.toFixed(2)} % of a core (bound ${IDLE_CPU_PERCENT} %)`,
    );
    expect(percent).toBeLessThanOrEqual(IDLE_CPU_PERCENT);

    // The waiters are in place before the restart, so no event is missed; their own limit also covers dockerd's
    // start, and the bound is checked from its return (when it answers a ping), as the issue states it.
    const back = Promise.all([
      client.next<EngineStatus>(
        'engine:status',
        (s) => s.state === 'connected',
        ENGINE_START_MS + RESUMES_MS,
        'engine connected again',
      ),
      status.waitForEngine('Connected', ENGINE_START_MS + RESUMES_MS),
    ]);
    const restartedAt = Date.now();
    await engine.start();
    const returnedAt = Date.now();
    console.info(`[fault] dockerd took ${returnedAt - restartedAt} ms to answer again`);
    await back;
    const reconnectMs = Date.now() - returnedAt;
    console.info(`[fault] connected again ${reconnectMs} ms after the engine answered`);
    expect(reconnectMs).toBeLessThanOrEqual(RESUMES_MS);
    // dockerd restarts the `always` containers as it comes up; their stats resume as new segments.
    await client.next(
      'stats:tick',
      ticksWithAll(ids),
      Math.max(1_000, RESUMES_MS - (Date.now() - returnedAt)),
      'samples of every container again',
    );
    console.info(
      `[fault] engine back: connected and every container's stats flowing ${Date.now() - returnedAt} ms after it answered`,
    );

    // Nothing doubled: one tick a second, each container once per tick, the same kept-open files as before.
    const ticks: StatsTick[] = [];
    const stop = client.onEvent((event, payload) => {
      if (event === 'stats:tick') ticks.push(payload as StatsTick);
    });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    stop();
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const tick of ticks) expect(new Set(tick.samples.map((sample) => sample.id)).size).toBe(tick.samples.length);
    const after = fdCounts(serve.pid);
    console.info(
      `[fault] open files before the kill ${JSON.stringify(before)}, after the return ${JSON.stringify(after)}`,
    );
    expect(after.cgroup).toBe(before.cgroup);
    expect(after.sockets).toBeLessThanOrEqual(before.sockets);

    // The page works without a reload, and the list answers from the engine that came back.
    await page.getByRole('heading', { name: 'Containers', level: 1 }).waitFor();
    expect(await client.request('containers:list', {})).toMatchObject({ ok: true });
    expect(await hasImage(docker, `${proxy.address}/${repository}:v1`)).toBe(false);
  }, 120_000);

  it('the registry killed mid-pull: a clear error, nothing tagged, and the retry works once it is back', async () => {
    const reference = `${proxy.address}/${bigRepository}:v1`;
    proxy.bytesPerSecond = 300_000;
    const pull = await startPull(reference);
    await client.next('transfers:progress', bytesArriving(pull.id), 30_000, 'bytes of the pull arriving');
    const failed = client.next<Transfer>('transfers:progress', ended(pull.id), 30_000, 'the pull failing');
    await registry.kill();
    // What the registry had already handed to the kernel still arrives: let it through quickly.
    proxy.bytesPerSecond = 50_000_000;
    const transfer = await failed;
    console.info(
      `[fault] registry killed mid-pull: ${transfer.state}: ${transfer.error?.code}: ${transfer.error?.message} (${transfer.leftOver})`,
    );
    expect(transfer.state).toBe('failed');
    expect(['REGISTRY_UNREACHABLE', 'ENGINE_ERROR']).toContain(transfer.error?.code);
    expect(transfer.error?.message).toContain(proxy.address);
    expect(transfer.leftOver).toMatch(/no image was tagged/);
    expect(await hasImage(docker, reference)).toBe(false);
    const tags = (await docker.listImages()).flatMap((image) => image.RepoTags ?? []);
    expect(tags.some((tag) => tag.includes(bigRepository))).toBe(false);

    await registry.start();
    proxy.bytesPerSecond = 50_000_000;
    const retry = await startPull(reference);
    const done = await client.next<Transfer>('transfers:progress', ended(retry.id), 60_000, 'the retried pull ending');
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    expect(await hasImage(docker, reference)).toBe(true);
    expect(isAlive(serve.pid)).toBe(true);
  }, 120_000);
});
