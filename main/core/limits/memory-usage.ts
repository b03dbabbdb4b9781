// Owns finding a running container's current memory use before a memory limit is lowered, from the cheapest
// source that has it: the stats service's latest sample, the cgroup files, else one stats read from the engine.
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import { F, type StatsHistory } from '../../shared/stats-types';
import type { Logger } from '../logger';

export interface MemoryUsage {
  bytes: number;
  source: 'stats' | 'cgroup' | 'engine';
}

/** How recent a stats sample must be to stand for "now". */
const FRESH_SECONDS = 10;

interface EngineMemoryStats {
  memory_stats?: { usage?: number; stats?: Record<string, number> };
}

/** Docker's `docker stats` figure: usage minus inactive file cache (v1 total_inactive_file, v2 inactive_file). */
export function usageFromEngineStats(frame: EngineMemoryStats): number | null {
  const memory = frame.memory_stats;
  if (!memory || typeof memory.usage !== 'number') return null;
  const inactive = memory.stats?.total_inactive_file ?? memory.stats?.inactive_file ?? 0;
  return Math.max(0, memory.usage - (inactive < memory.usage ? inactive : 0));
}

export function latestFromHistory(history: StatsHistory): number | null {
  const { rows } = history;
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const value = rows[i].v[F.memBytes];
    if (value !== null) return value;
  }
  return null;
}

export interface UsageSources {
  history?: (id: string, seconds: number) => StatsHistory;
  kernelUsageBytes: number | null;
  docker: Dockerode;
  log: Logger;
}

export async function currentMemoryUsage(id: string, sources: UsageSources): Promise<MemoryUsage | null> {
  if (sources.history) {
    try {
      const bytes = latestFromHistory(sources.history(id, FRESH_SECONDS));
      if (bytes !== null) return { bytes, source: 'stats' };
    } catch (error) {
      // NOT_FOUND: nobody watches this container's stats; anything else is worth a line, then the next source.
      if (!(error instanceof BerthError && error.code === 'NOT_FOUND'))
        sources.log.warn(`[limits] stats history of ${id.slice(0, 12)} unavailable: ${String(error)}`);
    }
  }
  if (sources.kernelUsageBytes !== null) return { bytes: sources.kernelUsageBytes, source: 'cgroup' };
  // A remote engine: one sample through the API (1–1.6 s on engine 20.10), only when memory is being lowered.
  const frame = (await sources.docker.getContainer(id).stats({ stream: false })) as EngineMemoryStats;
  const bytes = usageFromEngineStats(frame);
  return bytes === null ? null : { bytes, source: 'engine' };
}
