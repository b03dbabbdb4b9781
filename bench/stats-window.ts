// One measurement window of the stats benchmark: CPU seconds of the engine's processes and of a reader's
// processes over the same wall-clock stretch, the reader's RSS at its end, and how many samples it
// delivered per container.
import { performance } from 'node:perf_hooks';
import type { PrivateEngine } from '../test/harness/private-engine';
import { engineProcesses } from './engine-processes';
import { cpuSecondsBetween, cpuSnapshot } from './proc-usage';
import type { StatsReader } from './stats-reader';

export interface WindowResult {
  seconds: number;
  engineCpuSeconds: number;
  readerCpuSeconds?: number;
  readerRssBytes?: number;
  /** Samples received per watched container id (every watched container has an entry). */
  samples: Map<string, number>;
  /** How many shims the engine had at the start: should be one per running container. */
  shims: number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Measures for `seconds`. `containerKeys` maps every key a reader may use for a watched container (id,
 * short id, name) to that container, so samples of other containers are not counted.
 */
export async function measureWindow(
  engine: PrivateEngine,
  reader: StatsReader | undefined,
  seconds: number,
  containerKeys: Map<string, string>,
): Promise<WindowResult> {
  const samples = new Map([...new Set(containerKeys.values())].map((id) => [id, 0]));
  const stopCounting = reader?.onSample((sample) => {
    const id = containerKeys.get(sample.key);
    if (id !== undefined) samples.set(id, samples.get(id)! + 1);
  });
  const engineAtStart = engineProcesses(engine);
  const readerPids = reader?.pids() ?? [];
  const engineStart = cpuSnapshot(engineAtStart.all);
  const readerStart = cpuSnapshot(readerPids);
  const started = performance.now();
  await sleep(seconds * 1000);
  // Processes that appeared inside the window count from zero (cpuSecondsBetween).
  const engineEnd = cpuSnapshot([...new Set([...engineAtStart.all, ...engineProcesses(engine).all])]);
  const readerEnd = cpuSnapshot([...new Set([...readerPids, ...(reader?.pids() ?? [])])]);
  const elapsed = (performance.now() - started) / 1000;
  const readerRssBytes = reader?.rssBytes();
  stopCounting?.();

  const engineCpu = cpuSecondsBetween(engineStart, engineEnd);
  const readerCpu = cpuSecondsBetween(readerStart, readerEnd);
  for (const [what, lost] of [
    ['engine', engineCpu.lostPids],
    ['reader', readerCpu.lostPids],
  ] as const) {
    if (lost.length > 0)
      console.warn(
        `[bench] ${lost.length} ${what} process(es) exited inside the window; their last CPU is not counted`,
      );
  }
  return {
    seconds: elapsed,
    engineCpuSeconds: engineCpu.seconds,
    readerCpuSeconds: reader ? readerCpu.seconds : undefined,
    readerRssBytes,
    samples,
    shims: engineAtStart.shims.length,
  };
}
