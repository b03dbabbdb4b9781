// One container's part of the store: its three tiers' unflushed rows, what is known of its files, and the
// footprint the store's bounds are decided from. A removed container whose rows are all written keeps only
// that footprint (compact()): its history stays on disk for days, and a day of churn (compose up and down, a
// test suite's containers) is thousands of them, so each must cost bytes in memory, not its tiers' objects
// (about 1.8 KiB each before: the soak's core heap grew with every churned container).

import { join } from 'node:path';
import type { StatsValues } from '../../../shared/stats-types';
import type { HistoryRow } from './history-row';
import type { ContainerFootprint } from './store-bounds';
import type { TierFileState } from './tier-file';
import { TierSeries } from './tier-series';
import type { HistoryTier } from './tiers';

/** What a container being recorded holds per tier; made at its first sample, gone once it is compacted. */
interface LiveTiers {
  series: TierSeries[];
  /** Per tier, once read from disk (lazily, at the first flush that needs it). */
  files: Array<TierFileState | undefined>;
  /** Per tier name, made once: every flush asks for them (a join a tier a container each 5 s, for nothing new). */
  paths: Map<string, string>;
}

export class ContainerHistory implements ContainerFootprint {
  private live: LiveTiers | undefined;
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

  /** `root`: the store's folder, the same string for every container (the folder's path is made when asked). */
  constructor(
    readonly id: string,
    private readonly root: string,
    private readonly tiers: readonly HistoryTier[],
    private readonly width: number,
  ) {}

  get dir(): string {
    return join(this.root, this.id);
  }

  filePath(tier: HistoryTier): string {
    const paths = this.live?.paths;
    let path = paths?.get(tier.name);
    if (path === undefined) {
      path = join(this.dir, `${tier.name}.bin`);
      paths?.set(tier.name, path);
    }
    return path;
  }

  add(t: number, values: StatsValues | null): void {
    for (const series of this.liveTiers().series) series.add(t, values);
  }

  finishBuckets(): void {
    for (const series of this.live?.series ?? []) series.finishBucket();
  }

  /** Removed: open buckets become rows and their arrays go. */
  releaseBuckets(): void {
    for (const series of this.live?.series ?? []) series.release();
  }

  hasPending(): boolean {
    return (
      this.removalPending ||
      this.enginePending ||
      (this.live?.series.some((series) => series.pending.length > 0 || series.inFlight.length > 0) ?? false)
    );
  }

  /** The tier's rows not on disk yet (see TierSeries.memoryRows); none once compacted. */
  memoryRows(tierIndex: number): HistoryRow[] {
    return this.live?.series[tierIndex]?.memoryRows() ?? [];
  }

  /** The tier's unwritten rows, for a flush; undefined when it has none. */
  seriesToFlush(tierIndex: number): TierSeries | undefined {
    const series = this.live?.series[tierIndex];
    return series && series.pending.length > 0 ? series : undefined;
  }

  fileState(tierIndex: number): TierFileState | undefined {
    return this.live?.files[tierIndex];
  }

  /** Undefined: read the file again at the next write (a write failed). */
  setFileState(tierIndex: number, state: TierFileState | undefined): void {
    this.liveTiers().files[tierIndex] = state;
  }

  /**
   * Removed and every row written (its marker too): lets go of its tiers' objects. A read then takes its rows
   * from the files alone, which hold them all; nothing writes to a removed container again.
   */
  compact(): void {
    if (this.removedAt !== undefined && !this.hasPending()) this.live = undefined;
  }

  private liveTiers(): LiveTiers {
    this.live ??= {
      series: this.tiers.map((tier) => new TierSeries(tier, this.width)),
      files: this.tiers.map(() => undefined),
      paths: new Map(),
    };
    return this.live;
  }
}
