// Owns the API collector, for engines whose cgroup files are not readable here (remote, in a VM): one
// long-lived `stats?stream=true` request per collected container (never polling with stream=false, which takes
// 1–1.6 s a call), keeping only the newest frame. The engine shares one collection between all its readers.
import type Dockerode from 'dockerode';
import type { Logger } from '../../logger';
import { engineMessage } from '../../connection/engine-errors';
import { JsonLinesSplitter } from '../../connection/json-lines';
import { frameToReading, isStoppedFrame, type StatsFrame } from './api-frame';
import { ReadStatus, type Collector, type ContainerFacts, type StatsHandle } from '../collector';
import type { RawReading } from '../derive';

type Closable = NodeJS.ReadableStream & { destroy?: () => void };

class ApiStatsHandle implements StatsHandle {
  goneReason = '';
  private readonly abort = new AbortController();
  private stream: Closable | null = null;
  private latest: StatsFrame | null = null;
  private latestAt = 0;
  private oomEvents = 0;

  constructor(
    private facts: ContainerFacts,
    docker: Dockerode,
    private readonly log: Logger,
  ) {
    void this.start(docker);
  }

  read(into: RawReading): ReadStatus {
    if (this.goneReason) return ReadStatus.Gone;
    const frame = this.latest;
    if (!frame) return ReadStatus.Stale;
    this.latest = null;
    if (isStoppedFrame(frame)) {
      this.end('the container stopped');
      return ReadStatus.Gone;
    }
    frameToReading(frame, this.facts, this.oomEvents, this.latestAt, into);
    return ReadStatus.Fresh;
  }

  limitsChanged(facts: ContainerFacts): void {
    this.facts = facts;
  }

  oomReported(): void {
    this.oomEvents += 1;
  }

  close(): void {
    this.abort.abort();
    this.stream?.destroy?.();
    this.stream = null;
  }

  private async start(docker: Dockerode): Promise<void> {
    let stream: Closable;
    try {
      // dockerode passes abortSignal on to the request; its typings only know `stream`.
      const options = { stream: true, abortSignal: this.abort.signal } as { stream: true };
      stream = (await docker.getContainer(this.facts.id).stats(options)) as unknown as Closable;
    } catch (error) {
      if (!this.abort.signal.aborted) this.end(`the engine refused its stats: ${engineMessage(error)}`);
      return;
    }
    if (this.abort.signal.aborted) {
      stream.destroy?.();
      return;
    }
    this.stream = stream;
    const splitter = new JsonLinesSplitter({
      value: (value) => {
        this.latest = value as StatsFrame;
        this.latestAt = Date.now();
      },
      // One bad line is not worth ending the series for; the next frame comes a second later.
      badLine: (line, reason) =>
        this.log.warn(
          `[stats] skipped an unreadable stats frame of ${this.facts.name} (${reason}): ${line.slice(0, 80)}`,
        ),
    });
    stream.on('data', (chunk: Buffer | string) => splitter.push(chunk));
    stream.on('end', () => this.end('the engine ended its stats stream'));
    stream.on('close', () => this.end('the engine closed its stats stream'));
    stream.on('error', (error: unknown) => this.end(`its stats stream failed: ${engineMessage(error)}`));
  }

  /** Only the first reason counts, and none once we closed the stream ourselves. */
  private end(reason: string): void {
    if (this.goneReason || this.abort.signal.aborted) return;
    this.goneReason = reason;
    this.close();
  }
}

export class ApiCollector implements Collector {
  readonly kind = 'api' as const;

  constructor(
    private readonly client: () => Dockerode,
    private readonly log: Logger,
  ) {}

  open(facts: ContainerFacts): StatsHandle {
    return new ApiStatsHandle(facts, this.client(), this.log);
  }

  dispose(): void {
    // Handles own their streams; the service closes them.
  }
}
