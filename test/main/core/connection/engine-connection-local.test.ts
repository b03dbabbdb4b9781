// EngineConnection against a local engine that comes back, played by a real HTTP server on a real unix socket:
// one whose socket appears only later, and one that accepts connections but answers late (dockerd restoring its
// containers). Either must be found within moments, not after the backoff's next step.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveryResult } from '../../../../main/core/connection/discover';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { silentLogger } from '../../../../main/core/logger';

/** Answers what EngineConnection asks of a Docker engine; holds every request while `ready` is false. */
class LateEngine {
  ready = true;
  readonly requests: string[] = [];
  private held: (() => void)[] = [];
  private readonly server: Server;

  constructor(readonly socketPath: string) {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      if (this.ready) this.answer(req, res);
      else this.held.push(() => this.answer(req, res));
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(this.socketPath, resolve));
  }

  serve(): void {
    this.ready = true;
    for (const release of this.held.splice(0)) release();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    if (req.destroyed) return;
    const url = req.url ?? '';
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.startsWith('/_ping')) res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    else if (url.startsWith('/info')) json({ NCPU: 2, MemTotal: 1024, Name: 'late' });
    else if (url.startsWith('/version'))
      json({ Version: '20.10.24', ApiVersion: '1.41', Components: [{ Name: 'Engine' }] });
    // The event stream stays open and quiet, as dockerd's does.
    else if (url.startsWith('/events')) res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
    else res.writeHead(404).end();
  }
}

let folder: string;
let socketPath: string;
let engine: LateEngine | null = null;
let connection: EngineConnection | null = null;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'berth-late-'));
  socketPath = path.join(folder, 'docker.sock');
});

afterEach(async () => {
  await connection?.stop();
  connection = null;
  await engine?.close();
  engine = null;
  await rm(folder, { recursive: true, force: true });
});

const found = (): DiscoveryResult => ({
  targets: [
    {
      endpoint: { host: `unix://${socketPath}`, source: 'DOCKER_HOST' },
      address: { kind: 'unix', path: socketPath },
      tls: null,
    },
  ],
  problem: null,
  warnings: [],
  searched: [],
});

/** A backoff whose every step is 3 s, so an engine found sooner was found by the fix, not by the schedule. */
function connect(extra = {}): EngineConnection {
  connection = new EngineConnection({
    discover: found,
    log: silentLogger,
    retryMinMs: 3_000,
    retryMaxMs: 3_000,
    requestTimeoutMs: 400,
    ...extra,
  });
  return connection;
}

async function connectedWithin(ms: number): Promise<number> {
  const started = Date.now();
  await vi.waitFor(() => expect(connection!.status.state).toBe('connected'), { timeout: ms, interval: 20 });
  return Date.now() - started;
}

describe('EngineConnection with a local engine that comes back', () => {
  it('tries at once when the engine socket appears, instead of after the backoff', async () => {
    const status = await connect().reconnect();
    expect(status).toMatchObject({ state: 'unreachable' });
    if (status.state !== 'unreachable') throw new Error('unreachable expected');
    expect(status.retryAt! - status.since).toBeGreaterThanOrEqual(2_900);
    engine = new LateEngine(socketPath);
    await engine.listen();
    expect(await connectedWithin(1_500)).toBeLessThan(1_500);
  });

  it('asks again promptly when the socket accepted but the engine answered too late (it is starting)', async () => {
    engine = new LateEngine(socketPath);
    engine.ready = false;
    await engine.listen();
    // No socket change: only the prompt retry after the timeout can find it before the 3 s backoff step.
    connect({ watchSockets: () => () => undefined }).start();
    await vi.waitFor(() => expect(connection!.status.state).toBe('unreachable'), { timeout: 2_000, interval: 20 });
    setTimeout(() => engine!.serve(), 300);
    expect(await connectedWithin(1_500)).toBeLessThan(1_500);
    expect(engine.requests.filter((url) => url.startsWith('/_ping')).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the backoff for a socket that refuses, and watches nothing once connected', async () => {
    const unwatch = vi.fn();
    const watch = vi.fn(() => unwatch);
    const status = await connect({ watchSockets: watch }).reconnect();
    if (status.state !== 'unreachable') throw new Error('unreachable expected');
    expect(status.retryAt! - status.since).toBeGreaterThanOrEqual(2_900);
    expect(watch).toHaveBeenCalledWith([socketPath], expect.any(Function));
    engine = new LateEngine(socketPath);
    await engine.listen();
    await connection!.reconnect();
    expect(connection!.status.state).toBe('connected');
    expect(unwatch).toHaveBeenCalledTimes(1);
    expect(watch).toHaveBeenCalledTimes(1);
  });
});
