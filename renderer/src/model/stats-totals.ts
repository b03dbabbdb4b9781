// Engine-wide numbers from the latest stats: totals over the running containers, and the containers using
// the most CPU or memory. Pure, so the dashboard's arithmetic is tested without React.
import type { ContainerSummary } from '@shared/container-types';
import type { LatestStats } from '../stats/series-store';
import { valueOf } from '../stats/series-window';

export interface UsageTotals {
  /** Running containers on the list. */
  running: number;
  /** Of those, how many have reported stats (the rest are just starting). */
  reporting: number;
  /** Sum of CPU in % of one core. */
  cpuPercent: number;
  memBytes: number;
}

export interface Consumer {
  id: string;
  name: string;
  value: number;
  /** The container's own limit in the same unit (cores × 100 for CPU); null when unlimited. */
  limit: number | null;
}

export type ConsumerField = 'cpuPercent' | 'memBytes';

function liveStats(container: ContainerSummary, latest: ReadonlyMap<string, LatestStats>): LatestStats | null {
  if (container.state !== 'running') return null;
  const stats = latest.get(container.id);
  return stats && !stats.ended ? stats : null;
}

export function usageTotals(
  containers: readonly ContainerSummary[],
  latest: ReadonlyMap<string, LatestStats>,
): UsageTotals {
  const totals: UsageTotals = { running: 0, reporting: 0, cpuPercent: 0, memBytes: 0 };
  for (const container of containers) {
    if (container.state === 'running') totals.running += 1;
    const stats = liveStats(container, latest);
    if (!stats) continue;
    totals.reporting += 1;
    totals.cpuPercent += valueOf(stats.values, 'cpuPercent') ?? 0;
    totals.memBytes += valueOf(stats.values, 'memBytes') ?? 0;
  }
  return totals;
}

/** The `count` running containers using the most of `field`, largest first (ties by name). */
export function topConsumers(
  containers: readonly ContainerSummary[],
  latest: ReadonlyMap<string, LatestStats>,
  field: ConsumerField,
  count = 5,
): Consumer[] {
  const consumers: Consumer[] = [];
  for (const container of containers) {
    const stats = liveStats(container, latest);
    const value = stats ? valueOf(stats.values, field) : null;
    if (value === null) continue;
    const rawLimit = valueOf(stats?.values, field === 'cpuPercent' ? 'cpuLimitCores' : 'memLimitBytes');
    const limit = rawLimit === null ? null : field === 'cpuPercent' ? rawLimit * 100 : rawLimit;
    consumers.push({ id: container.id, name: container.name, value, limit });
  }
  consumers.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return consumers.slice(0, count);
}

/** CPU in % of one core as a share of the whole host, `cpus` cores: 200 % on 8 cores is 25 %. */
export function hostCpuShare(cpuPercent: number, cpus: number): number {
  return cpus > 0 ? cpuPercent / cpus : 0;
}
