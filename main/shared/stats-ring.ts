// One container's stats series as a ring buffer, the one both sides keep: the core's history of each
// collected container (allocated at full size once: appending in order allocates nothing) and the renderer's
// series (growing by doubling, merging fetched history out of order). Times in a Float64Array, each field in
// its own Float64Array (NaN = null), and a flag per row marking where the series ended (container stopped or
// removed). Bounded by row count; old rows fall off the front. Rows stay sorted by time, one per time.
import { statsFieldCount, statsFields, type StatsRow, type StatsValues } from './stats-types';

/** A row to merge, as ticks and history carry them; `v` null is an "ended" marker. */
export interface SeriesRow {
  t: number;
  v: StatsValues | null;
}

export class StatsRing {
  private capacity: number;
  private times: Float64Array;
  private columns: Float64Array[];
  private ended: Uint8Array;
  /** Index of the oldest row. */
  private head = 0;
  private size = 0;

  constructor(
    private readonly maxRows: number,
    initialCapacity = 64,
  ) {
    // Grows by doubling: a container seen for a minute should not hold 15 minutes of memory.
    this.capacity = Math.max(1, Math.min(maxRows, initialCapacity));
    this.times = new Float64Array(this.capacity);
    this.columns = statsFields.map(() => new Float64Array(this.capacity));
    this.ended = new Uint8Array(this.capacity);
  }

  get length(): number {
    return this.size;
  }

  get lastTime(): number | null {
    return this.size === 0 ? null : this.times[this.slot(this.size - 1)];
  }

  timeAt(i: number): number {
    return this.times[this.slot(i)];
  }

  /** Field `f` (index in `statsFields`) of row `i`, oldest first; null when unknown or an ended marker. */
  valueAt(i: number, f: number): number | null {
    const value = this.columns[f][this.slot(i)];
    return Number.isNaN(value) ? null : value;
  }

  isEndedAt(i: number): boolean {
    return this.ended[this.slot(i)] === 1;
  }

  /** Bytes held by the typed arrays: constant once grown to `maxRows`. */
  get byteSize(): number {
    return this.times.byteLength + this.ended.byteLength + this.columns.reduce((sum, c) => sum + c.byteLength, 0);
  }

  /** Appends a row; a row at the last row's time replaces it (dedupe), an older one is merged in order. */
  push(t: number, values: ArrayLike<number | null> | null): void {
    const last = this.lastTime;
    if (last !== null && t < last) {
      this.merge([{ t, v: values === null ? null : Array.from(values) }]);
      return;
    }
    if (last !== null && t === last) {
      this.write(this.size - 1, t, values);
      return;
    }
    if (this.size === this.capacity) {
      if (this.capacity < this.maxRows) this.resize(Math.min(this.maxRows, this.capacity * 2));
      else {
        // Full: the oldest row makes room.
        this.head = this.slot(1);
        this.size -= 1;
      }
    }
    this.size += 1;
    this.write(this.size - 1, t, values);
  }

  /**
   * Merges rows in any order (a fetched history) with the rows held: sorted by time, one row per time,
   * rows already held winning over incoming ones at the same time. Keeps the newest `maxRows`.
   */
  merge(incoming: readonly SeriesRow[]): void {
    if (incoming.length === 0) return;
    const rows = [...this.rows(), ...incoming].map((row, order) => ({ row, order }));
    rows.sort((a, b) => a.row.t - b.row.t || a.order - b.order);
    const unique: SeriesRow[] = [];
    for (const { row } of rows) {
      if (unique.length > 0 && unique[unique.length - 1].t === row.t) continue;
      unique.push(row);
    }
    const kept = unique.slice(-this.maxRows);
    this.head = 0;
    this.size = 0;
    if (kept.length > this.capacity) this.resize(Math.min(this.maxRows, Math.max(kept.length, this.capacity * 2)));
    for (const row of kept) {
      this.size += 1;
      this.write(this.size - 1, row.t, row.v);
    }
  }

  /** Drops rows older than `t`. */
  dropBefore(t: number): void {
    while (this.size > 0 && this.times[this.head] < t) {
      this.head = this.slot(1);
      this.size -= 1;
    }
  }

  rows(): SeriesRow[] {
    const rows: SeriesRow[] = [];
    for (let i = 0; i < this.size; i += 1) {
      rows.push({
        t: this.timeAt(i),
        v: this.isEndedAt(i) ? null : statsFields.map((_, f) => this.valueAt(i, f)),
      });
    }
    return rows;
  }

  /** The measured rows with time >= `since`, oldest first, as ticks and history carry them (ended markers left out). */
  toRows(since = -Infinity): StatsRow[] {
    const rows: StatsRow[] = [];
    let i = 0;
    while (i < this.size && this.timeAt(i) < since) i += 1;
    for (; i < this.size; i += 1)
      if (!this.isEndedAt(i)) rows.push({ t: this.timeAt(i), v: statsFields.map((_, f) => this.valueAt(i, f)) });
    return rows;
  }

  /** Copies the newest row into `row` (NaN for null); false when there is none or it holds no value at all. */
  copyNewest(row: Float64Array): boolean {
    if (this.size === 0 || this.newestIsEmpty()) return false;
    for (let f = 0; f < statsFieldCount; f += 1) row[f] = this.valueAt(this.size - 1, f) ?? Number.NaN;
    return true;
  }

  /** Whether the newest row has no value at all (a gap already marked, or an ended marker). */
  newestIsEmpty(): boolean {
    if (this.size === 0) return false;
    for (let f = 0; f < statsFieldCount; f += 1) if (this.valueAt(this.size - 1, f) !== null) return false;
    return true;
  }

  /** The index of the first row with time > t (binary search: rows are sorted). */
  firstIndexAfter(t: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.timeAt(mid) <= t) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private write(i: number, t: number, values: ArrayLike<number | null> | null): void {
    const at = this.slot(i);
    this.times[at] = t;
    this.ended[at] = values === null ? 1 : 0;
    for (let f = 0; f < statsFieldCount; f += 1) {
      const value = values?.[f];
      this.columns[f][at] = typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
    }
  }

  private slot(i: number): number {
    return (this.head + i) % this.capacity;
  }

  private resize(capacity: number): void {
    const copy = (source: Float64Array | Uint8Array, target: Float64Array | Uint8Array) => {
      for (let i = 0; i < this.size; i += 1) target[i] = source[this.slot(i)];
    };
    const times = new Float64Array(capacity);
    const ended = new Uint8Array(capacity);
    const columns = this.columns.map((column) => {
      const next = new Float64Array(capacity);
      copy(column, next);
      return next;
    });
    copy(this.times, times);
    copy(this.ended, ended);
    this.times = times;
    this.ended = ended;
    this.columns = columns;
    this.capacity = capacity;
    this.head = 0;
  }
}
