// `serve` mode's HTTP server: the built renderer and the WebSocket bridge on a loopback address only,
// behind the checks of serve-security.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { bridgePath } from '../../shared/transport';
import type { Core } from '../create-core';
import { attachBridgeClient, broadcastEvents } from './ws-bridge';
import { checkRequest, newToken, presentedToken, tokenCookie } from './serve-security';
import { isPeerGone, refuseUpgrade, socketErrorLogger } from './socket-errors';
import { securityHeaders, serveStatic } from './static-files';

export interface ServeOptions {
  core: Core;
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: '127.0.0.1' | '::1';
  token?: string;
}

export interface ServeHandle {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServeServer(options: ServeOptions): Promise<ServeHandle> {
  const { core, rendererDir } = options;
  const token = options.token ?? newToken();
  const host = options.host ?? '127.0.0.1';
  const log = core.log;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let port = options.port;
  let clientCount = 0;
  const stopBroadcast = broadcastEvents(core.hub, sockets);

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.on('error', socketErrorLogger(log, 'request failed'));
    response.on('error', socketErrorLogger(log, 'response failed'));
    const verdict = checkRequest(request, port, token);
    if (!verdict.allowed) {
      response.writeHead(verdict.status, { ...securityHeaders(port), 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`${verdict.reason}\n`);
      return;
    }
    // The link carries the token once; the cookie lets the page's own assets and reloads through.
    if (presentedToken(request).fromQuery) {
      response.setHeader('Set-Cookie', `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    serveStatic(rendererDir, request, response, port).catch((error: unknown) => {
      log.error('[serve] static file failed', error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  // A malformed request, a header timeout or a peer that resets mid-request: the client's doing, so not
  // logged; it gets a 400 when nothing was written yet, as Node's default handler would send.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!isPeerGone(error) && !/^(HPE_|ERR_HTTP_)/.test(error.code ?? '')) log.warn(`[serve] client connection failed: ${error.message}`);
    if (socket.writable && (socket as Socket).bytesWritten === 0 && !isPeerGone(error)) refuseUpgrade(socket, 400);
    else socket.destroy();
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the upgrade socket over without its own 'error' listener: a reset would be uncaught.
    socket.on('error', socketErrorLogger(log, 'upgrade socket failed'));
    const verdict = checkRequest(request, port, token);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!verdict.allowed || path !== bridgePath) {
      refuseUpgrade(socket, verdict.allowed ? 404 : verdict.status);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) =>
      attachBridgeClient(client, {
        router: core.router,
        log,
        client: { id: `ws-${(clientCount += 1)}` },
        onGone: (gone) => core.releaseClient(gone.id),
      }),
    );
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
      stopBroadcast();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
