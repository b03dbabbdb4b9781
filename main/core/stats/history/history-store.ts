// Owns the on-disk stats history: every sample goes into three tiers (1 s for 15 min, 10 s for 6 h, 1 min
// for 7 days) per container, buffered in memory and written in batches off the tick's path, one flush at a
// time. Each tier is a circular file of fixed-size records (see README.md for why not a database), so a
// container's history is capped by construction; the whole store has a byte cap (least recently written
// containers dropped first), and a removed container's history is kept `removedRetentionDays`, then swept.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { statsFields, type StatsTick, type StatsValues } from '../../../shared/stats-types';
import { silentLogger, type Logger } from '../../logger';
import { assertContainerId } from './container-id';
import { ContainerHistory } from './container-history';
import { emptySummary, summarizeContainer, type FieldSummary, type SummaryRange } from './field-summary';
import { FileHandles } from './file-handles';
import type { HistoryRange, HistoryRow } from './history-row';
import { rangeRows } from './range-rows';
import { tierFileMaxBytes } from './record-codec';
import { containersOverCap, expiredContainers } from './store-bounds';
import { engineMarker, removedMarker, scanStore } from './store-scan';
import { readTierRows, readTierState, writeTierRows } from './tier-file';
import { historyTiers, tierFor, type HistoryTier } from './tiers';

export interface HistoryStoreOptions {
  dir: string;
  /** The store's clock (epoch ms): removal times and "now" for choosing a read's tier. */
  now?: () => number;
  /** How often buffered rows are written; 0 = only on `flush()` and `close()`. */
  flushIntervalMs?: number;
  /** Cap on the whole store's files. */
  totalCapBytes?: number;
  removedRetentionDays?: number;
  tiers?: readonly HistoryTier[];
  /** Tier files kept open between flushes (least recently written closed first). */
  maxOpenFiles?: number;
  log?: Logger;
}

const dayMs = 24 * 60 * 60 * 1000;
const width = statsFields.length;
const flushConcurrency = 32;

/** The most one container's files can take (all tiers full): the per-container cap. */
export function containerMaxBytes(tiers: readonly HistoryTier[] = historyTiers): number {
  return tiers.reduce((sum, tier) => sum + tierFileMaxBytes(tier, width), 0);
}

export class HistoryStore {
  private readonly containers = new Map<string, ContainerHistory>();
  private readonly handles: FileHandles;
  private readonly now: () => number;
  private readonly tiers: readonly HistoryTier[];
  private totalCapBytes: number;
  private retentionMs: number;
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private queuedFlush?: Promise<void>;
  private closed = false;

