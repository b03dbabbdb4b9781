// Container logs: a follow is a stream (stream-registry.ts) of the engine's log output, demultiplexed into
// stdout and stderr by docker-modem's demuxer unless the container has a TTY (then one raw stream); it ends
// when the engine's log stream ends, saying why: the container stopped (its exit code), was removed, or the
// engine went away. Older lines come page by page (`fetch`) so the renderer keeps a bounded window.
// The core holds nothing of the output itself: the registry batches what arrives and sends it on.
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import type Dockerode from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { LogsPage } from '../../shared/log-types';
import type { StreamFd, StreamOpened } from '../../shared/stream-types';
import type { EngineLink } from '../connection/engine-link';
import type { StreamRegistry, StreamSink } from '../streams/stream-registry';
import { LineRing, LineSplitter, toChunks } from './log-lines';
import { untilJustBefore } from './log-time';

export interface FollowRequest {
  streamId: string;
  id: string;
  tail?: number;
  since?: number;
  until?: number;
}

type Output = (fd: StreamFd, data: Buffer) => void;

/** Feeds the engine's log stream to `output`, demultiplexed unless the container has a TTY. */
function readOutput(docker: Dockerode, stream: NodeJS.ReadableStream, tty: boolean, output: Output): void {
  if (tty) {
    stream.on('data', (data: Buffer) => output('stdout', data));
    return;
  }
  const to = (fd: StreamFd) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        output(fd, chunk);
        done();
      },
    });
  (docker.modem as { demuxStream: typeof docker.modem.demuxStream }).demuxStream(stream, to('stdout'), to('stderr'));
}

/** Calls `done` once, when the engine's stream ends, fails or is cut. */
function onceFinished(stream: NodeJS.ReadableStream, done: (error?: unknown) => void): void {
  let finished = false;
  const finish = (error?: unknown) => {
    if (finished) return;
    finished = true;
    done(error);
  };
  stream.on('end', () => finish());
  stream.on('error', (error: unknown) => finish(error));
  stream.on('close', () => finish());
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number } | null)?.statusCode === 404;
}

const removedError = (name: string) =>
  new BerthError('NOT_FOUND', `${name} was removed while its logs were open; nothing more will come.`);

export class LogsService {
  constructor(
    private readonly connection: EngineLink,
    private readonly streams: StreamRegistry,
  ) {}

  follow(clientId: string, request: FollowRequest): Promise<StreamOpened> {
    return this.streams.open(clientId, request.streamId, `logs of ${request.id}`, (sink) =>
      this.startFollow(sink, request),
    );
  }

  private async startFollow(sink: StreamSink, request: FollowRequest): Promise<() => void> {
    const docker = this.connection.client();
    // Inspect first: an absent container is refused here (nothing opened), and the TTY decides the demuxing.
    const info = await docker.getContainer(request.id).inspect();
    const name = info.Name.replace(/^\//, '');
    const stream = await docker.getContainer(info.Id).logs({
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: true,
      ...(request.tail !== undefined ? { tail: request.tail } : {}),
      ...(request.since !== undefined ? { since: request.since } : {}),
      ...(request.until !== undefined ? { until: request.until } : {}),
    });
    const decoders = new Map<StreamFd, StringDecoder>();
    readOutput(docker, stream, info.Config.Tty, (fd, data) => {
      let decoder = decoders.get(fd);
      if (!decoder) decoders.set(fd, (decoder = new StringDecoder('utf8')));
      sink.write(fd, decoder.write(data));
    });
    onceFinished(stream, (error) => {
      if (sink.closed) return;
      if (error !== undefined) sink.end({ error });
      else void this.endWithState(sink, docker, info.Id, name);
    });
    return () => (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }

  /** The engine ended the stream: the container stopped, is being removed, or `until` was reached. */
  private async endWithState(sink: StreamSink, docker: Dockerode, id: string, name: string): Promise<void> {
    try {
      const after = await docker.getContainer(id).inspect();
      // `docker rm -f` marks the container as being removed before it kills it, so a stream cut by a removal
      // sees 'removing' (or 'dead') here, never an ordinary stop.
      if (after.State.Status === 'removing' || after.State.Status === 'dead') sink.end({ error: removedError(name) });
      else sink.end({ exitCode: after.State.Running ? null : after.State.ExitCode });
    } catch (error) {
      sink.end({ error: isNotFound(error) ? removedError(name) : error });
    }
  }

  /** Up to `limit` lines written before `before`: the engine's `until`, read as a stream through a ring of
   * `limit` lines, so memory stays bounded however long the log is. (The engine applies `tail` before
   * `until`, so `tail` cannot pick the lines just before a time.) */
  async fetch(id: string, before: string, limit: number): Promise<LogsPage> {
    const docker = this.connection.client();
    const info = await docker.getContainer(id).inspect();
    const stream = await docker.getContainer(info.Id).logs({
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: true,
      until: untilJustBefore(before),
    });
    const ring = new LineRing(limit);
    const splitter = new LineSplitter((line) => ring.push(line));
    readOutput(docker, stream, info.Config.Tty, (fd, data) => splitter.push(fd, data));
    await new Promise<void>((resolve, reject) => onceFinished(stream, (error) => (error ? reject(error) : resolve())));
    splitter.flush();
    const lines = ring.toArray();
    return { chunks: toChunks(lines), lines: lines.length, reachedStart: ring.total <= limit };
  }
}
