// Owns live per-container stats as the contract offers them: each client's declarative watch set (their union
// is collected, each container once), history on request, following the engine's container events (a stopped
// or removed container ends its series, a restarted one begins a new segment, `docker update` refreshes its
// limits), and pausing while the engine is away, resuming with everything re-resolved once it is back.
//
// History of a container nobody watches any more is kept for `keepUnwatchedMs` (2 min by default), so a page
// reload or a quick switch between views finds it again; a removed container's history goes at once. With
// recording on and a cheap collector the core watches every running container itself (recorder-watch.ts).
import type Dockerode from 'dockerode';
import type { EngineInfo } from '../../shared/engine-types';
import { BerthError } from '../../shared/errors';
import type { StatsCollectorKind, StatsHistory, StatsWatchResult } from '../../shared/stats-types';
import type { EngineEvent } from '../connection/engine-connection';
import type { EngineLink } from '../connection/engine-link';
import { toErrorInfo } from '../connection/engine-errors';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import type { ContainerFacts } from './collector';
import { CollectorChoice, type StatsCollectorChoice } from './collector-choice';
import { toContainerFacts } from './container-facts';
import type { EnforcedLimits } from './derive';
import { RecorderWatch, recorderClientId, type RecordingState } from './recorder-watch';
import { RunningSet } from './running-set';
import { limitConcurrency } from './limit-concurrency';
import { Collection } from './stats-collection';
import { WatchSets } from './watch-sets';

export type { StatsCollectorChoice } from './collector-choice';

/** Inspects that opening series sends at once (limit-concurrency.ts says why). */
const inspectsAtOnce = 4;

export interface StatsServiceOptions {
  connection: EngineLink;
  hub: Pick<EventHub, 'emit'>;
  log: Logger;
  /**
   * auto: the in-guest collector when the active engine offers one, else cgroup files when the engine is local
   * and they are readable from here, else the engine's API.
   */
  collector: StatsCollectorChoice;
  intervalMs?: number;
  /** How often a focused container (its chart on screen) is read; 250 ms by default. */
  focusIntervalMs?: number;
  /**
   * The longest an unfocused container whose CPU time did not move goes without its other counters read
   * again (5 s by default; 0 reads every counter every tick). See CgroupHandle.read.
   */
  idleCarryMs?: number;
  historySeconds?: number;
  procRoot?: string;
  cgroupRoot?: string;
  keepUnwatchedMs?: number;
}

type WatchRequest = { all?: boolean; ids?: string[]; focus?: string[] };

export class StatsService {
  private readonly sets = new WatchSets();
  private readonly running: RunningSet;
  private readonly chooser: CollectorChoice;
  private readonly collection: Collection;
  private readonly recorder: RecorderWatch;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Clients released while a watch of theirs was under way: that watch must not bring them back. */
  private readonly released = new Set<string>();
  private readonly unsubscribe: Array<() => void>;
  private readonly intervalMs: number;
  private readonly focusIntervalMs: number;
  private readonly historySeconds: number;
  private disposed = false;

  constructor(private readonly options: StatsServiceOptions) {
    const { connection, hub, log } = options;
    this.intervalMs = options.intervalMs ?? 1000;
    this.focusIntervalMs = Math.min(options.focusIntervalMs ?? 250, this.intervalMs);
    this.historySeconds = options.historySeconds ?? 900;
    const client = () => connection.client();
    this.running = new RunningSet(() => client().listContainers());
    this.chooser = new CollectorChoice({
      choice: options.collector,
      procRoot: options.procRoot ?? '/proc',
      cgroupRoot: options.cgroupRoot ?? '/sys/fs/cgroup',
      client,
      log,
      intervalMs: this.intervalMs,
      guestStats: (intervalMs) => connection.guestStats?.(intervalMs) ?? null,
      fellBack: () => {
        this.collection.close('guest');
        this.recorder.check();
        void this.reconcile();
      },
    });
    this.collection = new Collection({
      hub,
      log,
      intervalMs: this.intervalMs,
      focusIntervalMs: this.focusIntervalMs,
      historyMs: this.historySeconds * 1000,
      idleCarryMs: options.idleCarryMs ?? 5000,
      keepUnwatchedMs: options.keepUnwatchedMs ?? 120_000,
      chooser: this.chooser,
      inspect: limitConcurrency(inspectsAtOnce, async (id: string) =>
        toContainerFacts(await client().getContainer(id).inspect()),
      ),
      notRunning: (id) => this.running.noteStopped(id),
      missing: (id) => this.forget(id),
    });
    this.recorder = new RecorderWatch({
      collector: () => (this.collection.engine && !this.disposed ? this.chooser.kind : null),
      watchAll: (on) => this.recordAll(on),
    });
    this.unsubscribe = [
      connection.onEngineEvent((event) => this.onEngineEvent(event)),
      connection.onConnected((info) => this.onConnected(info)),
      connection.onStatus((status) => {
        if (status.state !== 'connected') this.collection.pause('the engine went away');
        this.recorder.check();
      }),
    ];
    if (connection.status.state === 'connected') this.adopt(connection.status.info);
  }