  private constructor(
    private readonly dir: string,
    options: HistoryStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.tiers = options.tiers ?? historyTiers;
    this.totalCapBytes = options.totalCapBytes ?? 512 * 1024 * 1024;
    this.retentionMs = (options.removedRetentionDays ?? 7) * dayMs;
    this.log = options.log ?? silentLogger;
    this.handles = new FileHandles(options.maxOpenFiles ?? 384);
  }

  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    const store = new HistoryStore(options.dir, options);
    await mkdir(options.dir, { recursive: true });
    for (const found of await scanStore(options.dir)) {
      const container = store.containerFor(found.id);
      container.bytes = found.bytes;
      container.dirMade = true;
      container.lastWriteMs = found.lastWriteMs;
      container.removedAt = found.removedAt;
      container.engine = found.engine;
    }
    const interval = options.flushIntervalMs ?? 5_000;
    if (interval > 0) {
      // A failed flush is logged where it fails (see `exclusive`); the timer only has to not leave it unhandled.
      store.timer = setInterval(() => store.flush().catch(() => undefined), interval);
      store.timer.unref();
    }
    return store;
  }

  /** Takes one stats tick: samples, ended series (a gap) and removed containers. Synchronous: memory only. */
  record(tick: StatsTick): void {
    for (const sample of tick.samples) this.append(sample.id, tick.t, sample.v);
    for (const ended of tick.ended) this.append(ended.id, tick.t, null);
    for (const id of tick.removed ?? []) this.markRemoved(id);
  }

  /** One sample; `values` null marks the series ended (stopped, or no longer readable). */
  append(id: string, t: number, values: StatsValues | null): void {
    this.assertOpen();
    // The end of a series the store has nothing of (never recorded, or dropped over the cap) is nothing to keep.
    const known = this.containers.get(id);
    if (values === null && !known) return;
    // A removed container takes no more rows: the engine's destroy event can come before the collector's last
    // sample or "ended" entry for it, and a row then would make its buckets again and keep them until the sweep,
    // days later (the soak's core heap grew with every churned container until this check).
    if (known?.removedAt !== undefined) return;
    this.containerFor(id).add(t, values);
  }

  /**
   * The engine `id`'s rows come from (its `docker info` ID), kept beside its files: a later run can then tell
   * which of that engine's containers went while Berth was not running. Set once; an id lives on one engine.
   */
  setEngine(id: string, engine: string): void {
    const container = this.containers.get(id);
    if (!container || container.engine !== undefined || container.removedAt !== undefined || !engine) return;
    container.engine = engine;
    container.enginePending = true;
  }

  /** Containers recorded from `engine` and not marked removed. */
  idsOf(engine: string): string[] {
    const ids: string[] = [];
    for (const container of this.containers.values())
      if (container.engine === engine && container.removedAt === undefined) ids.push(container.id);
    return ids;
  }

  /** The container is gone: its history stays `removedRetentionDays` from now, then a sweep drops it. */
  markRemoved(id: string): void {
    this.assertOpen();
    assertContainerId(id);
    // Nothing recorded, nothing to keep.
    const container = this.containers.get(id);
    if (!container || container.removedAt !== undefined) return;
    container.releaseBuckets();
    container.removedAt = this.now();
    container.removalPending = true;
  }

  /**
   * Rows of `id` in [from, to] at the finest tier that reaches back to `from` (or the tier named), oldest
   * first, including rows not flushed yet and the open bucket.
   */
  async read(id: string, from: number, to: number = this.now(), tierName?: HistoryTier['name']): Promise<HistoryRange> {
    assertContainerId(id);
    const named = tierName === undefined ? undefined : this.tiers.find((each) => each.name === tierName);
    const tier = named ?? tierFor(from, this.now(), this.tiers);
    const tierIndex = this.tiers.indexOf(tier);
    const container = this.containers.get(id);
    if (!container) return { id, tier: tier.name, stepMs: tier.stepMs, rows: [] };
    // Memory first: a flush landing while the file is read moves rows from memory to disk, and taken the other
    // way round they would be in neither (rangeRows keeps only memory rows newer than the disk's).
    const memory = container.memoryRows(tierIndex);
    const disk = await readTierRows(container.filePath(tier), tier, statsFields, from, to);
    return { id, tier: tier.name, stepMs: tier.stepMs, rows: rangeRows(tier, width, disk, memory, from, to) };
  }

  /** One field's mean, peak and last limit over [from, to] in one tier, memory included (see field-summary.ts). */
  async summarize(id: string, range: SummaryRange, tierName: HistoryTier['name']): Promise<FieldSummary> {
    const tierIndex = this.tiers.findIndex((each) => each.name === tierName);
    const container = this.containers.get(id);
    if (!container || tierIndex < 0) return emptySummary();
    return summarizeContainer(container, this.tiers[tierIndex]!, tierIndex, range);
  }

  /** The containers the store has history of (existing or removed, flushed or not). */
  ids(): string[] {
    return [...this.containers.keys()];
  }

  has(id: string): boolean {
    return this.containers.has(id);
  }

  /** Settings changed: the next sweep keeps removed containers this many days. */
  setRemovedRetentionDays(days: number): void {
    this.retentionMs = days * dayMs;
  }

  /** Settings changed: the sweep after the next flush drops the least recently written containers over this. */
  setTotalCapBytes(bytes: number): void {
    this.totalCapBytes = bytes;
  }

  get capBytes(): number {
    return this.totalCapBytes;
  }

  /** Writes every buffered row; a call while a flush waits to run joins that one. */
  flush(): Promise<void> {
    this.queuedFlush ??= this.exclusive(() => {
      this.queuedFlush = undefined;
      return this.flushOnce();
    });
    return this.queuedFlush;
  }

  /** Drops removed containers whose retention has passed. Runs after each flush too. */
  sweep(): Promise<void> {
    return this.exclusive(() => this.sweepNow());
  }

  /** Bytes the store's files take, as tracked (what the total cap is checked against). */
  get totalBytes(): number {
    let total = 0;
    for (const container of this.containers.values()) total += container.bytes;
    return total;
  }

  /** Finishes open buckets, writes everything and stops the timer; the store takes nothing after. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.timer);
    for (const container of this.containers.values()) container.finishBuckets();
    await this.flush();
    await this.handles.closeAll();
    this.closed = true;
  }

  private async flushOnce(): Promise<void> {
    const due = [...this.containers.values()].filter((container) => container.hasPending());
    // A few containers at a time: enough to keep the thread pool busy, few enough that the handles in use stay
    // far below the handle cache's size (it never closes one a write is using).
    for (let at = 0; at < due.length; at += flushConcurrency)
      await Promise.all(due.slice(at, at + flushConcurrency).map((container) => this.flushContainer(container)));
    await this.sweepNow();
    for (const id of containersOverCap(this.containers.values(), this.totalCapBytes))
      await this.drop(id, 'the store is over its total cap');
  }

  private async flushContainer(container: ContainerHistory): Promise<void> {
    try {
      if (!container.dirMade) await mkdir(container.dir, { recursive: true });
      container.dirMade = true;
      await Promise.all(this.tiers.map((_, index) => this.flushSeries(container, index)));
      if (container.enginePending && container.engine !== undefined) {
        container.enginePending = false;
        await writeFile(join(container.dir, engineMarker), container.engine);
        container.bytes += Buffer.byteLength(container.engine);
      }
      if (container.removalPending) {
        container.removalPending = false;
        const marker = String(container.removedAt);
        await writeFile(join(container.dir, removedMarker), marker);
        container.bytes += Buffer.byteLength(marker);
      }
      container.compact();
    } catch (error) {
      this.log.error(`[stats-history] could not write the history of ${container.id.slice(0, 12)}`, error);
    }
    container.lastWriteMs = Date.now();
  }

  /** Runs `work` after everything queued before it: flushes and sweeps never overlap (nor two flushes). */
  private exclusive(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(work);
    this.running = next.catch((error: unknown) => this.log.error('[stats-history] flush or sweep failed', error));
    return next;
  }

  private async sweepNow(): Promise<void> {
    for (const id of expiredContainers(this.containers.values(), this.now(), this.retentionMs))
      await this.drop(id, 'removed longer than the retention');
  }

  private async flushSeries(container: ContainerHistory, index: number): Promise<void> {
    const series = container.seriesToFlush(index);
    if (!series) return;
    series.inFlight = series.pending;
    series.pending = [];
    try {
      await this.writeSeries(container, index, series.inFlight);
    } catch (error) {
      // Losing this batch beats retrying it forever: the next flush starts from what the file says.
      container.setFileState(index, undefined);
      this.log.error(`[stats-history] could not write ${container.filePath(series.tier)}`, error);
    } finally {
      series.inFlight = [];
    }
  }

  private async writeSeries(container: ContainerHistory, index: number, rows: HistoryRow[]) {
    const tier = this.tiers[index]!;
    const path = container.filePath(tier);
    let state = container.fileState(index);
    if (!state) {
      const contents = await readTierState(path, tier, statsFields);
      if (contents.replaced) this.log.warn(`[stats-history] ${path} is in another format: starting it afresh`);
      state = contents.state;
      container.setFileState(index, state);
    }
    const before = state.bytes;
    // Rows not later than the file's newest (an open bucket finished at close, then resumed) would break time order.
    await writeTierRows(
      path,
      tier,
      statsFields,
      state,
      rows.filter((row) => row.t > state.lastT),
      this.handles,
    );
    container.bytes += state.bytes - before;
  }

  private async drop(id: string, why: string): Promise<void> {
    const container = this.containers.get(id);
    if (!container) return;
    this.containers.delete(id);
    container.dirMade = false;
    await this.handles.closeUnder(container.dir + sep);
    await rm(container.dir, { recursive: true, force: true });
    this.log.info(`[stats-history] dropped the history of ${id.slice(0, 12)}: ${why}`);
  }

  private containerFor(id: string): ContainerHistory {
    let container = this.containers.get(id);
    if (!container) {
      assertContainerId(id);
      container = new ContainerHistory(id, this.dir, this.tiers, width);
      this.containers.set(id, container);
    }
    return container;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the stats history store is closed');
  }
}
