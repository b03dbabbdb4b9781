// Probes of a running `berth serve` over real loopback connections, shared by its integration tests: plain
// HTTP requests with forged headers, bridge connections, bridge calls and raw TCP writes.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';

export interface HttpAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One GET to `port` with `Host: 127.0.0.1:port` unless `headers` says otherwise. */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, agent: false, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens the bridge and resolves with the socket, or rejects with `HTTP <status>` of the refusal. */
export function openBridge(
  port: number,
  query: string,
  headers: Record<string, string> = {},
  options: WebSocket.ClientOptions = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge${query}`, { headers, ...options });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      socket.terminate();
      reject(new Error(`HTTP ${res.statusCode}`));
    });
    socket.once('error', reject);
  });
}

export interface BridgeReply {
  id: number | null;
  reply: { ok: boolean; error?: { code: string; message: string }; data?: unknown };
}

/** Sends one frame and resolves with the next reply frame (events are skipped). */
export function call(socket: WebSocket, frame: unknown): Promise<BridgeReply> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString());
      if (parsed.type !== 'reply') return;
      socket.off('message', onMessage);
      resolve(parsed);
    };
    socket.on('message', onMessage);
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

/** Sends many frames at once and resolves with the replies by id. */
export function callMany(
  socket: WebSocket,
  frames: { id: number; channel: string; payload: unknown }[],
): Promise<Map<number, BridgeReply>> {
  return new Promise((resolve) => {
    const replies = new Map<number, BridgeReply>();
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString()) as BridgeReply & { type: string };
      if (parsed.type !== 'reply' || parsed.id === null) return;
      replies.set(parsed.id, parsed);
      if (replies.size === frames.length) {
        socket.off('message', onMessage);
        resolve(replies);
      }
    };
    socket.on('message', onMessage);
    for (const frame of frames) socket.send(JSON.stringify(frame));
  });
}

/** A raw TCP connection that writes `text` once connected; errors are the caller's to expect. */
export function rawConnect(port: number, text: string | Buffer): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** The request line and headers of a WebSocket upgrade to the bridge, as a browser would send them. */
export function upgradeRequest(port: number, query: string, extraHeaders: Record<string, string> = {}): string {
  const headers = {
    Host: `127.0.0.1:${port}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    ...extraHeaders,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `GET /bridge${query} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * Resolves once the core says its engine is connected. A serve just started answers engine calls with
 * ENGINE_UNREACHABLE ("still connecting") until then, which the renderer waits out; a test asking for
 * containers must too, or it fails whenever a loaded machine makes the first connection slow.
 */
export async function untilEngineConnected(socket: WebSocket, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: BridgeReply['reply'] | undefined;
  for (let id = 10_000; Date.now() < deadline; id += 1) {
    last = (await call(socket, { id, channel: 'engine:status', payload: {} })).reply;
    if (last.ok && (last.data as { state?: string }).state === 'connected') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the engine was not connected within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

/** A request a legitimate client makes through the bridge: proves the core answers, not just the socket. */
export async function legitimateCall(port: number, token: string): Promise<BridgeReply> {
  const socket = await openBridge(port, `?token=${encodeURIComponent(token)}`, { origin: `http://127.0.0.1:${port}` });
  try {
    await untilEngineConnected(socket);
    return await call(socket, { id: 1, channel: 'containers:list', payload: { all: true } });
  } finally {
    socket.close();
  }
}

/** The resident set of a process in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((candidate) => candidate.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}
