// Owns one container's rows of one tier that are not on disk yet: the bucket being filled and the finished
// rows waiting for the next batch write. Kept in memory only until a flush takes them; bounded by the tier's
// capacity so a disk that refuses writes cannot grow memory without end.

import type { StatsValues } from '../../../shared/stats-types';
import { Bucket } from './bucket';
import type { HistoryRow } from './history-row';
import type { HistoryTier } from './tiers';

export class TierSeries {
  private readonly bucket: Bucket;
  /** Finished rows, oldest first, waiting for a flush. */
  pending: HistoryRow[] = [];
  /** Rows a flush is writing right now: still readable from here until the write has landed. */
  inFlight: HistoryRow[] = [];

  constructor(
    readonly tier: HistoryTier,
    width: number,
  ) {
    this.bucket = new Bucket(width);
  }

  /** Adds a sample (null = the series ended here: an explicit gap). A sample older than the open bucket is dropped. */
  add(t: number, values: StatsValues | null): void {
    const start = Math.floor(t / this.tier.stepMs) * this.tier.stepMs;
    if (this.bucket.samples > 0) {
      if (start < this.bucket.start) return;
      if (start > this.bucket.start) this.finishBucket();
    }
    if (this.bucket.samples === 0) this.bucket.reset(start);
    this.bucket.add(values);
  }

  /** Closes the open bucket early (on close or removal): its row is final from here on. */
  finishBucket(): void {
    if (this.bucket.samples === 0) return;
    this.pending.push(this.bucket.toRow(this.tier.keepsRange));
    if (this.pending.length > this.tier.capacity) this.pending.shift();
    this.bucket.reset(Number.NaN);
  }

  /** The open bucket as a provisional row, for reads that want the newest seconds too. */
  openRow(): HistoryRow | undefined {
    return this.bucket.samples > 0 ? this.bucket.toRow(this.tier.keepsRange) : undefined;
  }

  /** Rows in memory (in flight, pending, then the open bucket), oldest first. */
  memoryRows(): HistoryRow[] {
    const open = this.openRow();
    return open ? [...this.inFlight, ...this.pending, open] : [...this.inFlight, ...this.pending];
  }
}
