// Owns the series being collected: one per wanted container, opened (inspect, then a collector) and closed as
// the wanted set changes; one timer at intervalMs that reads them all and runs only while something is
// collected; one `stats:tick` per tick carrying every new row, every series that ended and every container
// removed since the last one (so clients can drop what they keep of it too).
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
  /** Rows per ring: history seconds at the interval. */
  capacity: number;
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
  private readonly pendingEnded: StatsTick['ended'] = [];
  private readonly pendingRemoved: string[] = [];
  private readonly row = new Float64Array(statsFieldCount);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: CollectionOptions) {}

  /** Collects what is wanted and nothing else; resolves when the opens it started are done. */
  reconcile(wanted: ReadonlySet<string>): Promise<void> {
    const now = Date.now();
    const opens: Array<Promise<void>> = [];
    for (const id of wanted) {
      let series = this.series.get(id);
      if (!series) {
        series = new Series(id, this.options.capacity, this.options.intervalMs / 2);
        this.series.set(id, series);
      }
      series.unwatchedSince = 0;
      if (series.state === 'idle' && this.engine) opens.push(this.open(series));
    }
    for (const series of this.series.values()) {
      if (wanted.has(series.id)) continue;
      if (series.unwatchedSince === 0) series.unwatchedSince = now;
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

  private tick(): void {
    const t = Date.now();
    const hostMemory = this.engine?.hostMemoryBytes ?? 0;
    const samples: StatsTick['samples'] = [];
    const ended = this.pendingEnded.splice(0);
    const removed = this.pendingRemoved.splice(0);
    for (const series of this.series.values()) {
      if (series.state !== 'live') continue;
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

  /** The timer runs only while something is collected, or an `ended` or `removed` entry waits to be sent. */
  private updateTimer(): void {
    let needed = this.pendingEnded.length > 0 || this.pendingRemoved.length > 0;
    for (const series of this.series.values()) if (series.state === 'live' || series.state === 'opening') needed = true;
    if (needed && !this.timer) {
      this.timer = setInterval(() => this.tick(), this.options.intervalMs);
      // The core's transports keep the process alive; stats alone should not.
      this.timer.unref();
    } else if (!needed && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private stop(series: Series, state: 'idle' | 'stopped'): void {
    try {
      series.stop(Date.now(), state);
    } catch (error) {
      this.options.log.error(`[stats] closing the collection of ${series.id.slice(0, 12)} failed`, error);
    }
  }
}
