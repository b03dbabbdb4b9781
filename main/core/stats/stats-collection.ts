// Owns the series being collected: one per wanted container, opened (inspect, then a collector) and closed as
// the wanted set changes; one timer at intervalMs that reads them all and runs only while something is
// collected; one `stats:tick` per tick carrying every new row, every series that ended and every container
// removed since the last one (so clients can drop what they keep of it too). Focused series (a chart shows them)
// are read by a second timer at focusIntervalMs instead, which runs only while one is collected, and go out in
// ticks of their own: a change shows within a fraction of a second where the 1 Hz tick would take 0.5 s on
// average, while everything else (the table, always-on recording) stays at one read a second.
import { statsFieldCount, type StatsCollectorKind, type StatsTick } from '../../shared/stats-types';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import { ContainerGoneError, ReadStatus, type ContainerFacts, type EngineFacts } from './collector';
import type { CollectorChoice } from './collector-choice';
import { rowToValues, type EnforcedLimits } from './derive';
import { Series } from './series';
import { errorMessage } from '../../shared/error-message.js';

export interface CollectionOptions {
  hub: Pick<EventHub, 'emit'>;
  log: Logger;
  intervalMs: number;
  /** How often focused series are read (clamped to intervalMs at most). */
  focusIntervalMs: number;
  /** How long each series' ring keeps rows. */
  historyMs: number;
  /** How long an idle container's counters other than CPU time may be carried over (Series.carryMs). */
  idleCarryMs: number;
  keepUnwatchedMs: number;
  chooser: CollectorChoice;
  inspect(id: string): Promise<ContainerFacts>;
  /** An open found the container not running (the running set may be stale) or not there at all. */
  notRunning(id: string): void;
  missing(id: string): void;
}

function isMissing(error: unknown): boolean {
  return (error as { statusCode?: number } | null)?.statusCode === 404;
}

export class Collection {
  /** Facts from recent inspects; the service drops them on every lifecycle event of the container. */
  readonly facts = new Map<string, ContainerFacts>();
  /** Null while the engine is away: nothing opens. */
  engine: EngineFacts | null = null;
  private readonly series = new Map<string, Series>();
  /** The series clients focus, read by the fast timer (and not by the 1 Hz one). */
  private readonly focused = new Set<Series>();
  private readonly pendingEnded: StatsTick['ended'] = [];
  private readonly pendingRemoved: string[] = [];
  private readonly row = new Float64Array(statsFieldCount);
  private timer: NodeJS.Timeout | null = null;
  private fastTimer: NodeJS.Timeout | null = null;
  private readonly focusIntervalMs: number;

  constructor(private readonly options: CollectionOptions) {
    this.focusIntervalMs = Math.min(options.focusIntervalMs, options.intervalMs);
  }

  /**
   * Collects what is wanted and nothing else, the `focused` ones (a subset) at the fast interval; resolves when
   * the opens it started are done.
   */
  reconcile(wanted: ReadonlySet<string>, focused: ReadonlySet<string> = new Set()): Promise<void> {
    const now = Date.now();
    const opens: Array<Promise<void>> = [];
    for (const id of wanted) {
      let series = this.series.get(id);
      if (!series) {
        // Rows for the whole history at the fast interval; a 1 Hz series is held to the same span by time.
        const capacity = Math.max(1, Math.ceil(this.options.historyMs / this.focusIntervalMs));
        series = new Series(id, capacity, this.options.historyMs, this.options.intervalMs / 2);
        series.carryMs = this.options.idleCarryMs;
        this.series.set(id, series);
      }
      series.unwatchedSince = 0;
      this.setFocus(series, focused.has(id));
      if (series.state === 'idle' && this.engine) opens.push(this.open(series));
    }
    for (const series of this.series.values()) {
      if (wanted.has(series.id)) continue;
      if (series.unwatchedSince === 0) series.unwatchedSince = now;
      this.setFocus(series, false);
      // No `ended` entry: the container still runs, only nobody watches it.
      if (series.state !== 'idle') this.stop(series, 'idle');
      if (now - series.unwatchedSince >= this.options.keepUnwatchedMs) this.series.delete(series.id);
    }
    this.updateTimer();
    return Promise.all(opens).then(() => undefined);
  }

