// `serve` mode's HTTP server: the built renderer and the WebSocket bridge on a loopback address only,
// behind the checks of serve-security.ts. No connection it accepts or refuses can take the process down.
// It can listen before the core has loaded (a promise of it): the browser then fetches the page while the
// core's modules load, and a bridge socket is accepted once the core is there. It tells `activity` of its
// requests, so that `serve` can choose when to load the core (core-start.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { bridgePath } from '../../shared/transport';
import type { Core } from '../create-core';
import type { Logger } from '../logger';
import type { BridgeLimits } from './bridge-client';
import type { ServeActivity } from './core-start';
import { routeHttp } from './serve-routes';
import { checkRequest, newToken, requestUrl } from './serve-security';
import { isPeerGone, refuseUpgrade, socketErrorLogger } from './socket-errors';
import { staticRoot } from './static-files';
import { createBridge, type Bridge } from './ws-bridge';

type ServeCore = Pick<Core, 'router' | 'hub' | 'log' | 'releaseClient'>;

export interface ServeOptions {
  /** The core, or the promise of it while it loads (then `log` is needed from the start). */
  core: ServeCore | Promise<ServeCore>;
  /** Absent: the core's. */
  log?: Logger;
  /** The built renderer; a relative path is taken from the current directory. */
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: '127.0.0.1' | '::1';
  token?: string;
  /** The bridge's ping interval and send caps; tests shorten them. */
  bridge?: Partial<BridgeLimits>;
  /** Hears of each request's start and end and of each allowed bridge socket. */
  activity?: ServeActivity;
}

export interface ServeHandle {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Connections at once, of any kind: bounded so a flood cannot exhaust the process's descriptors. */
const maxConnections = 512;

export async function startServeServer(options: ServeOptions): Promise<ServeHandle> {
  const token = options.token ?? newToken();
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (options.core instanceof Promise ? undefined : options.core.log);
  if (!log) throw new TypeError('startServeServer needs a log when the core is still loading');
  const root = await staticRoot(options.rendererDir);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let port = options.port;
  const bridgeReady = Promise.resolve(options.core).then((core) =>
    createBridge({
      router: core.router,
      hub: core.hub,
      log,
      onGone: (gone) => core.releaseClient(gone.id),
      limits: options.bridge,
    }),
  );
  // Whoever awaits the core reports its failure (cli.ts); here it only means no socket is bridged.
  bridgeReady.catch(() => undefined);
  // Closing must not wait for a core that may never load (serve stopped before it started loading it).
  let closed = false;
  let bridgeOpen: Bridge | null = null;
  bridgeReady.then(
    (bridge) => (closed ? bridge.close() : (bridgeOpen = bridge)),
    () => undefined,
  );
  const activity = options.activity;
  /** Bridge sockets waiting for the core: closing ends them, as the server would not close while they are open. */
  const waiting = new Set<Duplex>();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.on('error', socketErrorLogger(log, 'request failed'));
    if (activity) {
      const path = request.url ?? '';
      activity.requestBegan(path);
      // 'close' comes once, whether the response was sent or the peer went away first.
      response.once('close', () => activity.requestEnded(path));
    }
    response.on('error', socketErrorLogger(log, 'response failed'));
    routeHttp(request, response, { root, token, port, log }).catch((error: unknown) => {
      log.error('[serve] a request failed', error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  server.maxConnections = maxConnections;
  // Slow senders of headers (slowloris) are cut off well before Node's defaults of a minute and more.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  // A malformed request, a header timeout or a peer that resets mid-request: the client's doing, so not
  // logged; it gets a 400 when nothing was written yet, as Node's default handler would send.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!isPeerGone(error) && !/^(HPE_|ERR_HTTP_)/.test(error.code ?? ''))
      log.warn(`[serve] client connection failed: ${error.message}`);
    if (socket.writable && (socket as Socket).bytesWritten === 0 && !isPeerGone(error)) refuseUpgrade(socket, 400);
    else socket.destroy();
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the upgrade socket over without its own 'error' listener: a reset would be uncaught.
    socket.on('error', socketErrorLogger(log, 'upgrade socket failed'));
    try {
      const verdict = checkRequest(request, port, token);
      if (!verdict.allowed || requestUrl(request)?.pathname !== bridgePath) {
        refuseUpgrade(socket, verdict.allowed ? 404 : verdict.status);
        return;
      }
      activity?.bridgeWanted();
      waiting.add(socket);
      bridgeReady.then(
        (bridge) => {
          waiting.delete(socket);
          if (!socket.destroyed) sockets.handleUpgrade(request, socket, head, (client) => bridge.attach(client));
        },
        () => socket.destroy(),
      );
    } catch (error) {
      // Nothing here is expected to throw; if something does, it costs this connection, not the process.
      log.error('[serve] an upgrade failed', error);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  // After listening, the server's own errors (accept failing with EMFILE) must not end the process.
  server.removeAllListeners('error');
  server.on('error', (error) => log.error('[serve] server error', error));
  port = (server.address() as AddressInfo).port;
  const shownHost = host === '::1' ? '[::1]' : host;

  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      closed = true;
      bridgeOpen?.close();
      for (const socket of waiting) socket.destroy();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
