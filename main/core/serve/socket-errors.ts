// What `serve` mode does with a connection that fails or is refused: every socket it holds has an 'error'
// handler (an unhandled one kills the process, and a local client can cause one at will by resetting the
// connection), and a refusal writes its status line, then destroys the socket.
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger';

/** Errors a peer causes by going away; normal under load or attack, so they are not logged. */
const peerGone = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export function isPeerGone(error: unknown): boolean {
  return peerGone.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

/** An 'error' listener that logs what is not a peer going away, tagged with where it happened. */
export function socketErrorLogger(log: Logger, where: string): (error: Error) => void {
  return (error) => {
    if (!isPeerGone(error)) log.warn(`[serve] ${where}: ${error.message}`);
  };
}

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/**
 * Answers a raw upgrade socket with a bare HTTP status and closes it. The socket must already have an
 * 'error' listener; destroy() once the status is flushed (or at once if the peer is gone) frees it even
 * when the peer never closes its side.
 */
export function refuseUpgrade(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${statusTexts[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
