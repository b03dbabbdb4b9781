// Keeps the core's idea of what this window watches equal to what its components declared: one
// declarative `stats:watch` with the union, sent a moment after the declarations change (mounting a page
// withdraws and adds several at once), and sent again whenever the core may have forgotten it: the bridge
// reconnected (a new connection starts with nothing watched) or the engine came back. Also fetches the
// history that detail views ask for, once the watch that includes them is answered (the core keeps
// history only for watched containers), and again after a reconnect to fill the gap.
import type { StatsTick, StatsWatchResult } from '@shared/stats-types';
import type { BerthClient } from '../ipc/berth-client';
import { CountedKeys } from '../lib/counted-keys';
import { createStore, type ReadableStore } from '../lib/store';
import type { SeriesStore } from './series-store';
import { isEmptyUnion, unionKey, WatchRegistry, type WatchRequest, type WatchUnion } from './watch-registry';
import { errorMessage } from '@shared/error-message';

export type StatsClient = Pick<BerthClient, 'invoke' | 'on' | 'bridge'>;

export interface WatchSyncOptions {
  debounceMs?: number;
  log?: (message: string, ...details: unknown[]) => void;
}

export class WatchSync {
  private readonly registry = new WatchRegistry();
  private readonly historyWanted = new CountedKeys<string>();
  /** Histories to fetch once the core has answered the watch that covers them. */
  private readonly historyPending = new Set<string>();
  private inFlight = 0;
  private readonly metaStore = createStore<StatsWatchResult | null>(null);
  /** What the core last accepted (or is being sent); null when it must be sent again. */
  private sentKey: string | null = unionKey({ all: false, ids: [] });
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly debounceMs: number;
  private readonly log: (message: string, ...details: unknown[]) => void;

  /** The core's answer to the last watch: collector, interval, resolved ids. */
  readonly meta: ReadableStore<StatsWatchResult | null> = this.metaStore;

  constructor(
    private readonly client: StatsClient,
    private readonly series: SeriesStore,
    options: WatchSyncOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 40;
    this.log = options.log ?? ((message, ...details) => console.warn(message, ...details));
  }

  /** Listens for reconnects of the bridge and the engine; returns the function that stops. */
  start(): () => void {
    let engineConnected: boolean | null = null;
    const stops = [
      this.client.on('engine:status', (status) => {
        const connected = status.state === 'connected';
        // Also when the first status seen is `connected`: a watch sent while it was away may have failed.
        if (connected && engineConnected !== true) this.resync(false);
        engineConnected = connected;
      }),
    ];
    const bridge = this.client.bridge;
    if (bridge) {
      stops.push(
        bridge.state.subscribe(() => {
          const state = bridge.state.get();
          // The first open sends what was queued; a reconnect is a new client the core knows nothing of.
          if (state.state === 'open' && state.reconnected) this.resync(true);
          else if (state.state === 'open') this.schedule();
        }),
      );
    }
    return () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      for (const stop of stops) stop();
    };
  }

  /**
   * The tick without samples of containers this window does not watch. The core sends every window the samples
   * of everything it collects, which with always-on recording is every running container: kept, they would cost
   * each window up to 15 minutes of rows per container it never shows.
   */
  only(tick: StatsTick): StatsTick {
    const watching = this.metaStore.get()?.watching;
    // Declared ids may be names or short ids: the core's answer says which full ids they are.
    const kept = tick.samples.filter((sample) => this.registry.covers(sample.id) || watching?.includes(sample.id));
    return kept.length === tick.samples.length ? tick : { ...tick, samples: kept };
  }

  /** Declares a need; returns the function that withdraws it. */
  watch(request: WatchRequest): () => void {
    const release = this.registry.add(request);
    this.schedule();
    return () => {
      release();
      this.schedule();
    };
  }

  /**
   * Fetches a container's history into its series while at least one view asks for it: once a watch
   * naming its id is answered (the view declares that too), and again after reconnects.
   */
  requestHistory(id: string): () => void {
    if (!this.historyWanted.has(id)) {
      this.historyPending.add(id);
      this.schedule();
    }
    return this.historyWanted.add(id);
  }

  /**
   * Sends the union again even if unchanged, and refetches wanted histories. `newConnection`: the core
   * sees a new client, which watches nothing yet.
   */
  resync(newConnection: boolean): void {
    if (newConnection) this.metaStore.set(null);
    this.sentKey = null;
    for (const id of this.historyWanted.keys()) this.historyPending.add(id);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
  }

  private async flush(): Promise<void> {
    const union = this.registry.union();
    const key = unionKey(union);
    // Nothing watched, and the core watches nothing for this client that it told of: nothing to say.
    const nothingToSay = this.sentKey === null && isEmptyUnion(union) && this.metaStore.get() === null;
    if (key === this.sentKey || nothingToSay) {
      this.sentKey = key;
      // A watch still on its way fetches the pending histories when it is answered.
      if (this.inFlight === 0) this.fetchPendingHistories(union);
      return;
    }
    this.sentKey = key;
    this.inFlight += 1;
    try {
      const result = await this.client.invoke('stats:watch', union);
      if (this.sentKey === key) this.metaStore.set(result);
      if (result.intervalMs > 0) this.series.intervalMs = result.intervalMs;
      this.fetchPendingHistories(union);
    } catch (error) {
      // Sent again when the bridge reopens or the engine comes back, or at the next change.
      if (this.sentKey === key) this.sentKey = null;
      this.log(`[stats] could not update the watched containers: ${errorMessage(error)}`);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Fetches the pending histories that `covered` (a watch just answered) includes; the rest wait. */
  private fetchPendingHistories(covered: WatchUnion): void {
    for (const id of this.historyPending) {
      if (!covered.ids.includes(id) && this.historyWanted.has(id)) continue;
      this.historyPending.delete(id);
      // Withdrawn meanwhile (the view closed): nobody would look at it.
      if (this.historyWanted.has(id)) void this.fetchHistory(id);
    }
  }

  private async fetchHistory(id: string): Promise<void> {
    try {
      const history = await this.client.invoke('stats:history', {
        id,
        seconds: Math.round(this.series.retentionMs / 1000),
      });
      this.series.mergeHistory(history);
    } catch (error) {
      // A container removed meanwhile has no history: the live series (and its end) is all there is.
      this.log(`[stats] no history for ${id.slice(0, 12)}: ${errorMessage(error)}`);
    }
  }
}
