// The WebSocket transport against a real WebSocket server (the `ws` package), as `berth serve` runs it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { BridgeState } from '../../../renderer/src/ipc/bridge-state';
import { WebSocketTransport, type SocketLike } from '../../../renderer/src/ipc/ws-transport';

type Handler = (socket: WebSocket, frame: { id: number; channel: string; payload: unknown }) => void;

let server: WebSocketServer;
let url: string;
let handler: Handler;
let logs: string[];
const transports: WebSocketTransport[] = [];

beforeEach(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  url = `ws://127.0.0.1:${address.port}/bridge?token=t`;
  handler = (socket, frame) =>
    socket.send(JSON.stringify({ type: 'reply', id: frame.id, reply: { ok: true, data: frame.payload } }));
  server.on('connection', (socket) => {
    socket.on('message', (data: RawData) => handler(socket, JSON.parse(data.toString())));
  });
  logs = [];
});

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.dispose();
  for (const client of server.clients) client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function open(delay: (attempt: number) => number = () => 20): WebSocketTransport {
  const transport = new WebSocketTransport(url, {
    createSocket: (target) => {
      const socket = new WebSocket(target);
      // `ws` throws an 'error' nobody listens to; a browser's WebSocket only reports it, then closes.
      socket.on('error', (error) => logs.push(`socket error: ${error.message}`));
      return socket as unknown as SocketLike;
    },
    delay,
    log: (message) => logs.push(message),
  });
  transports.push(transport);
  return transport;
}

async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const stateOf = (t: WebSocketTransport): BridgeState['state'] => t.state.get().state;

describe('WebSocketTransport', () => {
  it('queues requests made while connecting and matches replies by id, in any order', async () => {
    const held: Array<() => void> = [];
    handler = (socket, frame) => {
      const reply = () =>
        socket.send(JSON.stringify({ type: 'reply', id: frame.id, reply: { ok: true, data: frame.channel } }));
      if (frame.channel === 'slow') held.push(reply);
      else reply();
    };
    const transport = open();
    expect(stateOf(transport)).toBe('connecting');
    const slow = transport.invoke('slow', {});
    const fast = transport.invoke('fast', {});
    expect(await fast).toEqual({ ok: true, data: 'fast' });
    await until(() => held.length === 1, 'the slow request');
    held[0]();
    expect(await slow).toEqual({ ok: true, data: 'slow' });
    expect(transport.state.get()).toMatchObject({ state: 'open', reconnected: false });
  });

  it('passes error envelopes through unchanged', async () => {
    handler = (socket, frame) =>
      socket.send(
        JSON.stringify({
          type: 'reply',
          id: frame.id,
          reply: { ok: false, error: { code: 'NOT_FOUND', message: 'No such container: x' } },
        }),
      );
    const transport = open();
    expect(await transport.invoke('containers:start', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such container: x' },
    });
  });

  it('passes an error with a code this renderer does not know through, rather than leaving the request waiting', async () => {
    handler = (socket, frame) =>
      socket.send(
        JSON.stringify({
          type: 'reply',
          id: frame.id,
          reply: { ok: false, error: { code: 'FROM_A_NEWER_CORE', message: 'm' } },
        }),
      );
    const transport = open();
    expect(await transport.invoke('app:info', {})).toEqual({
      ok: false,
      error: { code: 'FROM_A_NEWER_CORE', message: 'm' },
    });
  });

  it('delivers events to their listeners until they unsubscribe, and ignores invalid frames', async () => {
    const transport = open();
    const seen: unknown[] = [];
    const stop = transport.on('containers:changed', (payload) => seen.push(payload));
    await until(() => stateOf(transport) === 'open', 'open');
    const [socket] = server.clients;
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'mystery' }));
    socket.send(JSON.stringify({ type: 'event', event: 'containers:changed', payload: { id: 'a', action: 'start' } }));
    socket.send(JSON.stringify({ type: 'event', event: 'engine:status', payload: {} }));
    await until(() => seen.length === 1, 'the event');
    expect(seen).toEqual([{ id: 'a', action: 'start' }]);
    expect(logs.some((line) => line.includes('not JSON'))).toBe(true);
    expect(logs.some((line) => line.includes('unknown shape'))).toBe(true);
    stop();
    socket.send(JSON.stringify({ type: 'event', event: 'containers:changed', payload: { id: 'b', action: 'stop' } }));
    // A request round trip proves the later event arrived (frames are ordered) and was not delivered.
    await transport.invoke('ping', {});
    expect(seen).toHaveLength(1);
  });

  it('answers pending requests with TRANSPORT_CLOSED when the socket drops, then reconnects', async () => {
    handler = () => undefined; // never replies
    const transport = open();
    const states: string[] = [];
    transport.state.subscribe(() => states.push(transport.state.get().state));
    await until(() => stateOf(transport) === 'open', 'open');
    const pending = transport.invoke('containers:list', { all: true });
    await until(() => server.clients.size === 1, 'the server side');
    for (const client of server.clients) client.terminate();
    const reply = await pending;
    expect(reply).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } });
    const closed = transport.state.get();
    expect(closed).toMatchObject({ state: 'closed', attempt: 1 });
    expect(closed.state === 'closed' && closed.retryAt).toBeGreaterThan(0);
    // While closed, a request is refused at once rather than left waiting.
    expect(await transport.invoke('app:info', {})).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } });
    await until(() => stateOf(transport) === 'open', 'the reconnect');
    expect(transport.state.get()).toMatchObject({ state: 'open', reconnected: true });
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
  });

  it('backs off while the core is away and stops for good when disposed', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const attempts: number[] = [];
    const transport = open((attempt) => {
      attempts.push(attempt);
      return 10;
    });
    await until(() => attempts.length >= 3, 'three failed attempts');
    expect(attempts.slice(0, 3)).toEqual([0, 1, 2]);
    transport.dispose();
    const count = attempts.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempts).toHaveLength(count);
    expect(transport.state.get()).toMatchObject({ state: 'closed', retryAt: null });
    // afterEach closes the server again; give it a fresh one to close.
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  });
});
