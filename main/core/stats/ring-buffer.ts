// Owns one container's bounded history: a fixed number of rows (time + one value per field) in typed arrays
// allocated once, overwritten oldest-first when full. NaN stands for null, so a row of NaN marks a gap
// (the container stopped, or nobody watched it for a while) where charts break the line.

export interface RingColumns {
  t: number[];
  /** columns[f][i] is field f of row i, oldest first; null where the ring holds NaN. */
  columns: Array<Array<number | null>>;
}

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

  /** Time of the newest row, NaN when empty. */
  newestTime(): number {
    return this.count === 0 ? NaN : this.times[(this.head - 1 + this.capacity) % this.capacity];
  }

  /** Rows with time >= `since`, oldest first, as columns. */
  toColumns(since = -Infinity): RingColumns {
    const oldest = (this.head - this.count + this.capacity) % this.capacity;
    let skip = 0;
    while (skip < this.count && this.times[(oldest + skip) % this.capacity] < since) skip += 1;
    const n = this.count - skip;
    const t = new Array<number>(n);
    const columns = Array.from({ length: this.width }, () => new Array<number | null>(n));
    for (let i = 0; i < n; i += 1) {
      const slot = (oldest + skip + i) % this.capacity;
      t[i] = this.times[slot];
      const base = slot * this.width;
      for (let f = 0; f < this.width; f += 1) {
        const value = this.values[base + f];
        columns[f][i] = Number.isNaN(value) ? null : value;
      }
    }
    return { t, columns };
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
