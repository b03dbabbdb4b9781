// Owns recording: the on-disk history store at `<config dir>/stats-history`, fed every `stats:tick` the core
// emits (what the stats service collects: every running container when recording is always-on, else what
// windows watch), the removals the engine reports (so a removed container's history is kept only for the
// retention), and the recording settings (off stops feeding the store and the core's own watch; the retention
// days go to the store's sweep), and which engine each container ran on, so that on every connection the
// engine's containers that went while Berth was away are marked removed too. The store only buffers on a tick
// and writes on its own timer, so the tick's path stays in memory; close() finishes and writes everything (the
// core's close awaits it).
import { join } from 'node:path';
import { defaultHistoryCapMiB, defaultHistoryRetentionDays, type BerthSettings } from '../../shared/settings-types';
import type { StatsTick } from '../../shared/stats-types';
import { configDir } from '../config-dir';
import type { EngineLink } from '../connection/engine-link';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import { HistoryStore, type HistoryStoreOptions } from '../stats/history/history-store';
import type { StatsService } from '../stats/stats-service';

/** Tests only: a small cap, a clock, a faster flush. */
/** `dir` absent: `<config>/stats-history` (historyDir). */
export type RecorderStoreOptions = Partial<
  Pick<HistoryStoreOptions, 'dir' | 'totalCapBytes' | 'now' | 'flushIntervalMs'>
>;

export interface StatsRecorderOptions {
  env: NodeJS.ProcessEnv;
  hub: Pick<EventHub, 'subscribe'>;
  connection: Pick<EngineLink, 'onEngineEvent' | 'onConnected' | 'client'>;
  stats: Pick<StatsService, 'setRecording'>;
  settings: { get(): Promise<BerthSettings> };
  log: Logger;
  store?: RecorderStoreOptions;
}

export function historyDir(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'stats-history');
}

/** Ticks that arrive while the store opens (the first second or so): kept, then recorded in order. */
const maxQueuedTicks = 120;

export class StatsRecorder {
  /** The store once open; null before, or when it could not be opened (then nothing is recorded). */
  store: HistoryStore | null = null;
  /** Whether ticks go to the store (the setting is not 'off'). */
  enabled = false;
  retentionDays = defaultHistoryRetentionDays;
  /** The store's cap from the settings; a test's `store.totalCapBytes` wins until a setting names one. */
  capBytes = defaultHistoryCapMiB * 1024 * 1024;
  /** Resolves once the store is open (or failed to open) and the settings are applied. */
  readonly ready: Promise<void>;
  private readonly queued: StatsTick[] = [];
  private readonly unsubscribe: Array<() => void>;
  private closed = false;
  private warnedRecordFailure = false;
  /** The connected engine's ID (`docker info`), '' until one connects or when it has none. */
  private engine = '';

  constructor(private readonly options: StatsRecorderOptions) {
    this.unsubscribe = [
      // Ticks addressed to one client (none today) would be copies of what everyone gets.
      options.hub.subscribe((event, payload, to) => {
        if (event === 'stats:tick' && to === undefined) this.onTick(payload as StatsTick);
      }),
      options.connection.onEngineEvent((event) => {
        // Every removal, also of containers nobody collected (on-demand mode): their history then expires.
        if (event.Type === 'container' && event.Action === 'destroy' && event.Actor.ID) this.removed(event.Actor.ID);
      }),
      options.connection.onConnected((info) => {
        this.engine = info.engineId;
        void this.markGoneWhileAway(info.engineId);
      }),
    ];
    this.ready = this.start();
  }

  /** The settings changed (settings:update): the mode, the retention and the cap follow at once. */
  apply(settings: BerthSettings): void {
    this.enabled = settings.statsRecording !== 'off';
    this.retentionDays = settings.historyRetentionDays ?? defaultHistoryRetentionDays;
    this.store?.setRemovedRetentionDays(this.retentionDays);
    if (settings.historyCapMiB !== undefined) {
      this.capBytes = settings.historyCapMiB * 1024 * 1024;
      this.store?.setTotalCapBytes(this.capBytes);
    }
    this.options.stats.setRecording(this.enabled);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    await this.ready;
    await this.store?.close();
  }

  private async start(): Promise<void> {
    const { env, log } = this.options;
    try {
      this.apply(await this.options.settings.get());
    } catch (error) {
      // The settings store answers its defaults when the file is unreadable; this is a last resort.
      log.error('[stats-history] could not read the recording settings: recording with the defaults', error);
      this.apply({} as BerthSettings);
    }
    try {
      const store = await HistoryStore.open({
        removedRetentionDays: this.retentionDays,
        totalCapBytes: this.capBytes,
        log,
        ...this.options.store,
        dir: this.options.store?.dir ?? historyDir(env),
      });
      if (this.closed) {
        await store.close();
        return;
      }
      this.store = store;
      for (const tick of this.queued.splice(0)) this.onTick(tick);
    } catch (error) {
      log.error(
        `[stats-history] could not open the history store in ${this.options.store?.dir ?? historyDir(env)}: nothing is recorded`,
        error,
      );
    }
  }

  private onTick(tick: StatsTick): void {
    if (this.closed) return;
    if (!this.store) {
      if (this.queued.length < maxQueuedTicks) this.queued.push(tick);
      return;
    }
    for (const id of tick.removed ?? []) this.removed(id);
    if (!this.enabled) return;
    try {
      // The tick as it is, not a copy without `removed` (a copy a second for nothing): the store's markRemoved
      // of an id just marked above does nothing.
      this.store.record(tick);
      if (this.engine) for (const sample of tick.samples) this.store.setEngine(sample.id, this.engine);
    } catch (error) {
      // Only a malformed id can throw here: said once rather than every second.
      if (this.warnedRecordFailure) return;
      this.warnedRecordFailure = true;
      this.options.log.error('[stats-history] could not record a stats tick', error);
    }
  }

  /**
   * Containers recorded from this engine that it no longer has were removed while Berth was not connected (their
   * `destroy` events went unheard): marked removed now, so their history expires like any removed one's.
   */
  private async markGoneWhileAway(engine: string): Promise<void> {
    await this.ready;
    const recorded = engine && this.store && !this.closed ? this.store.idsOf(engine) : [];
    if (recorded.length === 0) return;
    let present: Set<string>;
    try {
      const listed = await this.options.connection.client().listContainers({ all: true });
      present = new Set(listed.map((container) => container.Id));
    } catch (error) {
      this.options.log.warn(
        `[stats-history] could not list the engine's containers to find removed ones: ${String(error)}`,
      );
      return;
    }
    // Another engine connected while the list was on its way: its containers are not this list's.
    if (engine !== this.engine) return;
    const gone = recorded.filter((id) => !present.has(id));
    for (const id of gone) this.removed(id);
    if (gone.length > 0)
      this.options.log.info(`[stats-history] ${gone.length} recorded containers were removed while Berth was away`);
  }

  private removed(id: string): void {
    if (!this.store || this.closed) return;
    try {
      this.store.markRemoved(id);
    } catch (error) {
      this.options.log.warn(`[stats-history] could not mark ${id.slice(0, 12)} removed: ${String(error)}`);
    }
  }
}