  /** Replaces this client's watch set; resolves once every watched running container is being collected. */
  watch(clientId: string, request: WatchRequest): Promise<StatsWatchResult> {
    // One client's calls apply in order, so a slow older call cannot overwrite a newer set.
    const apply = () => this.applyWatch(clientId, request);
    const next = (this.queues.get(clientId) ?? Promise.resolve()).then(apply, apply);
    this.queues.set(clientId, next);
    const settled = () => {
      if (this.queues.get(clientId) !== next) return;
      this.queues.delete(clientId);
      this.released.delete(clientId);
    };
    next.then(settled, settled);
    return next;
  }

  history(ref: string, seconds?: number): StatsHistory {
    const series = this.collection.find(ref);
    if (!series)
      throw new BerthError(
        'NOT_FOUND',
        `Berth has no stats history for ${ref}: it keeps history only for running containers someone watches.`,
      );
    return { id: series.id, rows: series.ring.toRows(Date.now() - (seconds ?? this.historySeconds) * 1000) };
  }

  /** Which collector reads a container now (tests and diagnostics); null when it is not being collected. */
  collectorOf(ref: string): StatsCollectorKind | null {
    const series = this.collection.find(ref);
    return series?.state === 'live' ? series.kind : null;
  }

  /** Recording's setting: when allowed and the collector is cheap, the core watches every running container. */
  setRecording(enabled: boolean): void {
    this.recorder.setEnabled(enabled);
  }

  /** How recording goes now (stats:recording), with the number of containers being collected. */
  recording(): RecordingState & { recording: number } {
    return { ...this.recorder.state, recording: this.collection.liveCount() };
  }

  releaseClient(clientId: string): void {
    if (this.queues.has(clientId)) this.released.add(clientId);
    if (this.sets.release(clientId)) void this.reconcile();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    this.collection.dispose();
    this.chooser.dispose();
  }

  private async applyWatch(clientId: string, request: WatchRequest): Promise<StatsWatchResult> {
    if (this.disposed) throw new BerthError('INTERNAL', 'Berth is shutting down its stats.');
    const docker = this.options.connection.client();
    // A container removed just before the renderer's list caught up is not an error for a declarative set:
    // it is left out, and `watching` tells the client what is watched.
    const refs = [...new Set([...(request.ids ?? []), ...(request.focus ?? [])])];
    const inspected = await Promise.all(refs.map((ref) => this.inspectIfExists(docker, ref)));
    const resolved = new Map<string, ContainerFacts>();
    inspected.forEach((facts, i) => {
      if (facts) resolved.set(refs[i], facts);
    });
    const all = request.all === true;
    if (all) await this.running.ensureKnown();
    if (this.disposed) throw new BerthError('INTERNAL', 'Berth is shutting down its stats.');
    if (this.released.has(clientId))
      throw new BerthError('TRANSPORT_CLOSED', 'This client went away while its stats watch was being set up.');
    for (const facts of resolved.values()) this.collection.facts.set(facts.id, facts);
    const focus = (request.focus ?? []).flatMap((ref) => resolved.get(ref)?.id ?? []);
    this.sets.set(
      clientId,
      all,
      [...resolved.values()].map((facts) => facts.id),
      focus,
    );
    await this.reconcile();
    return {
      collector: this.chooser.kind,
      intervalMs: this.intervalMs,
      focusIntervalMs: this.focusIntervalMs,
      historySeconds: this.historySeconds,
      watching: this.sets.watchingOf(clientId, this.running.ids),
    };
  }

