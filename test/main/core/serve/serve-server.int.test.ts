// `berth serve` as a user runs it: the built CLI against the private engine, probed over real HTTP and
// WebSocket connections with forged Host and Origin headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../../main/shared/contract';
import { harness } from '../../../harness/context';
import { startServe, type ServeProcess } from '../../../harness/serve-process';
import { call, get as probeGet, openBridge as probeBridge, untilEngineConnected } from './serve-probes';

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe(harness().dockerHost);
});
afterAll(async () => {
  await serve?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => probeGet(serve.port, path, headers);
const openBridge = (query: string, headers: Record<string, string> = {}) => probeBridge(serve.port, query, headers);

describe('serve mode', () => {
  it('binds to loopback and serves the page under the session prefix with a strict CSP, and sets no cookie', async () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    const entry = await get(`/?token=${serve.token}`);
    expect(entry.status).toBe(302);
    expect(entry.headers['set-cookie']).toBeUndefined();
    const prefix = String(entry.headers.location).split('?')[0]!;
    expect(prefix).toMatch(/^\/s\/[\w-]{22}\/$/);
    const page = await get(prefix, { 'sec-fetch-site': 'none' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.headers['set-cookie']).toBeUndefined();
    // The page's assets load by the prefix alone, from the page itself; not from another local site.
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    expect((await get(`${prefix}${asset}`, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await get(`${prefix}${asset}`, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await get(`/${asset}`, { cookie: `berth_token=${serve.token}` })).status).toBe(401);
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
    await expect(openBridge(`?token=${serve.token}`, { host: `attacker.example:${serve.port}` })).rejects.toThrow(
      'HTTP 403',
    );
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
    expect((await call(socket, { id: 900, channel: 'engine:explode', payload: {} })).reply).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect((await call(socket, 'not json')).reply).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await call(socket, { id: 901, channel: 7 })).toMatchObject({
      id: 901,
      reply: { ok: false, error: { code: 'INVALID_PAYLOAD' } },
    });
    // Still serving after all that (once the engine's first connection, begun when this socket asked for the
    // core, is made: until then engine calls answer "still connecting").
    await untilEngineConnected(socket);
    const list = await call(socket, { id: 902, channel: 'containers:list', payload: { all: true } });
    expect(list.reply, JSON.stringify(list.reply)).toMatchObject({ ok: true });
    expect(Array.isArray(list.reply.data)).toBe(true);
    socket.close();
  });
});
