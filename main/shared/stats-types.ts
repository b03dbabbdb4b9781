// The shape of live container stats on the wire: compact rows in one fixed field order, one tick event per
// second for all watched containers (and a few a second for the focused ones a chart shows), and history as the
// same rows (time + values), oldest first.

/** The order of values in every stats row. Rates are per second over the last tick. */
export const statsFields = [
  /** CPU used, in % of one core (100 = one core busy), as `docker stats` reports it. */
  'cpuPercent',
  /** The container's CPU limit in cores (quota / period, or NanoCpus); null = unlimited. */
  'cpuLimitCores',
  /** Memory used: usage minus inactive file cache, as `docker stats` reports it. */
  'memBytes',
  /** Memory limit; null = unlimited (the host's memory applies). */
  'memLimitBytes',
  /** Memory + swap limit; null = unlimited or not accounted by this kernel. */
  'swapLimitBytes',
  'netRxBytesPerSec',
  'netTxBytesPerSec',
  'blkReadBytesPerSec',
  'blkWriteBytesPerSec',
  'pids',
  /** null = unlimited. */
  'pidsLimit',
  /** Share of CPU scheduler periods in which the container was throttled, in % over the last tick. */
  'throttledPercent',
  /** OOM kills in the container's cgroup since its series started (cumulative). */
  'oomKills',
] as const;

export type StatsField = (typeof statsFields)[number];

/**
 * Where each field sits in a row (`v[F.memBytes]`): the one index the core writes and the renderer reads, so
 * a quantity has one name from the collector to the chart.
 */
export const F = Object.freeze(Object.fromEntries(statsFields.map((field, index) => [field, index]))) as {
  readonly [K in StatsField]: number;
};

export const statsFieldCount = statsFields.length;

/** One container's values at one tick, in `statsFields` order; null = unknown or unlimited. */
export type StatsValues = Array<number | null>;

export interface StatsTick {
  /** Epoch milliseconds of this tick. */
  t: number;
  samples: Array<{ id: string; v: StatsValues }>;
  /** Series that ended at this tick (container stopped or removed, or no longer readable). */
  ended: Array<{ id: string; reason: string }>;
  /**
   * Containers removed since the last tick: their history is gone in the core, and clients drop theirs too
   * (nothing can show a removed container). Absent when none was.
   */
  removed?: string[];
}

/** cgroup: files read on this host; api: the engine's stats API; guest: the VM's in-guest collector stream. */
export type StatsCollectorKind = 'cgroup' | 'api' | 'guest';

/** How many containers one client may focus (`stats:watch`'s `focus`): the charts on screen, not a table. */
export const maxFocusedContainers = 16;

export interface StatsWatchResult {
  collector: StatsCollectorKind;
  /** How often every watched container is sampled. */
  intervalMs: number;
  /**
   * How often a focused container is sampled (its rows and ticks come this often). The engine's stats API and
   * the VM's stream send about one frame a second whatever is asked: there focus changes nothing.
   */
  focusIntervalMs: number;
  /** How many seconds of history the core keeps per container. */
  historySeconds: number;
  /** The container ids this client now watches (resolved from `all`). */
  watching: string[];
}

/** One row of a container's series: its values at time `t`, as a tick carries them (`tick.t` + a sample's `v`). */
export interface StatsRow {
  /** Epoch milliseconds, on the core's clock. */
  t: number;
  v: StatsValues;
}

/** History of one container, oldest first: the rows its ticks carried (all null where the series had a gap). */
export interface StatsHistory {
  id: string;
  rows: StatsRow[];
}
