// Owns every open stream of every client: keeps it under the id the client chose (so the client listens before
// it asks, and misses nothing of a stream that ends at once), batches what its source writes into `stream:data`
// events for the client that opened it (one event per stream per flush, not one per line: a container writing
// 10k lines a second must not become 10k events), ends it once with `stream:end`, and closes it when the
// client asks, when the client goes away, or when the core closes.
import { BerthError } from '../../shared/errors';
import type { StreamChunk, StreamFd, StreamOpened } from '../../shared/stream-types';
import { toErrorInfo } from '../connection/engine-errors';
import type { EventHub } from '../ipc/event-hub';
import { consoleLogger, type Logger } from '../logger';

/** What a stream's source writes to. */
export interface StreamSink {
  write(fd: StreamFd, text: string): void;
  /** Ends the stream (once; later calls are ignored): with the error that ended it, or a process's exit code. */
  end(result?: { error?: unknown; exitCode?: number | null }): void;
  /** True once the stream ended or was closed: the source should stop producing. */
  readonly closed: boolean;
}

/** Starts a source writing to the sink; resolves to the function that stops it (called on close). */
export type StreamSource = (sink: StreamSink) => Promise<() => void> | (() => void);

export interface StreamRegistryOptions {
  log?: Logger;
  /** How often buffered output is sent (ms). */
  flushMs?: number;
  /** Buffered characters of one stream above which it is sent at once, whatever the timer says. */
  flushChars?: number;
}

/** Per stream: a terminal sends each small write at once (an echoed keystroke must not wait for the timer). */
export interface StreamOpenOptions {
  /** Send what was written as soon as the current burst of writes is over (one event per burst), not on the timer. */
  immediate?: boolean;
}

interface OpenStream {
  clientId: string;
  immediate: boolean;
  /** An immediate stream's flush is queued for the end of the current burst. */
  flushQueued: boolean;
  label: string;
  pending: StreamChunk[];
  pendingChars: number;
  stop: (() => void) | null;
  ended: boolean;
}

export class StreamRegistry {
  private readonly streams = new Map<string, OpenStream>();
  private readonly log: Logger;
  private readonly flushMs: number;
  private readonly flushChars: number;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly hub: Pick<EventHub, 'emitTo'>,
    options: StreamRegistryOptions = {},
  ) {
    this.log = options.log ?? consoleLogger;
    this.flushMs = options.flushMs ?? 50;
    this.flushChars = options.flushChars ?? 256 * 1024;
  }

  /** Opens a stream for a client under its chosen id; a source that fails to start rejects here and leaves
   * nothing open. */
  async open(
    clientId: string,
    id: string,
    label: string,
    source: StreamSource,
    options: StreamOpenOptions = {},
  ): Promise<StreamOpened> {
    if (this.streams.has(id)) throw new BerthError('CONFLICT', `A stream with the id ${id} is already open.`);
    const stream: OpenStream = {
      clientId,
      immediate: options.immediate ?? false,
      flushQueued: false,
      label,
      pending: [],
      pendingChars: 0,
      stop: null,
      ended: false,
    };
    this.streams.set(id, stream);
    const sink = this.sinkFor(id, stream);
    try {
      const stop = await source(sink);
      if (stream.ended) stop();
      else stream.stop = stop;
    } catch (error) {
      this.streams.delete(id);
      throw error;
    }
    this.ensureTimer();
    return { id };
  }

  /** Closes a stream at its client's request; another client's stream is NOT_FOUND to it. */
  close(id: string, clientId: string): { id: string } {
    const stream = this.streams.get(id);
    if (stream && stream.clientId === clientId) this.finish(id, stream, {});
    return { id };
  }

  /** True when the stream is open and belongs to the client (for channels that write into a stream). */
  owns(id: string, clientId: string): boolean {
    const stream = this.streams.get(id);
    return stream !== undefined && !stream.ended && stream.clientId === clientId;
  }

  releaseClient(clientId: string): void {
    for (const [id, stream] of this.streams) {
      if (stream.clientId === clientId) this.finish(id, stream, {}, false);
    }
  }

  get openCount(): number {
    return this.streams.size;
  }

  dispose(): void {
    for (const [id, stream] of this.streams) this.finish(id, stream, {});
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private sinkFor(id: string, stream: OpenStream): StreamSink {
    return {
      write: (fd, text) => {
        if (stream.ended || text === '') return;
        const last = stream.pending.at(-1);
        if (last && last.fd === fd) last.text += text;
        else stream.pending.push({ fd, text });
        stream.pendingChars += text.length;
        if (stream.pendingChars >= this.flushChars) this.flush(id, stream);
        else if (stream.immediate && !stream.flushQueued) {
          // setImmediate runs after the I/O callbacks of this turn: the chunks a socket delivers together go
          // out as one event.
          stream.flushQueued = true;
          setImmediate(() => {
            stream.flushQueued = false;
            if (!stream.ended) this.flush(id, stream);
          });
        }
      },
      end: (result = {}) => this.finish(id, stream, result),
      get closed() {
        return stream.ended;
      },
    };
  }

  private finish(
    id: string,
    stream: OpenStream,
    result: { error?: unknown; exitCode?: number | null },
    notify = true,
  ): void {
    if (stream.ended) return;
    stream.ended = true;
    if (notify) this.flush(id, stream);
    this.streams.delete(id);
    try {
      stream.stop?.();
    } catch (error) {
      this.log.warn(`[streams] stopping ${stream.label} failed: ${String(error)}`);
    }
    if (!notify) return;
    const error = result.error === undefined ? null : toErrorInfo(result.error);
    this.hub.emitTo(stream.clientId, 'stream:end', { id, error, exitCode: result.exitCode ?? null });
  }

  private flush(id: string, stream: OpenStream): void {
    if (stream.pending.length === 0) return;
    const chunks = stream.pending;
    stream.pending = [];
    stream.pendingChars = 0;
    this.hub.emitTo(stream.clientId, 'stream:data', { id, chunks });
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const [id, stream] of this.streams) this.flush(id, stream);
      if (this.streams.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }, this.flushMs);
    this.timer.unref();
  }
}
