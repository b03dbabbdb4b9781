// Streams: output that arrives over time for one client (a log follow, a terminal session, a build's or a
// compose command's output). The core batches it into `stream:data` events sent to the client that opened
// the stream only, and ends it with one `stream:end`.
import type { ErrorInfo } from './errors';

/** Where a piece of output came from; `system` is Berth's own line (e.g. "container stopped"). */
export type StreamFd = 'stdout' | 'stderr' | 'system';

export interface StreamChunk {
  fd: StreamFd;
  text: string;
}

export interface StreamOpened {
  /** The stream's id; its events carry it, and `streams:close` takes it. */
  id: string;
}

export interface StreamData {
  id: string;
  /** In arrival order; consecutive text of one fd is joined into one chunk. */
  chunks: StreamChunk[];
}

export interface StreamEnd {
  id: string;
  /** Why it ended abnormally (engine gone, command failed); null when it ran to its end or was closed. */
  error: ErrorInfo | null;
  /** A process's exit code where the stream is one (exec, build, compose); null otherwise. */
  exitCode: number | null;
}
