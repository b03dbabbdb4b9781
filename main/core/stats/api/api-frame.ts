// Owns reading one frame of the engine's stats stream (`GET /containers/<id>/stats?stream=true`) into a raw
// reading, computed the way the docker CLI does, for cgroup v1 and v2 engines alike.

import type { RawReading } from '../derive';
import type { ContainerFacts } from '../collector';

interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
  throttling_data?: { periods?: number; throttled_periods?: number };
}

/** The parts of a stats frame Berth reads. */
export interface StatsFrame {
  read?: string;
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  pids_stats?: { current?: number; limit?: number };
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/** The engine keeps streaming frames after the container stops, with a zero `read` time and no counters. */
export function isStoppedFrame(frame: StatsFrame): boolean {
  return typeof frame.read !== 'string' || frame.read.startsWith('0001-');
}

/**
 * The CLI's CPU %: the container's CPU time over the whole host's, times the online CPUs, so 100 = one core.
 * NaN for a stream's first frame, whose previous values are empty.
 */
export function dockerCpuPercent(frame: StatsFrame): number {
  const cpu = frame.cpu_stats;
  const pre = frame.precpu_stats;
  const preSystem = num(pre?.system_cpu_usage);
  if (!(preSystem > 0)) return NaN;
  const cpuDelta = num(cpu?.cpu_usage?.total_usage) - num(pre?.cpu_usage?.total_usage);
  const systemDelta = num(cpu?.system_cpu_usage) - preSystem;
  const online = num(cpu?.online_cpus) || cpu?.cpu_usage?.percpu_usage?.length || NaN;
  if (!(systemDelta > 0) || !(cpuDelta >= 0)) return systemDelta > 0 ? 0 : NaN;
  return (cpuDelta / systemDelta) * online * 100;
}

/** Throttled share within the frame (it carries the previous counters); NaN when those are missing. */
export function frameThrottledPercent(frame: StatsFrame): number {
  const now = frame.cpu_stats?.throttling_data;
  const pre = frame.precpu_stats?.throttling_data;
  const periods = num(now?.periods) - num(pre?.periods);
  const throttled = num(now?.throttled_periods) - num(pre?.throttled_periods);
  if (!(periods >= 0) || !(throttled >= 0)) return NaN;
  return periods === 0 ? 0 : Math.min(100, (throttled / periods) * 100);
}

/** v1 frames carry `total_inactive_file` (hierarchical), v2 frames `inactive_file`, as the CLI reads them. */
function inactiveFile(stats: Record<string, number> | undefined): number {
  if (!stats) return NaN;
  return 'total_inactive_file' in stats ? num(stats.total_inactive_file) : num(stats.inactive_file);
}

function sumNetworks(networks: StatsFrame['networks'], into: RawReading): void {
  // No `networks` at all: host or no network mode, where the container has no counters of its own.
  if (!networks) {
    into.netRx = into.netTx = NaN;
    return;
  }
  let rx = 0;
  let tx = 0;
  for (const name in networks) {
    rx += num(networks[name].rx_bytes) || 0;
    tx += num(networks[name].tx_bytes) || 0;
  }
  into.netRx = rx;
  into.netTx = tx;
}

function sumBlkio(entries: Array<{ op?: string; value?: number }> | null | undefined, into: RawReading): void {
  let read = 0;
  let write = 0;
  // v1 engines say "Read"/"Write", v2 engines "read"/"write"; an empty or null list is no I/O yet.
  for (const entry of entries ?? []) {
    const op = entry.op?.toLowerCase();
    if (op === 'read') read += num(entry.value) || 0;
    else if (op === 'write') write += num(entry.value) || 0;
  }
  into.blkRead = read;
  into.blkWrite = write;
}

/**
 * Fills a reading from a frame. Limits the frame lacks (CPU, swap, pids) come from the container's inspect;
 * the memory limit comes from the frame, which follows `docker update` at once. `oomKills` are the engine's
 * `oom` events counted by the caller: frames carry no OOM counter.
 */
export function frameToReading(
  frame: StatsFrame,
  facts: ContainerFacts,
  oomKills: number,
  receivedAt: number,
  into: RawReading,
): void {
  const readAt = typeof frame.read === 'string' ? Date.parse(frame.read) : NaN;
  into.at = Number.isFinite(readAt) ? readAt : receivedAt;
  into.cpuNs = num(frame.cpu_stats?.cpu_usage?.total_usage);
  into.cpuPercent = dockerCpuPercent(frame);
  into.periods = num(frame.cpu_stats?.throttling_data?.periods);
  into.throttledPeriods = num(frame.cpu_stats?.throttling_data?.throttled_periods);
  into.throttledPercent = frameThrottledPercent(frame);
  const memory = frame.memory_stats;
  into.memUsage = num(memory?.usage);
  into.memInactiveFile = inactiveFile(memory?.stats);
  into.memLimit = num(memory?.limit);
  into.swapLimit = facts.memorySwapBytes;
  into.cpuLimitCores = facts.cpuLimitCores;
  sumNetworks(frame.networks, into);
  sumBlkio(frame.blkio_stats?.io_service_bytes_recursive, into);
  into.pids = num(frame.pids_stats?.current);
  into.pidsLimit = facts.pidsLimit;
  into.oomKills = oomKills;
}
