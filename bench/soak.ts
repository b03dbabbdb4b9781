// `npm run soak -- --minutes N`: Berth under a steady load for N minutes, on a private engine (root needed,
// never the user's engine). 50 containers run while a few more are created and removed every second; a bridge
// client watches all stats and the Containers page is open in Chromium. After a one-minute warm-up (not part of
// the N minutes) it measures a window at the start and one at the end: the core's V8 heap after a forced GC and its RSS, the renderer's JS heap after
// a forced GC, the core's event-loop delay p99 (a probe preloaded into the built `berth serve`), page long
// tasks and dropped stats ticks. Exits non-zero on dropped ticks, a crash, or heap growth over the goal;
// timing figures and RSS are printed only. Memory is judged on the heaps after GC because that is what a leak
// grows: RSS also moves with the allocator's caches and fragmentation, and is noisy on a loaded machine.
// `--snapshots DIR` writes a core and a renderer heap snapshot at the end of each window, to compare (a core
// snapshot stops its event loop for seconds: ticks then count as dropped; use it to look, not to judge).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBusyboxImage } from '../test/harness/busybox-image';
import { BridgeClient } from '../test/harness/bridge-client';
import { PrivateEngine } from '../test/harness/private-engine';
import { isAlive, waitUntil } from '../test/harness/run-command';
import { startServe, type ServeProcess } from '../test/harness/serve-process';
import type { EngineStatus } from '../main/shared/engine-types';
import type { StatsTick } from '../main/shared/stats-types';
import { rssBytes } from './proc-usage';
import { startChurn } from './soak-churn';
import { openContainersPage, type SoakPage } from './soak-page';
import { droppedTicks, judge, windowMedian, type WindowFigures } from './soak-report';
import { benchImage, startIdleContainers } from './stats-containers';

const CONTAINERS = 50;
const CHURN_PER_SECOND = 2;
const CHURN_KEEP = 6;
const HEAP_READINGS = 5;
const WARMUP_MS = 60_000;
const probe = pathToFileURL(new URL('./soak-probe.mjs', import.meta.url).pathname).href;

