// `berth serve` as a user runs it: the built CLI against the private engine, probed over real HTTP and
// WebSocket connections with forged Host and Origin headers.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { channelNames } from '../../../../main/shared/contract';
import { harness } from '../../../harness/context';
import { startServe, type ServeProcess } from '../../../harness/serve-process';

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe(harness().dockerHost);
});
afterAll(async () => {
  await serve?.stop();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: serve.port, path, headers: { host: `127.0.0.1:${serve.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the bridge and resolves with the socket, or rejects with the HTTP status of the refusal. */
function openBridge(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/bridge${query}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function call(socket: WebSocket, frame: unknown): Promise<{ id: number | null; reply: { ok: boolean; error?: { code: string; message: string }; data?: unknown } }> {
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

describe('serve mode', () => {
  it('binds to loopback and serves the page with the token, with a strict CSP and a token cookie', async () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    const page = await get(`/?token=${serve.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['set-cookie'])).toContain('HttpOnly');
    // The page's assets load with the cookie alone.
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    expect((await get(`/${asset}`, { cookie: `berth_token=${serve.token}` })).status).toBe(200);
  });

  it('refuses requests without the token (401), from a foreign Origin (403) and with a rebinding Host (403)', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=not-the-token')).status).toBe(401);
    expect((await get(`/?token=${serve.token}`, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`/?token=${serve.token}`, { host: `rebind.evil.example:${serve.port}` })).status).toBe(403);
    expect((await get(`/?token=${serve.token}`, { host: `127.0.0.1:${serve.port + 1}` })).status).toBe(403);
  });

  it('refuses the same on the WebSocket bridge', async () => {
    await expect(openBridge('')).rejects.toThrow('HTTP 401');
    await expect(openBridge(`?token=${serve.token}`, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openBridge(`?token=${serve.token}`, { host: `attacker.example:${serve.port}` })).rejects.toThrow('HTTP 403');
  });

  it('answers every channel with a typed error for invalid payloads, and malformed frames too, without dropping the client', async () => {
    const socket = await openBridge(`?token=${serve.token}`, { origin: `http://127.0.0.1:${serve.port}` });
    let id = 1;
    for (const channel of channelNames) {
      const answer = await call(socket, { id, channel, payload: { unexpected: [1, 2, 3] } });
      expect(answer.id).toBe(id);
      expect(answer.reply).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      id += 1;
    }
    expect((await call(socket, { id: 900, channel: 'engine:explode', payload: {} })).reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect((await call(socket, 'not json')).reply).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await call(socket, { id: 901, channel: 7 })).toMatchObject({ id: 901, reply: { ok: false, error: { code: 'INVALID_PAYLOAD' } } });
    // Still serving after all that.
    const list = await call(socket, { id: 902, channel: 'containers:list', payload: { all: true } });
    expect(list.reply.ok).toBe(true);
    expect(Array.isArray(list.reply.data)).toBe(true);
    socket.close();
  });
});