  /** Series being collected now. */
  liveCount(): number {
    let count = 0;
    for (const series of this.series.values()) if (series.state === 'live') count += 1;
    return count;
  }

  /** A full id, a unique id prefix (short id), or a name. */
  find(ref: string): Series | undefined {
    const exact = this.series.get(ref);
    if (exact) return exact;
    const byPrefix = [...this.series.values()].filter((series) => series.id.startsWith(ref));
    if (byPrefix.length === 1) return byPrefix[0];
    return [...this.series.values()].find((series) => series.facts?.name === ref);
  }

  /** The container started: a series waiting for it begins a new segment at the next reconcile. */
  started(id: string): void {
    const series = this.series.get(id);
    if (series && (series.state === 'stopped' || series.state === 'failed')) series.state = 'idle';
  }

  /** The container stopped: its series ends, with an `ended` entry at the next tick if it was live. */
  end(id: string, reason: string): void {
    const series = this.series.get(id);
    if (!series) return;
    if (series.state === 'live') this.pendingEnded.push({ id, reason });
    if (series.state !== 'idle') this.stop(series, 'stopped');
    this.updateTimer();
  }

  /** The container was removed: its series ends and its history goes. */
  remove(id: string, reason: string): void {
    // Only a container this core collected can have a history in a client.
    if (this.series.has(id)) this.pendingRemoved.push(id);
    this.end(id, reason);
    const series = this.series.get(id);
    if (series) this.setFocus(series, false);
    this.series.delete(id);
    this.facts.delete(id);
    this.updateTimer();
  }

  /** Berth changed a live series' limits: one tick now carries them, in a row of the series (see restateLimits). */
  limitsUpdated(id: string, limits: EnforcedLimits): void {
    const t = this.series.get(id)?.restateLimits(Date.now(), limits, this.engine?.hostMemoryBytes ?? 0, this.row);
    if (t === undefined || t === null) return;
    this.options.hub.emit('stats:tick', { t, samples: [{ id, v: rowToValues(this.row) }], ended: [] });
  }

  /** A collector stopped working for the engine: its live series close (no `ended`: the containers still run) and reopen at the next reconcile. */
  close(kind: StatsCollectorKind): void {
    for (const series of this.series.values())
      if (series.kind === kind && series.state === 'live') this.stop(series, 'idle');
    this.updateTimer();
  }

  /** The engine went away: every collection stops now, and live series end in one last tick. */
  pause(reason: string): void {
    this.engine = null;
    this.facts.clear();
    for (const series of this.series.values()) {
      if (series.state === 'live') this.pendingEnded.push({ id: series.id, reason });
      if (series.state === 'live' || series.state === 'opening') this.stop(series, 'idle');
      // Whatever was stopped or failed is looked at again after the reconnection.
      else series.state = 'idle';
    }
    const ended = this.pendingEnded.splice(0);
    const removed = this.pendingRemoved.splice(0);
    if (ended.length > 0 || removed.length > 0)
      this.options.hub.emit('stats:tick', {
        t: Date.now(),
        samples: [],
        ended,
        ...(removed.length > 0 ? { removed } : {}),
      });
    this.updateTimer();
  }

  dispose(): void {
    for (const series of this.series.values()) this.stop(series, 'idle');
    this.series.clear();
    this.focused.clear();
    this.pendingEnded.length = 0;
    this.pendingRemoved.length = 0;
    this.updateTimer();
  }

