// The WebSocket transport of the router: each client frame is one request, answered by id with the
// router's envelope; every event on the hub is pushed to every client. Malformed frames get a typed error.
import type { WebSocket, WebSocketServer } from 'ws';
import { fail } from '../../shared/errors';
import { wsRequestFrame, type WsServerFrame } from '../../shared/transport';
import type { EventHub } from '../ipc/event-hub';
import type { ClientContext, Router } from '../ipc/router';
import type { Logger } from '../logger';

/** A client that stops reading gets no more events past this much unsent data, rather than growing memory. */
const maxBufferedBytes = 8 * 1024 * 1024;

/**
 * Pushes every hub event to every open client. One subscription for all clients, so each event (a stats
 * tick every second) is serialised once however many windows are open. Returns the unsubscribe.
 */
export function broadcastEvents(hub: EventHub, sockets: WebSocketServer): () => void {
  return hub.subscribe((event, payload) => {
    if (sockets.clients.size === 0) return;
    const text = JSON.stringify({ type: 'event', event, payload } satisfies WsServerFrame);
    for (const socket of sockets.clients) {
      if (socket.readyState === socket.OPEN && socket.bufferedAmount <= maxBufferedBytes) socket.send(text);
    }
  });
}

export interface BridgeClientOptions {
  router: Router;
  log: Logger;
  client: ClientContext;
  /** Called once when the socket closes, so the core drops what it kept for this client. */
  onGone: (client: ClientContext) => void;
}

export function attachBridgeClient(socket: WebSocket, options: BridgeClientOptions): void {
  const { router, log, client } = options;
  const send = (frame: WsServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  socket.on('message', (data, isBinary) => {
    void handleFrame(isBinary ? null : data.toString()).then(send);
  });
  socket.on('close', () => options.onGone(client));
  socket.on('error', (error) => log.warn(`[bridge] client socket error: ${error.message}`));

  async function handleFrame(text: string | null): Promise<WsServerFrame> {
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      return { type: 'reply', id: null, reply: fail('INVALID_PAYLOAD', 'A bridge frame must be one JSON object.') };
    }
    const frame = wsRequestFrame.safeParse(json);
    if (!frame.success) {
      const id = typeof (json as { id?: unknown } | null)?.id === 'number' ? (json as { id: number }).id : null;
      return {
        type: 'reply',
        id,
        reply: fail('INVALID_PAYLOAD', 'A bridge frame must be {"id": number, "channel": string, "payload": …}.'),
      };
    }
    return { type: 'reply', id: frame.data.id, reply: await router.handle(frame.data.channel, frame.data.payload, client) };
  }
}
