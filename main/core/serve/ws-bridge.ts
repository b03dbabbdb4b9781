// The WebSocket transport of the router: the set of bridge clients (each one a BridgeClient, answering its
// requests by id with the router's envelope) and the broadcast of every hub event to all of them.
import type { WebSocket } from 'ws';
import type { WsServerFrame } from '../../shared/transport';
import type { EventHub } from '../ipc/event-hub';
import type { ClientContext, Router } from '../ipc/router';
import type { Logger } from '../logger';
import { BridgeClient, defaultBridgeLimits, type BridgeLimits } from './bridge-client';

export interface BridgeOptions {
  router: Router;
  hub: EventHub;
  log: Logger;
  /** Called once for each client that goes away, so the core drops what it kept for it (stats watches). */
  onGone: (client: ClientContext) => void;
  limits?: Partial<BridgeLimits>;
}

export interface Bridge {
  /** Serves one accepted WebSocket until it closes. */
  attach(socket: WebSocket): void;
  readonly clientCount: number;
  /** Stops the broadcast and terminates every client. */
  close(): void;
}

export function createBridge(options: BridgeOptions): Bridge {
  const limits: BridgeLimits = { ...defaultBridgeLimits, ...options.limits };
  const clients = new Map<WebSocket, BridgeClient>();
  let count = 0;
  // One subscription for all clients, so each event (a stats tick every second) is serialised once however
  // many windows are open.
  const unsubscribe = options.hub.subscribe((event, payload, to) => {
    if (clients.size === 0) return;
    const targets = [...clients.values()].filter((client) => to === undefined || client.id === to);
    if (targets.length === 0) return;
    const text = JSON.stringify({ type: 'event', event, payload } satisfies WsServerFrame);
    for (const client of targets) client.push(text);
  });

  return {
    attach(socket) {
      const context: ClientContext = { id: `ws-${(count += 1)}` };
      clients.set(
        socket,
        new BridgeClient(socket, {
          router: options.router,
          log: options.log,
          client: context,
          limits,
          onGone: (gone) => {
            clients.delete(socket);
            options.onGone(gone);
          },
        }),
      );
    },
    get clientCount() {
      return clients.size;
    },
    close() {
      unsubscribe();
      for (const socket of clients.keys()) socket.terminate();
    },
  };
}
