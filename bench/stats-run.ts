// One container count of the stats benchmark: N idle containers with limits, then in the same run the
// engine alone, `docker stats`, Berth with each collector, Berth recording always-on with nobody watching, and
// each reader's latency to a CPU change. The CPU windows focus nothing (every container at 1 Hz, as the table
// and the dashboard watch them); Berth's latency is measured twice with all containers watched: first with
// nothing focused, then with the spinner focused, as the container page charting it focuses it.
import { loadavg } from 'node:os';
import type Dockerode from 'dockerode';
import type { PrivateEngine } from '../test/harness/private-engine';
import { removeTestContainers, TEST_LABEL } from '../test/harness/containers';
import { startBerthStats } from './berth-stats-reader';
import { alwaysOnWindow } from './stats-always-on';
import { startDockerStats } from './docker-stats-reader';
import { startIdleContainers, startSpinner } from './stats-containers';
import { measureLatency } from './stats-latency';
import type { StatsReader } from './stats-reader';
import { measureWindow, sleep, type WindowResult } from './stats-window';

export type ReaderKind = 'cli' | 'cgroup' | 'api';
export const readerKinds: ReaderKind[] = ['cli', 'cgroup', 'api'];

export interface RunOptions {
  seconds: number;
  trials: number;
  settleSeconds: number;
}

export interface ReaderResult {
  window?: WindowResult;
  /** Berth: with the spinner focused (what its chart gets); the CLI: its only way. */
  latencies?: number[];
  /** Berth: with nothing focused (the table's and the dashboard's 1 Hz). */
  unfocusedLatencies?: number[];
  errors: string[];
}

export interface CountResult {
  containers: number;
  idle: WindowResult[];
  readers: Record<ReaderKind, ReaderResult>;
  /** Berth recording every container always-on with nobody watching (stats-always-on.ts). */
  alwaysOn: { window?: WindowResult; errors: string[] };
}

// Between windows, so one reader's teardown (closing N API streams) does not land in the next window.
const pauseMs = 3_000;
const warmupTimeoutMs = 90_000;

function startReader(kind: ReaderKind, engine: PrivateEngine): Promise<StatsReader> {
  return kind === 'cli' ? startDockerStats(engine.dockerHost) : startBerthStats(engine.dockerHost, kind);
}

/** Every key a reader may use for a container (full id, short id, name) → its full id. */
async function containerKeys(docker: Dockerode): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const info of await docker.listContainers({ filters: { label: [TEST_LABEL] } })) {
    keys.set(info.Id, info.Id);
    keys.set(info.Id.slice(0, 12), info.Id);
    for (const name of info.Names) keys.set(name.replace(/^\//, ''), info.Id);
  }
  return keys;
}

/**
 * Waits until the reader has delivered a value for every watched container, then `settleSeconds`: what a reader
 * does once at start (the CLI's and Berth's JIT compiling, Berth's inspect of every container, its history's
 * first write to each tier file) is not the steady cost the windows compare.
 */
async function warmUp(reader: StatsReader, keys: Map<string, string>, settleSeconds: number): Promise<void> {
  const seen = new Set<string>();
  const wanted = new Set(keys.values()).size;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      console.warn(
        `[bench] ${reader.label}: values for only ${seen.size} of ${wanted} containers after ${warmupTimeoutMs / 1000} s; measuring anyway`,
      );
      stop();
      resolve();
    }, warmupTimeoutMs);
    const stop = reader.onSample((sample) => {
      const id = keys.get(sample.key);
      if (id === undefined || sample.cpuPercent === null) return;
      seen.add(id);
      if (seen.size < wanted) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
  await sleep(settleSeconds * 1000);
}

async function withReader<T>(
  kind: ReaderKind,
  engine: PrivateEngine,
  use: (reader: StatsReader) => Promise<T>,
): Promise<T> {
  const reader = await startReader(kind, engine);
  try {
    return await use(reader);
  } finally {
    await reader.stop();
    await sleep(pauseMs);
  }
}

async function idleWindow(engine: PrivateEngine, seconds: number, keys: Map<string, string>): Promise<WindowResult> {
  console.info(`[bench] engine idle for ${seconds} s (load average ${loadavg()[0]!.toFixed(2)})`);
  const window = await measureWindow(engine, undefined, seconds, keys);
  // One shim per running container, or the engine's CPU is not all counted.
  console.info(
    `[bench] engine processes: dockerd, containerd and ${window.shims} shims; ${((window.engineCpuSeconds / window.seconds) * 100).toFixed(2)} % of one core`,
  );
  return window;
}

export async function runCount(engine: PrivateEngine, count: number, options: RunOptions): Promise<CountResult> {
  const docker = engine.docker();
  const readers = Object.fromEntries(readerKinds.map((kind) => [kind, { errors: [] }])) as unknown as Record<
    ReaderKind,
    ReaderResult
  >;
  const result: CountResult = { containers: count, idle: [], readers, alwaysOn: { errors: [] } };
  try {
    console.info(`[bench] starting ${count} idle containers`);
    await startIdleContainers(docker, count);
    await sleep(options.settleSeconds * 1000);
    const keys = await containerKeys(docker);

    result.idle.push(await idleWindow(engine, options.seconds, keys));
    for (const kind of readerKinds) {
      try {
        result.readers[kind].window = await withReader(kind, engine, async (reader) => {
          await warmUp(reader, keys, options.settleSeconds);
          console.info(`[bench] ${reader.label} for ${options.seconds} s (load average ${loadavg()[0]!.toFixed(2)})`);
          return measureWindow(engine, reader, options.seconds, keys);
        });
      } catch (error) {
        result.readers[kind].errors.push((error as Error).message);
        console.error(`[bench] ${kind} window failed: ${(error as Error).message}`);
      }
    }
    try {
      result.alwaysOn.window = await alwaysOnWindow(engine, options.seconds, keys, options.settleSeconds);
    } catch (error) {
      result.alwaysOn.errors.push((error as Error).message);
      console.error(`[bench] always-on window failed: ${(error as Error).message}`);
    }
    await sleep(pauseMs);
    // A second idle window after the readers: the baseline is their mean, so drift of the engine's own
    // background work over the run is not charged to one reader.
    result.idle.push(await idleWindow(engine, options.seconds, keys));

    const spinner = await startSpinner(docker);
    try {
      for (const kind of readerKinds) {
        try {
          await withReader(kind, engine, async (reader) => {
            const measured = result.readers[kind];
            if (reader.focus) {
              console.info(`[bench] ${reader.label}: ${options.trials} latency trials, nothing focused`);
              measured.unfocusedLatencies = await measureLatency(reader, spinner, options.trials);
              console.info(`[bench] ${kind} latencies ms, unfocused: ${measured.unfocusedLatencies.join(', ')}`);
              await reader.focus([spinner.id]);
            }
            console.info(
              `[bench] ${reader.label}: ${options.trials} latency trials${reader.focus ? ', spinner focused' : ''}`,
            );
            measured.latencies = await measureLatency(reader, spinner, options.trials);
            console.info(
              `[bench] ${kind} latencies ms${reader.focus ? ', focused' : ''}: ${measured.latencies.join(', ')}`,
            );
          });
        } catch (error) {
          result.readers[kind].errors.push((error as Error).message);
          console.error(`[bench] ${kind} latency failed: ${(error as Error).message}`);
        }
      }
    } finally {
      await spinner.remove();
    }
  } finally {
    const removed = await removeTestContainers(docker);
    console.info(`[bench] removed ${removed} containers`);
  }
  return result;
}
