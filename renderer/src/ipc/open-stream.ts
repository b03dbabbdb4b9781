// Opens a stream in the core (a log follow, a terminal, a build's output) and hands its output to the
// caller. The renderer chooses the stream's id and listens before asking, so the output of a stream that
// ends at once (the logs of a stopped container) is not lost between the request and its reply.
import type { StreamChunk, StreamEnd } from '@shared/stream-types';
import type { BerthClient } from './berth-client';

export interface StreamHandlers {
  onData(chunks: StreamChunk[]): void;
  onEnd(end: StreamEnd): void;
}

export interface OpenedStream {
  id: string;
  /** Asks the core to close the stream (no `onEnd` follows) and stops listening; safe to call twice. */
  close(): void;
}

/** `start` sends the channel request that opens the stream, with the id it is given. */
export async function openStream(
  client: BerthClient,
  start: (streamId: string) => Promise<unknown>,
  handlers: StreamHandlers,
): Promise<OpenedStream> {
  const id = crypto.randomUUID();
  let open = true;
  const stopData = client.on('stream:data', (data) => {
    if (open && data.id === id) handlers.onData(data.chunks);
  });
  const stopEnd = client.on('stream:end', (end) => {
    if (!open || end.id !== id) return;
    stopListening();
    handlers.onEnd(end);
  });
  function stopListening() {
    open = false;
    stopData();
    stopEnd();
  }
  try {
    await start(id);
  } catch (error) {
    stopListening();
    throw error;
  }
  return {
    id,
    close() {
      if (!open) return;
      stopListening();
      client.invoke('streams:close', { id }).catch(() => {
        // The core closes a gone client's streams itself; nothing to do if this request cannot reach it.
      });
    },
  };
}
