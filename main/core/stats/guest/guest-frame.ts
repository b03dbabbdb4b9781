// Owns reading one line of the in-guest collector (`berth-guest-stats`, see guest-stats/guest-stats-protocol.ts) into a
// frame the guest collector can trust: anything that is not the agreed shape is refused with a reason, one bad
// container entry is dropped without losing the others, and the guest's clock becomes a timeline that never
// goes back, so rates stay right when the guest's clock is stepped (NTP, a resumed VM).
import type { GuestStatsFrame } from '../../guest-stats/guest-stats-protocol';
import type { RawReading } from '../derive';
import { errorMessage } from '../../../shared/error-message.js';

export type GuestEntry = GuestStatsFrame['c'][number] & {
  /** cpu.stat nr_periods, when the guest sends it (not in the agreed frame yet: see throttling below). */
  nrPeriods?: number | null;
};

/** Counter fields of an entry; each is a non-negative number or null (unknown, or "max" for limits). */
const counterFields = [
  'cpuUsec',
  'nrThrottled',
  'throttledUsec',
  'memBytes',
  'memMaxBytes',
  'inactiveFileBytes',
  'swapBytes',
  'oomKills',
  'pids',
  'pidsMax',
  'readBytes',
  'writeBytes',
  'rxBytes',
  'txBytes',
  'nrPeriods',
] as const;

/** Docker's CFS period (100 ms) unless `--cpu-period` says otherwise; the frame does not carry cpu.max. */
const ASSUMED_PERIOD_MS = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A valid entry (unknown counters become null), or null when it has no usable id. */
function toEntry(value: unknown): GuestEntry | null {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return null;
  const entry: Record<string, unknown> = { id: value.id };
  for (const field of counterFields) {
    const n = value[field];
    entry[field] = typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
  }
  return entry as GuestEntry;
}

/** A parsed line as a frame, or the reason it is not one. */
export function parseGuestFrame(line: string): GuestStatsFrame | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return errorMessage(error);
  }
  if (!isRecord(value)) return 'not a JSON object';
  if (typeof value.t !== 'number' || !Number.isFinite(value.t)) return 'no clock value `t`';
  if (!Array.isArray(value.c)) return 'no container list `c`';
  const entries: GuestEntry[] = [];
  for (const item of value.c) {
    const entry = toEntry(item);
    if (entry) entries.push(entry);
  }
  return { t: value.t, c: entries };
}

/**
 * The guest's clock as a timeline that only moves forward: normal steps are taken as they are; a step back (or
 * none) counts as one nominal interval, since the guest prints a frame per interval whatever its clock says.
 */
export class GuestClock {
  private lastT = NaN;
  private at = NaN;

  constructor(private readonly nominalMs: number) {}

  advance(t: number): number {
    if (Number.isNaN(this.lastT)) this.at = t;
    else this.at += t > this.lastT ? t - this.lastT : this.nominalMs;
    this.lastT = t;
    return this.at;
  }
}

function num(value: number | null | undefined): number {
  return value ?? NaN;
}

/** What the frame lacks comes from the container's inspect, as the API collector does. */
export interface EntryContext {
  hostNetwork: boolean;
  cpuLimitCores: number;
  memorySwapBytes: number;
  pidsLimit: number;
  /** OOM events the engine reported, for a guest kernel without memory.events. */
  oomEvents: number;
}

/** Fills a reading from one container's entry, read at `at` on the guest's timeline. */
export function entryToReading(entry: GuestEntry, at: number, context: EntryContext, into: RawReading): void {
  into.at = at;
  into.cpuNs = num(entry.cpuUsec) * 1000;
  into.cpuPercent = NaN;
  // Throttled % is the share of CFS periods throttled. Without nr_periods, elapsed wall time in periods stands
  // in: exact while the container is busy (the only time it is throttled), lower than the truth otherwise.
  into.periods = entry.nrPeriods ?? at / ASSUMED_PERIOD_MS;
  into.throttledPeriods = num(entry.nrThrottled);
  into.throttledPercent = NaN;
  into.memUsage = num(entry.memBytes);
  into.memInactiveFile = num(entry.inactiveFileBytes);
  // null is "max" (or unreadable): no limit to show.
  into.memLimit = num(entry.memMaxBytes);
  into.swapLimit = context.memorySwapBytes;
  into.cpuLimitCores = context.cpuLimitCores;
  // A host-network container reads the guest's own interfaces: not its traffic (docker stats shows none either).
  into.netRx = context.hostNetwork ? NaN : num(entry.rxBytes);
  into.netTx = context.hostNetwork ? NaN : num(entry.txBytes);
  into.blkRead = num(entry.readBytes);
  into.blkWrite = num(entry.writeBytes);
  into.pids = num(entry.pids);
  into.pidsLimit = entry.pidsMax ?? context.pidsLimit;
  into.oomKills = entry.oomKills ?? context.oomEvents;
}