function options(): { minutes: number; profileFile: string | undefined; snapshots: string | undefined } {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '2' }, profile: { type: 'string' }, snapshots: { type: 'string' } },
  });
  const minutes = Number(values.minutes);
  if (!(minutes >= 1))
    throw new Error(
      "[soak] usage: npm run soak -- --minutes N (N >= 1) [--profile FILE: the core's CPU profile] [--snapshots DIR: heap snapshots]",
    );
  return {
    minutes,
    profileFile: values.profile,
    snapshots: values.snapshots === undefined ? undefined : resolve(values.snapshots),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The core's V8 heap in use after a forced full GC: the probe answers SIGWINCH with a `[soak-probe-gc]` line. */
async function coreHeapAfterGc(serve: ServeProcess): Promise<number> {
  const lines = () =>
    serve
      .output()
      .split('\n')
      .filter((line) => line.startsWith('[soak-probe-gc] '));
  const before = lines().length;
  process.kill(serve.pid, 'SIGWINCH');
  // A heap snapshot takes a few seconds on this machine.
  if (!(await waitUntil(() => lines().length > before, 60_000, 100)))
    throw new Error('[soak] the core did not report its heap after a forced GC within 60 s');
  return (JSON.parse(lines()[before]!.slice('[soak-probe-gc] '.length)) as { heapUsed: number }).heapUsed;
}

/** The probe's lines printed by serve so far. */
function probeSamples(serve: ServeProcess): Array<{ t: number; p99Ms: number }> {
  return serve
    .output()
    .split('\n')
    .filter((line) => line.startsWith('[soak-probe] '))
    .map((line) => JSON.parse(line.slice('[soak-probe] '.length)) as { t: number; p99Ms: number });
}

async function main(): Promise<number> {
  const { minutes, profileFile, snapshots } = options();
  const durationMs = minutes * 60_000;
  // The N minutes are measured after a fixed warm-up: in its first minute the page is still compiling code and
  // React still growing its pools, which a 2-minute run would otherwise count as growth (+4.5 … +7.6 % of the
  // renderer's heap after GC in 2-minute runs whose 10-minute twin levels off at +2.6 %).
  const warmupMs = WARMUP_MS;
  const windowMs = Math.min(30_000, durationMs / 4);
  const engine = await PrivateEngine.start({ name: 'soak' });
  let serve: ServeProcess | undefined;
  let page: SoakPage | undefined;
  let client: BridgeClient | undefined;
  try {
    const docker = engine.docker();
    await buildBusyboxImage(docker, benchImage);
    await startIdleContainers(docker, CONTAINERS);
    const profile: Record<string, string> = profileFile ? { BERTH_SOAK_PROFILE: profileFile } : {};
    if (snapshots) {
      mkdirSync(snapshots, { recursive: true });
      profile.BERTH_SOAK_SNAPSHOTS = snapshots;
    }
    serve = await startServe(engine.dockerHost, [], {
      NODE_OPTIONS: `--import=${probe}`,
      BERTH_SOAK_PROBE_MS: '5000',
      ...profile,
    });
    const served = serve;
    client = await BridgeClient.connect(served);
    const tickTimes: number[] = [];
    client.onEvent((event, payload) => {
      if (event === 'stats:tick') tickTimes.push((payload as StatsTick).t);
    });
    // The link is printed before the engine connects; watching needs it connected.
    const bridge = client;
    const connected = await waitUntil(
      async () => {
        const status = await bridge.request('engine:status', {});
        return status.ok && (status.data as EngineStatus).state === 'connected';
      },
      30_000,
      250,
    );
    if (!connected)
      throw new Error(`[soak] serve did not connect to the engine within 30 s:\n${served.output().slice(-2000)}`);
    const watch = await client.request('stats:watch', { all: true });
    if (!watch.ok) throw new Error(`[soak] stats:watch failed: ${watch.error.message}`);
    page = await openContainersPage(served.url);
    const churn = startChurn(docker, CHURN_PER_SECOND, CHURN_KEEP);
    const rss: Array<{ t: number; value: number }> = [];
    const sampler = setInterval(() => {
      const value = rssBytes(served.pid);
      if (value !== undefined) rss.push({ t: Date.now(), value });
    }, 1000);

    const began = Date.now();
    console.info(
      `[soak] ${minutes} min after a ${warmupMs / 1000} s warm-up: ${CONTAINERS} containers, ${CHURN_PER_SECOND} created and removed a second, windows of ${windowMs / 1000} s`,
    );
    let windowCount = 0;
    const measure = async (from: number, to: number, pageFrom: number): Promise<WindowFigures> => {
      windowCount += 1;
      const ticks = droppedTicks(tickTimes, from, to);
      const long = await page!.longTasksSince(pageFrom);
      const p99s = probeSamples(served)
        .filter((sample) => sample.t > from && sample.t <= to + 1000)
        .map((sample) => sample.p99Ms);
      if (snapshots) await page!.writeHeapSnapshot(join(snapshots, `renderer-${windowCount}.heapsnapshot`));
      // Several readings 2 s apart, their minimum: the floor of what survives a full GC is what a leak raises,
      // while one reading also counts whatever a tick or a render had in hand at that moment (React keeps a
      // second copy of the hooks of every row it re-rendered lately: up to a few % of the page's heap).
      const coreHeaps: number[] = [];
      const rendererHeaps: number[] = [];
      for (let reading = 0; reading < HEAP_READINGS; reading += 1) {
        if (reading > 0) await sleep(2000);
        coreHeaps.push(await coreHeapAfterGc(served));
        rendererHeaps.push(await page!.jsHeapUsed());
      }
      return {
        coreRss: windowMedian(rss, from, to),
        coreHeap: Math.min(...coreHeaps),
        rendererHeap: Math.min(...rendererHeaps),
        eventLoopP99Ms: p99s.length ? Math.max(...p99s) : Number.NaN,
        longTasks: long.count,
        longTaskMs: long.totalMs,
        droppedTicks: ticks.dropped,
        ticks: ticks.ticks,
      };
    };

    await sleep(began + warmupMs - Date.now());
    const startFrom = Date.now();
    const startPage = await page.now();
    await sleep(windowMs);
    const start = await measure(startFrom, Date.now(), startPage);
    // The middle of the run is checked for dropped ticks too, so none can hide between the two windows.
    const middleFrom = Date.now();
    await sleep(began + warmupMs + durationMs - windowMs - Date.now());
    const middle = droppedTicks(tickTimes, middleFrom, Date.now());
    const endFrom = Date.now();
    const endPage = await page.now();
    await sleep(windowMs);
    const end = await measure(endFrom, Date.now(), endPage);
    end.droppedTicks += middle.dropped;

    clearInterval(sampler);
    await churn.stop();
    const crashed = isAlive(served.pid)
      ? null
      : `berth serve (pid ${served.pid}) exited during the soak:\n${served.output().slice(-2000)}`;
    const verdict = judge(start, end, crashed);
    console.info(
      `\nSoak of ${minutes} min (${churn.created} containers created, ${churn.removed} removed, ${churn.skippedRounds} churn rounds skipped while the engine was busy):\n`,
    );
    console.info(verdict.table);
    if (churn.failures.length > 0)
      console.warn(`[soak] churn calls that failed (the engine's words): ${churn.failures.join(' | ')}`);
    if (verdict.failures.length > 0) {
      console.error(`\n[soak] FAILED: ${verdict.failures.join('; ')}`);
      return 1;
    }
    if (snapshots)
      console.info(
        `[soak] heap snapshots (core-N, renderer-N: N = 1 at the start window's end, 2 at the end's) in ${snapshots}`,
      );
    console.info('\n[soak] passed: no crash, no dropped ticks, heap growth after GC within the goal');
    return 0;
  } finally {
    await client?.close();
    await page?.close();
    await serve?.stop();
    await engine.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[soak] failed:', error);
    process.exit(1);
  },
);