  private async open(series: Series): Promise<void> {
    const generation = ++series.generation;
    series.state = 'opening';
    try {
      const facts = this.facts.get(series.id) ?? (await this.options.inspect(series.id));
      const engine = this.engine;
      if (generation !== series.generation || !engine) return;
      this.facts.set(series.id, facts);
      if (!facts.running) {
        series.state = 'stopped';
        this.options.notRunning(series.id);
        return;
      }
      const { handle, kind } = this.options.chooser.open(facts, engine);
      series.begin(handle, kind, facts);
    } catch (error) {
      if (generation !== series.generation) return;
      if (error instanceof ContainerGoneError) series.state = 'stopped';
      else if (isMissing(error)) this.options.missing(series.id);
      else {
        series.state = 'failed';
        const name = this.facts.get(series.id)?.name ?? series.id.slice(0, 12);
        this.options.log.warn(`[stats] cannot collect stats of ${name}: ${errorMessage(error)}`);
      }
    } finally {
      this.updateTimer();
    }
  }

  private setFocus(series: Series, focused: boolean): void {
    series.focused = focused;
    // Rates over less than half an interval are mostly noise; the fast interval allows shorter ones.
    series.minRowGapMs = (focused ? this.focusIntervalMs : this.options.intervalMs) / 2;
    if (focused) this.focused.add(series);
    else this.focused.delete(series);
  }

  /**
   * Reads the series of one cadence (`fast`: the focused ones, else the others) and sends what changed, with
   * whatever ended or was removed since the last tick of either.
   */
  private tick(fast: boolean): void {
    const t = Date.now();
    const hostMemory = this.engine?.hostMemoryBytes ?? 0;
    const samples: StatsTick['samples'] = [];
    const ended = this.pendingEnded.splice(0);
    const removed = this.pendingRemoved.splice(0);
    for (const series of fast ? this.focused : this.series.values()) {
      if (series.state !== 'live' || series.focused !== fast) continue;
      const status = series.sample(t, hostMemory, this.row);
      if (status === ReadStatus.Fresh) samples.push({ id: series.id, v: rowToValues(this.row) });
      else if (status === ReadStatus.Gone) {
        ended.push({ id: series.id, reason: series.handle?.goneReason || 'the container is gone' });
        this.stop(series, 'stopped');
      }
    }
    if (samples.length > 0 || ended.length > 0 || removed.length > 0)
      this.options.hub.emit('stats:tick', { t, samples, ended, ...(removed.length > 0 ? { removed } : {}) });
    this.updateTimer();
  }

  /**
   * The 1 Hz timer runs only while something is collected, or an `ended` or `removed` entry waits to be sent;
   * the fast one only while a focused series is collected.
   */
  private updateTimer(): void {
    const active = (series: Series) => series.state === 'live' || series.state === 'opening';
    let needed = this.pendingEnded.length > 0 || this.pendingRemoved.length > 0;
    for (const series of this.series.values()) if (active(series)) needed = true;
    let fastNeeded = false;
    for (const series of this.focused) if (active(series)) fastNeeded = true;
    this.timer = this.keepTimer(this.timer, needed, this.options.intervalMs, false);
    this.fastTimer = this.keepTimer(this.fastTimer, fastNeeded, this.focusIntervalMs, true);
  }

  private keepTimer(timer: NodeJS.Timeout | null, needed: boolean, ms: number, fast: boolean): NodeJS.Timeout | null {
    if (needed && !timer) {
      const started = setInterval(() => this.tick(fast), ms);
      // The core's transports keep the process alive; stats alone should not.
      started.unref();
      return started;
    }
    if (!needed && timer) {
      clearInterval(timer);
      return null;
    }
    return timer;
  }

  private stop(series: Series, state: 'idle' | 'stopped'): void {
    try {
      series.stop(Date.now(), state);
    } catch (error) {
      this.options.log.error(`[stats] closing the collection of ${series.id.slice(0, 12)} failed`, error);
    }
  }
}
