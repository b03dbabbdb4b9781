// One container's part of the store: its three tiers' unflushed rows, what is known of its files, and the
// footprint the store's bounds are decided from.

import { join } from 'node:path';
import type { StatsValues } from '../../../shared/stats-types';
import type { ContainerFootprint } from './store-bounds';
import type { TierFileState } from './tier-file';
import { TierSeries } from './tier-series';
import type { HistoryTier } from './tiers';

export class ContainerHistory implements ContainerFootprint {
  readonly series: TierSeries[];
  /** Per tier, once read from disk (lazily, at the first flush or read that needs it). */
  readonly files: Array<TierFileState | undefined>;
  bytes = 0;
  lastWriteMs = 0;
  removedAt?: number;
  /** Its folder exists (found there, or made by an earlier flush). */
  dirMade = false;
  /** The removal marker still has to be written. */
  removalPending = false;
  /** The engine it ran on (`docker info`'s ID), once known; kept in its folder's `engine` file. */
  engine?: string;
  /** The engine file still has to be written. */
  enginePending = false;

  constructor(
    readonly id: string,
    readonly dir: string,
    tiers: readonly HistoryTier[],
    width: number,
  ) {
    this.series = tiers.map((tier) => new TierSeries(tier, width));
    this.files = tiers.map(() => undefined);
  }

  /** Per tier name, made once: every flush asks for them (a join a tier a container each 5 s, for nothing new). */
  private readonly paths = new Map<string, string>();

  filePath(tier: HistoryTier): string {
    let path = this.paths.get(tier.name);
    if (path === undefined) this.paths.set(tier.name, (path = join(this.dir, `${tier.name}.bin`)));
    return path;
  }

  add(t: number, values: StatsValues | null): void {
    for (const series of this.series) series.add(t, values);
  }

  finishBuckets(): void {
    for (const series of this.series) series.finishBucket();
  }

  /** Removed: open buckets become rows and their arrays go. */
  releaseBuckets(): void {
    for (const series of this.series) series.release();
  }

  hasPending(): boolean {
    return this.removalPending || this.enginePending || this.series.some((series) => series.pending.length > 0);
  }
}
