// One WebSocket client of the bridge: its frames become router requests, answered by id; it is pinged so a
// client that vanished without a close is noticed; what it is sent is bounded (it stops being read while its
// replies pile up, and is terminated past the send cap so it reconnects and resyncs rather than silently
// missing events); and it may have only so many requests waiting for answers.
import type { RawData, WebSocket } from 'ws';
import { fail, type Envelope } from '../../shared/errors';
import { wsRequestFrame, type WsServerFrame } from '../../shared/transport';
import type { ClientContext, Router } from '../ipc/router';
import type { Logger } from '../logger';

export interface BridgeLimits {
  /** A ping goes out this often; a client that has not answered the previous one by then is terminated. */
  pingIntervalMs: number;
  /** Past this much unsent data the client is not reading: it is terminated (it reconnects and resyncs). */
  maxBufferedBytes: number;
  /** Past this much unsent data the client's requests are not read until it catches up (backpressure). */
  pauseBufferedBytes: number;
  /** Requests of one client waiting for their answers; more are answered at once with TOO_MANY_REQUESTS. */
  maxInFlight: number;
}

export const defaultBridgeLimits: BridgeLimits = {
  pingIntervalMs: 30_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  pauseBufferedBytes: 1024 * 1024,
  maxInFlight: 64,
};

export interface BridgeClientOptions {
  router: Router;
  log: Logger;
  client: ClientContext;
  limits: BridgeLimits;
  /** Called once when the socket closes, however it closes, so the core drops what it kept for this client. */
  onGone: (client: ClientContext) => void;
}

export class BridgeClient {
  private inFlight = 0;
  private answeredPing = true;
  private paused = false;
  private readonly pingTimer: ReturnType<typeof setInterval>;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: BridgeClientOptions,
  ) {
    const { log, client } = options;
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('pong', () => (this.answeredPing = true));
    socket.on('error', (error) => log.warn(`[bridge] ${client.id}: ${error.message}`));
    socket.once('close', () => {
      clearInterval(this.pingTimer);
      options.onGone(client);
    });
    this.pingTimer = setInterval(() => this.heartbeat(), options.limits.pingIntervalMs);
    this.pingTimer.unref();
  }

  get id(): string {
    return this.options.client.id;
  }

  /** Sends one serialised frame, or terminates the client if it is not reading what it was sent. */
  push(text: string): void {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return;
    const { maxBufferedBytes, pauseBufferedBytes } = this.options.limits;
    if (socket.bufferedAmount > maxBufferedBytes) {
      this.options.log.warn(
        `[bridge] ${this.id} is not reading (${socket.bufferedAmount} bytes unsent): closed so that it reconnects and resyncs`,
      );
      socket.terminate();
      return;
    }
    socket.send(text, () => this.flushed());
    // Its replies pile up: stop reading its requests, so a client cannot make the core buffer without end.
    if (!this.paused && socket.bufferedAmount > pauseBufferedBytes) {
      this.paused = true;
      socket.pause();
    }
  }

  /** Every frame goes through push() with this callback, so the last one flushed always gets here. */
  private flushed(): void {
    if (this.paused && this.socket.bufferedAmount <= this.options.limits.pauseBufferedBytes / 2) {
      this.paused = false;
      this.socket.resume();
    }
  }

  private heartbeat(): void {
    if (!this.answeredPing) {
      this.options.log.warn(`[bridge] ${this.id} did not answer a ping: closed`);
      this.socket.terminate();
      return;
    }
    this.answeredPing = false;
    this.socket.ping();
  }

  private receive(data: RawData, isBinary: boolean): void {
    const parsed = parseFrame(isBinary ? null : data.toString());
    if ('reply' in parsed) return this.reply(parsed.id, parsed.reply);
    if (this.inFlight >= this.options.limits.maxInFlight) {
      const { maxInFlight } = this.options.limits;
      return this.reply(
        parsed.id,
        fail(
          'TOO_MANY_REQUESTS',
          `More than ${maxInFlight} requests are waiting for answers on this connection: send this one again once some are answered.`,
        ),
      );
    }
    this.inFlight += 1;
    void this.options.router
      .handle(parsed.channel, parsed.payload, this.options.client)
      .catch((error: unknown) => {
        // The router answers every failure with an envelope; this is the last guard if it ever does not.
        this.options.log.error(`[bridge] ${parsed.channel} failed outside the router`, error);
        return fail('INTERNAL', `The request ${parsed.channel} failed inside Berth; see the log of berth serve.`);
      })
      .then((reply) => {
        this.inFlight -= 1;
        this.reply(parsed.id, reply);
      });
  }

  private reply(id: number | null, reply: Envelope<unknown>): void {
    let text: string;
    try {
      text = JSON.stringify({ type: 'reply', id, reply } satisfies WsServerFrame);
    } catch (error) {
      // A handler's answer that is not JSON (a BigInt, a cycle) is a bug of the core, not of the client.
      this.options.log.error(`[bridge] a reply to ${this.id} cannot be serialised`, error);
      text = JSON.stringify({
        type: 'reply',
        id,
        reply: fail('INTERNAL', 'The answer could not be sent over the bridge.'),
      } satisfies WsServerFrame);
    }
    this.push(text);
  }
}

type ParsedFrame = { id: number; channel: string; payload: unknown } | { id: number | null; reply: Envelope<never> };

function parseFrame(text: string | null): ParsedFrame {
  let json: unknown;
  try {
    json = text === null ? undefined : JSON.parse(text);
  } catch {
    return { id: null, reply: fail('INVALID_PAYLOAD', 'A bridge frame must be one JSON object.') };
  }
  const frame = wsRequestFrame.safeParse(json);
  if (frame.success) return frame.data;
  const id = typeof (json as { id?: unknown } | null)?.id === 'number' ? (json as { id: number }).id : null;
  return {
    id,
    reply: fail('INVALID_PAYLOAD', 'A bridge frame must be {"id": number, "channel": string, "payload": …}.'),
  };
}
