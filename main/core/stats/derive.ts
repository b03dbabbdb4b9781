// Owns the math that turns raw counters into one stats row: two consecutive readings of a container's
// cumulative counters (CPU time, bytes, scheduler periods) become rates and percentages, and the kernel's
// limits become "limit or null", the way `docker stats` reports them. Both collectors fill the same RawReading.
import { F } from '../../shared/stats-types';

/** Kernels write "no limit" as a huge number (v1: 2^63 rounded down to a page); no real limit comes near 2^60. */
const unlimitedAbove = 2 ** 60;

/**
 * One reading of a container as a collector saw it. NaN = not available (or unlimited, for limits).
 * Collectors overwrite the same two instances per container every tick, so reading allocates nothing.
 */
export class RawReading {
  /** When the counters were read, in ms on a clock that only this series compares (monotonic or epoch). */
  at = NaN;
  /**
   * When the counters other than CPU time were read, on the same clock: earlier than `at` when a collector
   * carried them over from an earlier read (the cgroup collector does for a container whose CPU time did not
   * move). Rates of those counters are taken over this span. NaN: read with `at`, as every other collector does.
   */
  countersAt = NaN;
  /** Cumulative CPU time used, in ns. */
  cpuNs = NaN;
  /** CPU % already computed by the source (the engine's frames carry their own previous values). */
  cpuPercent = NaN;
  /** Cumulative CFS periods and throttled periods. */
  periods = NaN;
  throttledPeriods = NaN;
  /** Throttled % already computed by the source. */
  throttledPercent = NaN;
  memUsage = NaN;
  memInactiveFile = NaN;
  memLimit = NaN;
  swapLimit = NaN;
  cpuLimitCores = NaN;
  netRx = NaN;
  netTx = NaN;
  blkRead = NaN;
  blkWrite = NaN;
  pids = NaN;
  pidsLimit = NaN;
  /** Cumulative OOM kills as the source counts them (since the cgroup was created, or since collection began). */
  oomKills = NaN;

  /** Forgets everything: a new series segment starts from nothing. */
  reset(): void {
    Object.assign(this, blank);
  }

  /** Takes every value of `other` (a collector's copy of its last full read). */
  copyFrom(other: RawReading): void {
    Object.assign(this, other);
  }
}

const blank = Object.freeze(new RawReading());

function finite(value: number): boolean {
  return Number.isFinite(value);
}

/** A limit as the row shows it: NaN (null on the wire) for none, the kernel's sentinel, or at least `ceiling`. */
export function limitOrNone(value: number, ceiling = Infinity): number {
  if (!finite(value) || value <= 0 || value >= unlimitedAbove || value >= ceiling) return NaN;
  return value;
}

/** Cores from a CFS quota and period (µs); a quota of -1 (v1) or "max" (v2, read as Infinity) is no limit. */
export function cpuLimitFromQuota(quotaUs: number, periodUs: number): number {
  if (!finite(quotaUs) || quotaUs <= 0 || !finite(periodUs) || periodUs <= 0) return NaN;
  return quotaUs / periodUs;
}

/** `docker stats` memory: usage minus the inactive file cache the kernel can drop at once. */
export function memoryUsed(usage: number, inactiveFile: number): number {
  if (!finite(usage)) return NaN;
  return finite(inactiveFile) && inactiveFile < usage ? usage - inactiveFile : usage;
}

/** CPU used in % of one core: CPU time over wall time. */
export function cpuPercentOfCore(deltaCpuNs: number, deltaWallMs: number): number {
  if (!(deltaWallMs > 0) || !(deltaCpuNs >= 0)) return NaN;
  return (deltaCpuNs / (deltaWallMs * 1e6)) * 100;
}

/** Per-second rate of a cumulative counter; NaN when either end is unknown or the counter went back (reset). */
export function ratePerSecond(previous: number, current: number, deltaMs: number): number {
  if (!finite(previous) || !finite(current) || !(deltaMs > 0) || current < previous) return NaN;
  return ((current - previous) * 1000) / deltaMs;
}

/**
 * As ratePerSecond, but a counter carried over unchanged (no time between its two reads, same value) moved at
 * 0 per second: the collector carries counters only for a container that did not run.
 */
function counterRate(previous: number, current: number, deltaMs: number): number {
  return deltaMs === 0 && finite(current) && current === previous ? 0 : ratePerSecond(previous, current, deltaMs);
}

