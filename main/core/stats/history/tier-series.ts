// Owns one container's rows of one tier that are not on disk yet: the bucket being filled and the finished
// rows waiting for the next batch write. Kept in memory only until a flush takes them; bounded by the tier's
// capacity so a disk that refuses writes cannot grow memory without end.

import type { StatsValues } from '../../../shared/stats-types';
import { Bucket } from './bucket';
import type { HistoryRow } from './history-row';
import type { HistoryTier } from './tiers';

export class TierSeries {
  /**
   * Made at the first sample and let go when the container is removed: a removed container's history stays for
   * days, and thousands of them should cost their rows on disk, not five arrays a tier each in memory.
   */
  private bucket: Bucket | undefined;
  /** Finished rows, oldest first, waiting for a flush. */
  pending: HistoryRow[] = [];
  /** Rows a flush is writing right now: still readable from here until the write has landed. */
  inFlight: HistoryRow[] = [];

  constructor(
    readonly tier: HistoryTier,
    private readonly width: number,
  ) {}

  /** Adds a sample (null = the series ended here: an explicit gap). A sample older than the open bucket is dropped. */
  add(t: number, values: StatsValues | null): void {
    const start = Math.floor(t / this.tier.stepMs) * this.tier.stepMs;
    const bucket = (this.bucket ??= new Bucket(this.width));
    if (bucket.samples > 0) {
      if (start < bucket.start) return;
      if (start > bucket.start) this.finishBucket();
    }
    if (bucket.samples === 0) bucket.reset(start);
    bucket.add(values);
  }

  /** Closes the open bucket early (on close or removal): its row is final from here on. */
  finishBucket(): void {
    if (!this.bucket || this.bucket.samples === 0) return;
    this.pending.push(this.bucket.toRow(this.tier.keepsRange));
    if (this.pending.length > this.tier.capacity) this.pending.shift();
    this.bucket.reset(Number.NaN);
  }

  /** The open bucket as a provisional row, for reads that want the newest seconds too. */
  openRow(): HistoryRow | undefined {
    return this.bucket && this.bucket.samples > 0 ? this.bucket.toRow(this.tier.keepsRange) : undefined;
  }

  /** Closes the open bucket and lets its arrays go (the container was removed: no more samples expected). */
  release(): void {
    this.finishBucket();
    this.bucket = undefined;
  }

  /** Rows in memory (in flight, pending, then the open bucket), oldest first. */
  memoryRows(): HistoryRow[] {
    const open = this.openRow();
    return open ? [...this.inFlight, ...this.pending, open] : [...this.inFlight, ...this.pending];
  }
}
