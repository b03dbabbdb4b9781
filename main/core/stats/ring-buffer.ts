// Owns one container's bounded history: a fixed number of rows (time + one value per field) in typed arrays
// allocated once, overwritten oldest-first when full. NaN stands for null, so a row of NaN marks a gap
// (the container stopped, or nobody watched it for a while) where charts break the line.

import type { StatsRow } from '../../shared/stats-types';

export class StatsRing {
  private readonly times: Float64Array;
  /** Row-major: row r's fields are values[r * width .. r * width + width). One write per tick stays contiguous. */
  private readonly values: Float64Array;
  /** Where the next row goes. */
  private head = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    readonly width: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity * width);
  }

  get length(): number {
    return this.count;
  }

  /** Bytes held by the typed arrays: constant for the ring's life. */
  get byteSize(): number {
    return this.times.byteLength + this.values.byteLength;
  }

  /** Appends a row (the first `width` values of `row`), dropping the oldest when full. */
  push(t: number, row: ArrayLike<number>): void {
    this.times[this.head] = t;
    const base = this.head * this.width;
    for (let f = 0; f < this.width; f += 1) this.values[base + f] = row[f];
    this.advance();
  }

  /** Appends a row of nothing, unless the newest row already is one (a gap needs marking once). */
  pushGap(t: number): void {
    if (this.count === 0 || this.newestIsGap()) return;
    this.times[this.head] = t;
    this.values.fill(NaN, this.head * this.width, (this.head + 1) * this.width);
    this.advance();
  }

  /** Copies the newest row's values into `row`; false when the ring is empty or its newest row is a gap. */
  copyNewest(row: Float64Array): boolean {
    if (this.count === 0 || this.newestIsGap()) return false;
    const base = ((this.head - 1 + this.capacity) % this.capacity) * this.width;
    for (let f = 0; f < this.width; f += 1) row[f] = this.values[base + f];
    return true;
  }

  /** Time of the newest row, NaN when empty. */
  newestTime(): number {
    return this.count === 0 ? NaN : this.times[(this.head - 1 + this.capacity) % this.capacity];
  }

  /** The newest row, null when empty; NaN turns into null as on the wire. */
  newest(): StatsRow | null {
    return this.count === 0 ? null : this.rowAt((this.head - 1 + this.capacity) % this.capacity);
  }

  /** Rows with time >= `since`, oldest first, in the shape ticks carry them. */
  toRows(since = -Infinity): StatsRow[] {
    const oldest = (this.head - this.count + this.capacity) % this.capacity;
    const rows: StatsRow[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const slot = (oldest + i) % this.capacity;
      if (this.times[slot] >= since) rows.push(this.rowAt(slot));
    }
    return rows;
  }

  private rowAt(slot: number): StatsRow {
    const base = slot * this.width;
    const v = new Array<number | null>(this.width);
    for (let f = 0; f < this.width; f += 1) {
      const value = this.values[base + f];
      v[f] = Number.isNaN(value) ? null : value;
    }
    return { t: this.times[slot], v };
  }

  private newestIsGap(): boolean {
    const base = ((this.head - 1 + this.capacity) % this.capacity) * this.width;
    for (let f = 0; f < this.width; f += 1) if (!Number.isNaN(this.values[base + f])) return false;
    return true;
  }

  private advance(): void {
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count += 1;
  }
}