/** Share of CFS periods that were throttled; 0 when no period elapsed (no quota, or idle). */
export function throttledShare(deltaPeriods: number, deltaThrottled: number): number {
  if (!finite(deltaPeriods) || !finite(deltaThrottled) || deltaPeriods < 0 || deltaThrottled < 0) return NaN;
  return deltaPeriods === 0 ? 0 : Math.min(100, (deltaThrottled / deltaPeriods) * 100);
}

/** Two decimals are all a chart or a label shows; shorter numbers also keep every tick small on the wire. */
function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Writes one row (statsFields order, NaN for null) from the previous reading (null at a series' start) and
 * the current one. Rates need both readings; everything else comes from the current one.
 * `hostMemoryBytes`: a memory limit at or above the engine host's memory limits nothing.
 * `oomBase`: oomKills of the series' first reading, so the row counts kills since the series started.
 */
export function deriveRow(
  previous: RawReading | null,
  current: RawReading,
  hostMemoryBytes: number,
  oomBase: number,
  row: Float64Array,
): void {
  const deltaMs = previous ? current.at - previous.at : NaN;
  // Counters carried over since an earlier read (countersAt) are rates over the time since they were last read,
  // so a carried span's change is spread over the span rather than counted in its last second.
  const countersMs =
    previous && finite(current.countersAt) && finite(previous.countersAt)
      ? current.countersAt - previous.countersAt
      : deltaMs;
  let cpu = current.cpuPercent;
  if (!finite(cpu) && previous) cpu = cpuPercentOfCore(current.cpuNs - previous.cpuNs, deltaMs);
  let throttled = current.throttledPercent;
  if (!finite(throttled) && previous) {
    throttled = throttledShare(
      current.periods - previous.periods,
      current.throttledPeriods - previous.throttledPeriods,
    );
  }
  row[F.cpuPercent] = hundredths(cpu);
  row[F.cpuLimitCores] = limitOrNone(current.cpuLimitCores);
  row[F.memBytes] = memoryUsed(current.memUsage, current.memInactiveFile);
  row[F.memLimitBytes] = limitOrNone(current.memLimit, hostMemoryBytes > 0 ? hostMemoryBytes : Infinity);
  row[F.swapLimitBytes] = limitOrNone(current.swapLimit);
  row[F.netRxBytesPerSec] = Math.round(previous ? counterRate(previous.netRx, current.netRx, countersMs) : NaN);
  row[F.netTxBytesPerSec] = Math.round(previous ? counterRate(previous.netTx, current.netTx, countersMs) : NaN);
  row[F.blkReadBytesPerSec] = Math.round(previous ? counterRate(previous.blkRead, current.blkRead, countersMs) : NaN);
  row[F.blkWriteBytesPerSec] = Math.round(
    previous ? counterRate(previous.blkWrite, current.blkWrite, countersMs) : NaN,
  );
  row[F.pids] = current.pids;
  row[F.pidsLimit] = limitOrNone(current.pidsLimit);
  row[F.throttledPercent] = hundredths(throttled);
  row[F.oomKills] = finite(current.oomKills) && finite(oomBase) ? Math.max(0, current.oomKills - oomBase) : NaN;
}

/** The limits the engine enforces, as a limits update reports them (null = unlimited). */
export interface EnforcedLimits {
  cpus: number | null;
  memoryBytes: number | null;
  /** Memory + swap. */
  memorySwapBytes: number | null;
  pidsLimit: number | null;
}

/** Writes enforced limits into a row's limit fields, the way deriveRow writes the collectors' own. */
export function writeLimits(limits: EnforcedLimits, hostMemoryBytes: number, row: Float64Array): void {
  row[F.cpuLimitCores] = limitOrNone(limits.cpus ?? NaN);
  row[F.memLimitBytes] = limitOrNone(limits.memoryBytes ?? NaN, hostMemoryBytes > 0 ? hostMemoryBytes : Infinity);
  row[F.swapLimitBytes] = limitOrNone(limits.memorySwapBytes ?? NaN);
  row[F.pidsLimit] = limitOrNone(limits.pidsLimit ?? NaN);
}

/** A row as it goes on the wire: NaN becomes null. */
export function rowToValues(row: Float64Array): Array<number | null> {
  const values = new Array<number | null>(row.length);
  for (let i = 0; i < row.length; i += 1) values[i] = Number.isNaN(row[i]) ? null : row[i];
  return values;
}
