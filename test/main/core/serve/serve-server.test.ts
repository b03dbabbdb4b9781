// The serve server in-process, over real loopback sockets, with the real router and event hub and stub
// handlers: the per-session path prefix instead of a cookie, and the bridge's ping, send cap,
// backpressure and in-flight limit (with short intervals and small caps).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { Router, type Handlers } from '../../../../main/core/ipc/router';
import type { Logger } from '../../../../main/core/logger';
import { sessionPrefix } from '../../../../main/core/serve/serve-security';
import { startServeServer, type ServeHandle, type ServeOptions } from '../../../../main/core/serve/serve-server';
import { onBridgeCatchUp } from '../../../../renderer/src/ipc/bridge-state';
import { WebSocketTransport, type SocketLike } from '../../../../renderer/src/ipc/ws-transport';
import { call, get, openBridge } from './serve-probes';

let rendererDir: string;
let handle: ServeHandle | null = null;
let released: string[];
let lines: string[];
let hub: EventHub;
/** What `containers:list` answers; tests replace it. */
let listHandler: () => Promise<unknown>;
let listCalls: number;

beforeAll(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'berth-serve-unit-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));
afterEach(async () => {
  await handle?.close();
  handle = null;
});

async function start(bridge: ServeOptions['bridge'] = {}): Promise<ServeHandle> {
  // Fresh arrays captured by this server only: clients of the previous test may still be closing.
  const ownReleased: string[] = (released = []);
  const ownLines: string[] = (lines = []);
  const ownLog: Logger = {
    info: (m) => ownLines.push(m),
    warn: (m) => ownLines.push(m),
    error: (m) => ownLines.push(m),
  };
  hub = new EventHub();
  listCalls = 0;
  listHandler = async () => [];
  const handlers = {
    'containers:list': async () => {
      listCalls += 1;
      return listHandler();
    },
  } as unknown as Handlers;
  handle = await startServeServer({
    core: { router: new Router(handlers, ownLog), hub, log: ownLog, releaseClient: (id) => ownReleased.push(id) },
    rendererDir,
    port: 0,
    bridge,
  });
  return handle;
}

const origin = (port: number) => ({ origin: `http://127.0.0.1:${port}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('serve server: the page under a per-session prefix, no cookie', () => {
  it('sends the printed link on to the session prefix, and sets no cookie', async () => {
    const { port, token } = await start();
    const entry = await get(port, `/?token=${token}`);
    expect(entry.status).toBe(302);
    expect(entry.headers.location).toBe(`${sessionPrefix(token)}?token=${token}`);
    expect(entry.headers['set-cookie']).toBeUndefined();
  });

  it('serves the page and its assets under the prefix alone, to our own page or the user only', async () => {
    const { port, token } = await start();
    const prefix = sessionPrefix(token);
    const page = await get(port, prefix, { 'sec-fetch-site': 'none' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('./assets/app.js');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await get(port, `${prefix}assets/app.js`, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // Another server's page on 127.0.0.1 (same site, any port) or a foreign site cannot load them.
    expect((await get(port, `${prefix}assets/app.js`, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await get(port, `${prefix}assets/app.js`, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get(port, `${prefix}assets/app.js`, origin(port + 1))).status).toBe(403);
    // Without the prefix nothing is served, cookie or not.
    expect((await get(port, '/assets/app.js', { cookie: `berth_token=${token}` })).status).toBe(401);
    expect((await get(port, '/s/AAAAAAAAAAAAAAAAAAAAAA/')).status).toBe(401);
    expect((await get(port, `/assets/app.js?token=${token}`)).status).toBe(404);
  });
});

describe('serve server: a core still loading', () => {
  it('serves the page at once, and bridges a socket opened meanwhile when the core is there', async () => {
    const ownLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    let loaded!: (core: ServeOptions['core']) => void;
    const coreReady = new Promise<ServeOptions['core']>((resolve) => (loaded = resolve));
    const serving = await startServeServer({
      core: coreReady as Promise<Exclude<ServeOptions['core'], Promise<unknown>>>,
      log: ownLog,
      rendererDir,
      port: 0,
    });
    handle = serving;
    const { port, token } = serving;
    const entry = await get(port, `/?token=${token}`);
    const page = await get(port, String(entry.headers.location).split('?')[0]!, { 'sec-fetch-site': 'none' });
    expect(page.status).toBe(200);
    let opened = false;
    const socketOpening = openBridge(port, `?token=${token}`, origin(port)).then((socket) => {
      opened = true;
      return socket;
    });
    await sleep(100);
    expect(opened).toBe(false);
    const handlers = { 'containers:list': async () => ['listed'] } as unknown as Handlers;
    loaded({ router: new Router(handlers, ownLog), hub: new EventHub(), log: ownLog, releaseClient: () => undefined });
    const socket = await socketOpening;
    const { reply } = await call(socket, { id: 1, channel: 'containers:list', payload: { all: true } });
    expect(reply).toEqual({ ok: true, data: ['listed'] });
    socket.close();
  });

  it('tells its activity listener of each request by path, and of allowed bridge sockets only', async () => {
    const ownLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const heard: string[] = [];
    const serving = await startServeServer({
      core: new Promise(() => undefined),
      log: ownLog,
      rendererDir,
      port: 0,
      activity: {
        requestBegan: (path) => heard.push(`began ${path}`),
        requestEnded: (path) => heard.push(`ended ${path}`),
        bridgeWanted: () => heard.push('bridge'),
      },
    });
    handle = serving;
    const { port, token } = serving;
    const prefix = sessionPrefix(token);
    await get(port, `${prefix}assets/app.js`, { 'sec-fetch-site': 'same-origin' });
    await until(() => heard.length === 2);
    expect(heard).toEqual([`began ${prefix}assets/app.js`, `ended ${prefix}assets/app.js`]);
    // A socket without the token is refused before anything is loaded for it.
    await expect(openBridge(port, '', origin(port))).rejects.toThrow();
    expect(heard).not.toContain('bridge');
    void openBridge(port, `?token=${token}`, origin(port)).catch(() => undefined);
    await until(() => heard.includes('bridge'));
  });

  it('closes while the core has not loaded (serve stopped before it started loading it)', async () => {
    const ownLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const serving = await startServeServer({ core: new Promise(() => undefined), log: ownLog, rendererDir, port: 0 });
    await serving.close();
    await expect(get(serving.port, '/')).rejects.toThrow();
  });

  it('refuses to start without a log while the core loads', async () => {
    await expect(startServeServer({ core: new Promise(() => undefined), rendererDir, port: 0 })).rejects.toThrow(
      'needs a log',
    );
  });
});

describe('serve server: the bridge', () => {
  it('terminates a client that does not answer pings and releases its stats watches; keeps one that does', async () => {
    const { port, token } = await start({ pingIntervalMs: 50 });
    const silent = await openBridge(port, `?token=${token}`, origin(port), { autoPong: false });
    const healthy = await openBridge(port, `?token=${token}`, origin(port));
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    expect(await closed).toBe(1006);
    await until(() => released.length === 1);
    expect(released).toEqual(['ws-1']);
    await sleep(200);
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    expect((await call(healthy, { id: 1, channel: 'containers:list', payload: { all: true } })).reply.ok).toBe(true);
    healthy.close();
  });

  it('terminates a client that stops reading once it is over the send cap; a client that reads is unaffected', async () => {
    const { port, token } = await start({ maxBufferedBytes: 256 * 1024, pauseBufferedBytes: 64 * 1024 });
    const stalled = await openBridge(port, `?token=${token}`, origin(port));
    const reader = await openBridge(port, `?token=${token}`, origin(port));
    let readerEvents = 0;
    reader.on('message', () => (readerEvents += 1));
    stalled.pause();
    const big = 'x'.repeat(256 * 1024);
    // Far more than the kernel's loopback buffers hold, so the server's own buffer has to grow.
    for (let tick = 0; tick < 200 && !released.includes('ws-1'); tick += 1) {
      hub.emit('engine:status', { state: 'connected', detail: big } as never);
      await sleep(2);
    }
    await until(() => released.includes('ws-1'));
    expect(lines.some((line) => line.includes('ws-1 is not reading'))).toBe(true);
    // A client that reads is not affected.
    await until(() => readerEvents > 0);
    expect(reader.readyState).toBe(WebSocket.OPEN);
    const closed = new Promise<number>((resolve) => stalled.once('close', (code) => resolve(code)));
    stalled.resume();
    expect(await closed).toBe(1006);
    reader.close();
  });

  it("lets the renderer's transport reconnect and resync after it was terminated for not reading", async () => {
    const { port, token } = await start({ maxBufferedBytes: 256 * 1024, pauseBufferedBytes: 64 * 1024 });
    const sockets: WebSocket[] = [];
    const transport = new WebSocketTransport(`ws://127.0.0.1:${port}/bridge?token=${token}`, {
      createSocket: (url) => {
        const socket = new WebSocket(url, { headers: origin(port) });
        socket.on('error', () => undefined);
        sockets.push(socket);
        return socket as unknown as SocketLike;
      },
      delay: () => 20,
      log: () => undefined,
    });
    let catchUps = 0;
    onBridgeCatchUp(transport, () => (catchUps += 1));
    await until(() => transport.state.get().state === 'open');
    // The tab stops reading (a frozen page) while events keep coming.
    sockets[0]!.pause();
    const big = 'x'.repeat(256 * 1024);
    for (let tick = 0; tick < 200 && !released.includes('ws-1'); tick += 1) {
      hub.emit('engine:status', { state: 'connected', detail: big } as never);
      await sleep(2);
    }
    await until(() => released.includes('ws-1'));
    // It reads again: it finds the connection closed, reconnects and refetches what it may have missed.
    sockets[0]!.resume();
    await until(() => catchUps === 1);
    expect(transport.state.get()).toMatchObject({ state: 'open', reconnected: true });
    expect(await transport.invoke('containers:list', { all: true })).toEqual({ ok: true, data: [] });
    transport.dispose();
  });

  it(
    'stops reading a client that does not read its replies, and answers everything once it does',
    { timeout: 20_000 },
    async () => {
      // No in-flight limit here, so only backpressure bounds what the server reads.
      const { port, token } = await start({
        pauseBufferedBytes: 128 * 1024,
        maxBufferedBytes: 1024 * 1024 * 1024,
        maxInFlight: 1_000_000,
      });
      const reply = 'y'.repeat(128 * 1024);
      listHandler = async () => [reply];
      const client = await openBridge(port, `?token=${token}`, origin(port));
      const total = 400;
      let replies = 0;
      client.on('message', () => (replies += 1));
      client.pause();
      // One request at a time, as a busy page sends them, not one burst the server reads in a single chunk.
      for (let id = 1; id <= total; id += 1) {
        client.send(JSON.stringify({ id, channel: 'containers:list', payload: { all: true } }));
        if (id % 5 === 0) await sleep(1);
      }
      await sleep(300);
      // Without backpressure every request would be read and its answer kept in memory (50 MiB here); with it,
      // the server stops once the kernel's buffers and its own small allowance are full.
      expect(listCalls).toBeLessThan(total / 2);
      client.resume();
      await until(() => replies === total, 20_000);
      client.close();
    },
  );

  it('answers requests past the in-flight limit at once with TOO_MANY_REQUESTS, and the rest when they are done', async () => {
    const { port, token } = await start({ maxInFlight: 4 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    listHandler = async () => {
      await gate;
      return [];
    };
    const client = await openBridge(port, `?token=${token}`, origin(port));
    const answers = new Map<number, { ok: boolean; error?: { code: string } }>();
    client.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'reply') answers.set(frame.id, frame.reply);
    });
    for (let id = 1; id <= 6; id += 1)
      client.send(JSON.stringify({ id, channel: 'containers:list', payload: { all: true } }));
    await until(() => answers.size === 2);
    expect(answers.get(5)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REQUESTS' } });
    expect(answers.get(6)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REQUESTS' } });
    release();
    await until(() => answers.size === 6);
    for (const id of [1, 2, 3, 4]) expect(answers.get(id)).toMatchObject({ ok: true });
    // The slots are free again.
    expect((await call(client, { id: 7, channel: 'containers:list', payload: { all: true } })).reply.ok).toBe(true);
    client.close();
  });
});
