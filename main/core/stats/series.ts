// Owns one container's stats series: its ring of history (the last historyMs, however often it is sampled), the
// collector handle while it is collected, and the two readings whose difference makes each row. A series outlives segments: when the container stops or nobody
// watches it, collection ends with a gap row, and a later start continues the same ring after the gap.
import { statsFieldCount, type StatsCollectorKind } from '../../shared/stats-types';
import { ReadStatus, type ContainerFacts, type StatsHandle } from './collector';
import { deriveRow, RawReading, writeLimits, type EnforcedLimits } from './derive';
import { StatsRing } from '../../shared/stats-ring';

/** A row of nothing: where a segment ends, history has a gap and charts break the line. */
const gapRow: ReadonlyArray<null> = new Array<null>(statsFieldCount).fill(null);

/**
 * idle: not collected (nobody watches, or it has not been opened yet); opening: an inspect or open is under way;
 * live: collected every tick; stopped: the container is not running, waiting for its `start` event;
 * failed: no collector can read it (told once), until it starts again or the engine reconnects.
 */
export type SeriesState = 'idle' | 'opening' | 'live' | 'stopped' | 'failed';

export class Series {
  readonly ring: StatsRing;
  state: SeriesState = 'idle';
  handle: StatsHandle | null = null;
  kind: StatsCollectorKind | null = null;
  facts: ContainerFacts | null = null;
  /** Bumped whenever an open under way must be forgotten (stop, die, unwatch, disconnect). */
  generation = 0;
  /** Date.now() when the last client stopped watching it; 0 while watched. */
  unwatchedSince = 0;
  private previous = new RawReading();
  private current = new RawReading();
  private hasPrevious = false;
  private oomBase = NaN;

  /** Whether a client focuses it: the collection samples it at the fast interval rather than every tick. */
  focused = false;
  /** Readings closer together than this are not turned into a row: rates over a few ms are mostly noise. */
  minRowGapMs: number;
  /**
   * How long the collector may carry an idle container's counters other than CPU time (see StatsHandle.read);
   * 0 while focused, so a chart on screen gets every counter read every time.
   */
  carryMs = 0;

  constructor(
    readonly id: string,
    /** The most rows kept: history at the fastest interval (a focused series), so the time bound decides. */
    capacity: number,
    /** How long rows are kept: a series sampled every second holds this span in fewer rows than `capacity`. */
    private readonly historyMs: number,
    minRowGapMs: number,
  ) {
    this.ring = new StatsRing(capacity);
    this.minRowGapMs = minRowGapMs;
  }

  /** Starts a segment; reads a baseline at once so the first tick already has rates. */
  begin(handle: StatsHandle, kind: StatsCollectorKind, facts: ContainerFacts): void {
    this.handle = handle;
    this.kind = kind;
    this.facts = facts;
    this.state = 'live';
    this.previous.reset();
    this.current.reset();
    this.hasPrevious = handle.read(this.previous) === ReadStatus.Fresh;
    this.oomBase = this.hasPrevious ? this.previous.oomKills : NaN;
  }

  /** One tick: when the handle has new values, writes the row into `row` and the ring. */
  sample(t: number, hostMemoryBytes: number, row: Float64Array): ReadStatus {
    if (!this.handle) return ReadStatus.Stale;
    const status = this.handle.read(this.current, this.focused ? 0 : this.carryMs);
    if (status !== ReadStatus.Fresh) return status;
    if (this.hasPrevious && this.current.at - this.previous.at < this.minRowGapMs) return ReadStatus.Stale;
    if (Number.isNaN(this.oomBase)) this.oomBase = this.current.oomKills;
    deriveRow(this.hasPrevious ? this.previous : null, this.current, hostMemoryBytes, this.oomBase, row);
    const used = this.previous;
    this.previous = this.current;
    this.current = used;
    this.hasPrevious = true;
    // Bounded by time, not only by rows: focus (4 rows a second) and 1 Hz (1 a second) keep the same span.
    this.ring.dropBefore(t - this.historyMs + 1);
    this.ring.push(t, row);
    return ReadStatus.Fresh;
  }

  /**
   * The limits just changed (Berth updated them): writes a row at `now` (after the newest row, which a tick may
   * have written in the same millisecond) with the enforced limits and the newest row's measurements (the last
   * reading, not a new one: rates over the few ms since would be noise), so every chart moves its limit line
   * now from the core's own row. Returns the row's time, or null when there is no live row to follow.
   */
  restateLimits(now: number, limits: EnforcedLimits, hostMemoryBytes: number, row: Float64Array): number | null {
    if (this.state !== 'live' || !this.ring.copyNewest(row)) return null;
    const t = Math.max(now, (this.ring.lastTime ?? now) + 1);
    writeLimits(limits, hostMemoryBytes, row);
    this.ring.push(t, row);
    return t;
  }

  /** Ends the segment: closes the handle (which may throw: the caller logs it) and marks the gap. */
  stop(t: number, state: Exclude<SeriesState, 'live' | 'opening'>): void {
    this.generation += 1;
    this.state = state;
    // A gap needs marking once, and not in an empty ring; after the newest row even in the same millisecond.
    if (this.ring.length > 0 && !this.ring.newestIsEmpty())
      this.ring.push(Math.max(t, (this.ring.lastTime ?? t) + 1), gapRow);
    const handle = this.handle;
    this.handle = null;
    handle?.close();
  }
}
