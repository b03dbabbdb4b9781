// Owns the guest collector, for engines in a VM whose cgroups the host cannot read: one stream from the
// in-guest collector carries every container's cgroup v2 counters once per tick (one SSH channel for all
// containers, no engine call), and each collected container's handle takes its entry from the newest frame.
// The stream runs only while something is collected. A container that leaves the frames ends like a stopped
// one; a stream that fails ends every handle and tells the chooser, which falls back for the engine.
import type { Logger } from '../../logger';
import {
  CollectorUnavailableError,
  ContainerGoneError,
  ReadStatus,
  type Collector,
  type ContainerFacts,
  type StatsHandle,
} from '../collector';
import type { RawReading } from '../derive';
import { entryToReading, GuestClock, parseGuestFrame, type GuestEntry } from './guest-frame';
import type { GuestStatsSource } from '../../guest-stats/guest-source';
import { errorMessage } from '../../../shared/error-message.js';

export interface GuestCollectorOptions {
  /** A new (not yet started) stream from the active engine, or null when it offers none. */
  source(): GuestStatsSource | null;
  intervalMs: number;
  log: Logger;
  /** The stream failed or ended by itself; every handle has ended with the reason. */
  failed(reason: string): void;
}

/** Frames in a row a newly opened container may be absent from (a frame read just before it started). */
const UNSEEN_FRAMES_LIMIT = 3;
/** Unreadable lines logged per stream; a guest that prints only garbage should not flood the log. */
const BAD_LINES_LOGGED = 5;

class GuestHandle implements StatsHandle {
  goneReason = '';
  private entry: GuestEntry | null = null;
  private at = NaN;
  private seen = false;
  private unseenFrames = 0;
  private oomEvents = 0;

  constructor(
    private facts: ContainerFacts,
    private readonly release: (handle: GuestHandle) => void,
  ) {}

  get id(): string {
    return this.facts.id;
  }

  /** The container's entry in a new frame. */
  offer(entry: GuestEntry, at: number): void {
    this.entry = entry;
    this.at = at;
    this.seen = true;
    this.unseenFrames = 0;
  }

  /** A new frame without the container. */
  missing(): void {
    if (this.seen) this.end('the container stopped (its cgroup is gone)');
    else if (++this.unseenFrames >= UNSEEN_FRAMES_LIMIT) this.end('the in-guest collector does not see its cgroup');
  }

  read(into: RawReading): ReadStatus {
    if (this.goneReason) return ReadStatus.Gone;
    const entry = this.entry;
    if (!entry) return ReadStatus.Stale;
    this.entry = null;
    const { hostNetwork, cpuLimitCores, memorySwapBytes, pidsLimit } = this.facts;
    entryToReading(
      entry,
      this.at,
      { hostNetwork, cpuLimitCores, memorySwapBytes, pidsLimit, oomEvents: this.oomEvents },
      into,
    );
    return ReadStatus.Fresh;
  }

  limitsChanged(facts: ContainerFacts): void {
    this.facts = facts;
  }

  oomReported(): void {
    this.oomEvents += 1;
  }

  end(reason: string): void {
    if (this.goneReason) return;
    this.goneReason = reason;
    this.release(this);
  }

  close(): void {
    this.release(this);
  }
}

export class GuestCollector implements Collector {
  readonly kind = 'guest' as const;
  private readonly handles = new Map<string, GuestHandle>();
  private readonly clock: GuestClock;
  private source: GuestStatsSource | null = null;
  private latest: { entries: GuestEntry[]; at: number } | null = null;
  private badLines = 0;

  constructor(private readonly options: GuestCollectorOptions) {
    this.clock = new GuestClock(options.intervalMs);
  }

  /** Whether the active engine offers an in-guest collector now; starts nothing (sources are lazy). */
  offered(): boolean {
    const probe = this.options.source();
    probe?.close();
    return probe !== null;
  }

  open(facts: ContainerFacts): StatsHandle {
    if (!facts.running) throw new ContainerGoneError(`${facts.name} is not running`);
    if (!this.source) this.startStream();
    const handle = new GuestHandle(facts, (closed) => this.release(closed));
    this.handles.set(facts.id, handle);
    // A stream already under way may hold the container: that frame is its baseline, and the first tick has rates.
    const entry = this.latest?.entries.find((candidate) => candidate.id === facts.id);
    if (entry && this.latest) handle.offer(entry, this.latest.at);
    return handle;
  }

  dispose(): void {
    this.stopStream();
  }

  private startStream(): void {
    const source = this.options.source();
    if (!source) throw new CollectorUnavailableError('the engine offers no in-guest stats collector');
    this.source = source;
    this.badLines = 0;
    void this.pump(source);
  }

  private stopStream(): void {
    const source = this.source;
    this.source = null;
    this.latest = null;
    source?.close();
  }

  private release(handle: GuestHandle): void {
    if (this.handles.get(handle.id) === handle) this.handles.delete(handle.id);
    if (this.handles.size === 0) this.stopStream();
  }

  private async pump(source: GuestStatsSource): Promise<void> {
    let reason: string;
    try {
      for await (const line of source.lines) {
        if (this.source !== source) return;
        this.onLine(line);
      }
      reason = 'it ended its stream';
    } catch (error) {
      reason = errorMessage(error);
    }
    if (this.source === source) this.fail(reason);
  }

  private onLine(line: string): void {
    const frame = parseGuestFrame(line);
    if (typeof frame === 'string') {
      this.badLines += 1;
      if (this.badLines <= BAD_LINES_LOGGED) {
        const more =
          this.badLines === BAD_LINES_LOGGED ? ' (further unreadable lines of this stream are not logged)' : '';
        this.options.log.warn(
          `[stats] skipped an unreadable in-guest stats line (${frame}): ${line.slice(0, 80)}${more}`,
        );
      }
      return;
    }
    const at = this.clock.advance(frame.t);
    const entries = frame.c as GuestEntry[];
    this.latest = { entries, at };
    const index = new Map<string, GuestEntry>();
    for (const entry of entries) index.set(entry.id, entry);
    // missing() may end a handle, which deletes it from the map: iterate over a copy.
    for (const handle of [...this.handles.values()]) {
      const entry = index.get(handle.id);
      if (entry) handle.offer(entry, at);
      else handle.missing();
    }
  }

  private fail(reason: string): void {
    // The chooser says it in the log, with what it falls back to.
    this.stopStream();
    for (const handle of [...this.handles.values()]) handle.end(`the in-guest stats collector stopped (${reason})`);
    this.handles.clear();
    this.options.failed(reason);
  }
}