  /** Resolves a name or short id; null when no such container exists, other failures with the engine's message. */
  private async inspectIfExists(docker: Dockerode, ref: string): Promise<ContainerFacts | null> {
    try {
      return toContainerFacts(await docker.getContainer(ref).inspect());
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code === 'NOT_FOUND') return null;
      throw new BerthError(info.code, info.message);
    }
  }

  private reconcile(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    // The first open on a connection may find cgroup files unreadable (the collector becomes the API): re-decide.
    return this.collection
      .reconcile(this.sets.wanted(this.running.ids), this.sets.focused())
      .then(() => this.recorder.check());
  }

  private recordAll(on: boolean): void {
    if (on) this.sets.set(recorderClientId, true, []);
    else this.sets.release(recorderClientId);
    (on ? this.running.ensureKnown() : Promise.resolve())
      .then(() => this.reconcile())
      .catch((error: unknown) =>
        this.options.log.warn(`[stats] could not start recording every container: ${toErrorInfo(error).message}`),
      );
  }

  /** The container no longer exists: its series ends and no client watches it any more. */
  private forget(id: string): void {
    this.collection.remove(id, 'the container was removed');
    this.running.noteStopped(id);
    this.sets.forget(id);
  }

  private onEngineEvent(event: EngineEvent): void {
    const id = event.Actor.ID;
    if (event.Type !== 'container' || !id || this.disposed) return;
    const verb = event.Action.split(':', 1)[0].trim();
    if (verb === 'start' || verb === 'die' || verb === 'destroy' || verb === 'update') this.collection.facts.delete(id);
    switch (verb) {
      case 'start':
        this.running.noteStarted(id);
        this.collection.started(id);
        void this.reconcile();
        break;
      case 'die': {
        this.running.noteStopped(id);
        const code = event.Actor.Attributes.exitCode;
        this.collection.end(
          id,
          code === undefined ? 'the container stopped' : `the container exited with code ${code}`,
        );
        void this.reconcile();
        break;
      }
      case 'destroy':
        this.forget(id);
        void this.reconcile();
        break;
      case 'update':
        void this.refreshLimits(id);
        break;
      case 'oom':
        this.collection.find(id)?.handle?.oomReported();
        break;
    }
  }

  /**
   * Re-reads a live series' limits now (after `docker update`, or when Berth itself just changed them). With
   * `enforced` (what the engine confirmed to Berth's update), a row carrying them goes to every client at once,
   * so charts move their limit lines on the core's data rather than wait for the next sample.
   */
  async refreshLimits(id: string, enforced?: EnforcedLimits): Promise<void> {
    const series = this.collection.find(id);
    if (series?.state !== 'live') return;
    const generation = series.generation;
    try {
      const facts = toContainerFacts(await this.options.connection.client().getContainer(id).inspect());
      if (generation !== series.generation) return;
      series.handle?.limitsChanged(facts);
      if (enforced) this.collection.limitsUpdated(series.id, enforced);
    } catch (error) {
      // Removed right after its update: the destroy event ends the series.
      if (toErrorInfo(error).code !== 'NOT_FOUND')
        this.options.log.warn(
          `[stats] could not re-read the limits of ${id.slice(0, 12)}: ${toErrorInfo(error).message}`,
        );
    }
  }

  private adopt(info: EngineInfo): void {
    this.collection.engine = { cgroupVersion: info.cgroupVersion, hostMemoryBytes: info.memoryBytes };
    this.chooser.connected(this.options.connection.status);
    this.recorder.check();
  }

  private onConnected(info: EngineInfo): void {
    if (this.disposed) return;
    this.collection.pause('the engine reconnected');
    this.running.forget();
    this.adopt(info);
    if (this.sets.empty) return;
    // Re-resolve everything: containers may have started, stopped or gone while the engine was away.
    const listed = this.sets.anyAll() ? this.running.ensureKnown() : Promise.resolve();
    listed
      .then(() => this.reconcile())
      .catch((error: unknown) =>
        this.options.log.warn(`[stats] could not resume after the engine reconnected: ${toErrorInfo(error).message}`),
      );
  }
}
