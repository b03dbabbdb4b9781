// The renderer's live stats: one bounded series per container, fed by `stats:tick` events and fetched
// history, read through snapshots that stay the same object until something changed (what
// `useSyncExternalStore` needs). No query cache: a tick a second would churn it for nothing. Every row comes
// from the core, limits included: after a limits update the core itself sends a row with the new limits.
import type { StatsHistory, StatsTick, StatsValues } from '@shared/stats-types';
import { statsFieldCount } from '@shared/stats-types';
import { CountedKeys } from '../lib/counted-keys';
import { StatsRing } from '@shared/stats-ring';
import { seriesWindow, type SeriesWindow } from './series-window';

export interface LatestStats {
  id: string;
  /** Epoch ms of the newest sample. */
  t: number;
  /** The newest sample (`statsFields` order); kept after the series ended, as the last known values. */
  values: StatsValues;
  /** Set when the series ended after its newest sample (stopped, removed); cleared by a new sample. */
  ended: { t: number; reason: string } | null;
}

export interface SeriesStoreOptions {
  /** How long rows are kept: the longest range a chart shows. */
  retentionMs?: number;
  /** The most rows per container, whatever their times. */
  maxRows?: number;
  /** The core's tick interval; a pause longer than three of them draws as a gap. */
  intervalMs?: number;
  /** How often the core samples a focused (charted) container: its rows come this often. */
  focusIntervalMs?: number;
}

interface Series {
  buffer: StatsRing;
  latest: LatestStats | null;
  version: number;
}

export const defaultRetentionMs = 15 * 60_000;

export class SeriesStore {
  readonly retentionMs: number;
  intervalMs: number;
  private readonly maxRows: number;
  private readonly series = new Map<string, Series>();
  private readonly listeners = new Set<() => void>();
  private readonly windows = new Map<string, { version: number; to: number; window: SeriesWindow }>();
  /** Per container, how many views show it now: a removed container's series stays while one does. */
  private readonly shown = new CountedKeys<string>();
  /** Removed containers whose series stays only because a view still shows it. */
  private readonly removedButShown = new Set<string>();
  private allLatestCache: { version: number; map: ReadonlyMap<string, LatestStats> } | null = null;
  private version = 0;
  private tickT = 0;
  private lastPrune = 0;

  constructor(options: SeriesStoreOptions = {}) {
    this.retentionMs = options.retentionMs ?? defaultRetentionMs;
    this.intervalMs = options.intervalMs ?? 1000;
    // A little headroom over retention / interval, for ticks that arrive a bit faster than nominal; at the focused
    // interval, since a charted container's rows come that often. Other series hold fewer: prune() drops rows
    // older than the retention, and the ring grows only as rows arrive.
    const fastestMs = Math.min(this.intervalMs, options.focusIntervalMs ?? 250);
    this.maxRows = options.maxRows ?? Math.ceil((this.retentionMs / fastestMs) * 1.1);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The time of the newest tick (the core's clock), 0 before the first. */
  lastTick = (): number => this.tickT;

  applyTick(tick: StatsTick): void {
    this.tickT = Math.max(this.tickT, tick.t);
    for (const sample of tick.samples) {
      if (!Array.isArray(sample.v) || sample.v.length !== statsFieldCount) continue;
      const series = this.seriesFor(sample.id);
      // Bounded by time as rows arrive (one comparison mostly): maxRows is sized for the focused interval.
      series.buffer.dropBefore(tick.t - this.retentionMs);
      series.buffer.push(tick.t, sample.v);
      series.latest = { id: sample.id, t: tick.t, values: sample.v, ended: null };
      series.version += 1;
    }
    for (const end of tick.ended) {
      const series = this.series.get(end.id);
      // A series this window never saw has nothing to end.
      if (!series) continue;
      series.buffer.push(tick.t, null);
      if (series.latest) series.latest = { ...series.latest, ended: { t: tick.t, reason: end.reason } };
      series.version += 1;
    }
    // A removed container is dropped at once unless a view shows it (its page keeps its last stats on screen):
    // keeping every series for the retention would grow this window's memory with every container created
    // and removed (the soak's churn), for nothing.
    if (Array.isArray(tick.removed)) {
      for (const id of tick.removed) {
        if (this.shown.has(id)) this.removedButShown.add(id);
        else this.drop(id);
      }
    }
    if (tick.t - this.lastPrune > 30_000) this.prune(tick.t);
    this.changed();
  }

  mergeHistory(history: StatsHistory): void {
    const rows = history.rows.filter((row) => Array.isArray(row.v) && row.v.length === statsFieldCount);
    if (rows.length === 0) return;
    const series = this.seriesFor(history.id);
    series.buffer.merge(rows);
    series.buffer.dropBefore(Math.max(this.tickT, series.buffer.lastTime ?? 0) - this.retentionMs);
    if (!series.latest) {
      const last = rows.reduce((newest, row) => (row.t > newest.t ? row : newest));
      series.latest = { id: history.id, t: last.t, values: last.v, ended: null };
    }
    series.version += 1;
    this.changed();
  }

  /**
   * Declares that a view shows this container's series; returns the function that withdraws it. A removed
   * container's series stays while any view shows it and goes when the last one is withdrawn.
   */
  show(id: string): () => void {
    return this.shown.add(id, () => {
      if (!this.removedButShown.delete(id)) return;
      this.drop(id);
      this.changed();
    });
  }

  latest(id: string): LatestStats | null {
    return this.series.get(id)?.latest ?? null;
  }

  /** Every container's latest stats; the same Map until a tick or history changes anything. */
  allLatest(): ReadonlyMap<string, LatestStats> {
    if (this.allLatestCache?.version !== this.version) {
      const map = new Map<string, LatestStats>();
      for (const [id, series] of this.series) if (series.latest) map.set(id, series.latest);
      this.allLatestCache = { version: this.version, map };
    }
    return this.allLatestCache.map;
  }

  /**
   * The last `rangeSeconds` of a container's series, ending at `to` (default: the newest tick, so a
   * series that stopped keeps scrolling away). The same object while nothing it shows has changed.
   */
  window(id: string, rangeSeconds: number, to?: number): SeriesWindow | null {
    const series = this.series.get(id);
    if (!series) return null;
    const end = to ?? Math.max(this.tickT, series.buffer.lastTime ?? 0);
    const key = `${id}|${rangeSeconds}`;
    const cached = this.windows.get(key);
    if (cached && cached.version === series.version && cached.to === end) return cached.window;
    const window = seriesWindow(series.buffer, end - rangeSeconds * 1000, end, this.intervalMs * 3);
    this.windows.set(key, { version: series.version, to: end, window });
    return window;
  }

  /** Forgets containers with no row within the retention (removed long ago, or no longer watched). */
  private prune(now: number): void {
    this.lastPrune = now;
    for (const [id, series] of this.series) {
      series.buffer.dropBefore(now - this.retentionMs);
      if (series.buffer.length === 0) this.drop(id);
    }
  }

  /** Forgets everything kept for one container. */
  private drop(id: string): void {
    this.series.delete(id);
    for (const key of this.windows.keys()) if (key.startsWith(`${id}|`)) this.windows.delete(key);
  }

  private seriesFor(id: string): Series {
    let series = this.series.get(id);
    if (!series) this.series.set(id, (series = { buffer: new StatsRing(this.maxRows), latest: null, version: 0 }));
    return series;
  }

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
