// One live connection to an engine: its event stream (one `GET /events` for everything) and a periodic health
// ping. It reports the first sign of loss once (stream ended or failed, ping refused, two pings in a row
// unanswered) and then stays closed; the connection decides what to do next.
import type Dockerode from 'dockerode';
import type { Logger } from '../logger';
import { parseEngineEvent, type EngineEvent } from './engine-event';
import { describeFailure, isNoAnswer, pingEngine } from './engine-probe';
import { JsonLinesSplitter } from './json-lines';

export interface EngineSessionOptions {
  healthIntervalMs: number;
  timeoutMs: number;
  log: Logger;
  onEvent(event: EngineEvent): void;
  onLost(reason: string): void;
}

export class EngineSession {
  private readonly abort = new AbortController();
  private healthTimer: NodeJS.Timeout | null = null;
  private stream: NodeJS.ReadableStream | null = null;
  private closed = false;
  /** Whether the last ping went unanswered within the deadline. */
  private missedPing = false;

  constructor(
    private readonly docker: Dockerode,
    private readonly options: EngineSessionOptions,
  ) {}

  /** Resolves once the engine has answered the events request; rejects if it does not within the deadline. */
  async open(): Promise<void> {
    const timer = setTimeout(
      () => this.abort.abort(new DOMException('timed out', 'TimeoutError')),
      this.options.timeoutMs,
    );
    let stream: NodeJS.ReadableStream;
    try {
      // The signal lives as long as the stream: aborting it is how close() ends the request.
      stream = await this.docker.getEvents({ abortSignal: this.abort.signal });
    } finally {
      clearTimeout(timer);
    }
    if (this.closed) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return;
    }
    this.stream = stream;
    const splitter = new JsonLinesSplitter({
      value: (value) => {
        const event = parseEngineEvent(value);
        if (event) this.options.onEvent(event);
        else this.options.log.warn(`[engine] skipped an event that is not one: ${JSON.stringify(value).slice(0, 200)}`);
      },
      badLine: (line, reason) =>
        this.options.log.warn(`[engine] skipped an unreadable event line (${reason}): ${line}`),
    });
    stream.on('data', (chunk: Buffer | string) => splitter.push(chunk));
    stream.on('end', () => {
      splitter.end();
      this.lose('the engine closed its event stream');
    });
    stream.on('error', (error: unknown) =>
      this.lose(`its event stream failed: ${describeFailure(error, this.options.timeoutMs)}`),
    );
    stream.on('close', () => this.lose('its event stream was closed'));
    this.scheduleHealth();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.healthTimer) clearTimeout(this.healthTimer);
    this.healthTimer = null;
    this.abort.abort();
    (this.stream as (NodeJS.ReadableStream & { destroy?: () => void }) | null)?.destroy?.();
    this.stream = null;
  }

  private lose(reason: string): void {
    if (this.closed) return;
    this.close();
    this.options.onLost(reason);
  }

  private scheduleHealth(): void {
    // A chain of timeouts rather than an interval, so a slow ping never overlaps the next one.
    this.healthTimer = setTimeout(() => void this.checkHealth(), this.options.healthIntervalMs);
    this.healthTimer.unref();
  }

  private async checkHealth(): Promise<void> {
    try {
      await pingEngine(this.docker, this.options.timeoutMs, this.abort.signal);
      this.missedPing = false;
    } catch (error) {
      if (this.closed) return;
      // One late answer is a busy engine or link (an emulated VM starting a container can take longer than
      // the deadline), and losing the session would fail every request in flight with it; two in a row is a
      // lost engine. A refused or reset connection is lost at once.
      if (isNoAnswer(error) && !this.missedPing) {
        this.missedPing = true;
        this.options.log.warn(
          `[engine] a health ping got ${describeFailure(error, this.options.timeoutMs)}; asking once more before calling the engine lost`,
        );
      } else {
        this.lose(`it stopped answering pings: ${describeFailure(error, this.options.timeoutMs)}`);
        return;
      }
    }
    if (!this.closed) this.scheduleHealth();
  }
}
