// EngineConnection against a scripted fake engine: connection, retries, loss detection and shutdown, without
// a real dockerd (the integration test covers that).
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveryResult, EngineTarget } from '../../../../main/core/connection/discover';
import { EngineConnection, type EngineEvent } from '../../../../main/core/connection/engine-connection';
import { needsUserAction } from '../../../../main/core/connection/retry-policy';
import { silentLogger } from '../../../../main/core/logger';
import type { EngineStatus } from '../../../../main/shared/engine-types';
import { BerthError } from '../../../../main/shared/errors';

type Signalled = { abortSignal?: AbortSignal };

function refused(path: string): Error {
  return Object.assign(new Error(`connect ECONNREFUSED ${path}`), { code: 'ECONNREFUSED' });
}

/** Never settles unless aborted, like an engine that accepted the connection and went silent. */
function hang(signal?: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () =>
      reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })),
    );
  });
}

class FakeEngine {
  up = true;
  pingHangs = false;
  pingFails = false;
  /** How many of the next pings hang (each ends at the caller's deadline). */
  pingsToHang = 0;
  pings = 0;
  readonly streams: PassThrough[] = [];

  constructor(readonly path: string) {}

  client(): Dockerode {
    return {
      ping: async (o: Signalled) => {
        this.pings += 1;
        if (this.pingsToHang > 0) {
          this.pingsToHang -= 1;
          return hang(o.abortSignal);
        }
        if (this.pingHangs) return hang(o.abortSignal);
        if (!this.up || this.pingFails) throw refused(this.path);
        return Buffer.from('OK');
      },
      info: async () => ({ NCPU: 2, MemTotal: 1024, CgroupVersion: '1', Name: this.path }),
      version: async () => ({ Version: '20.10.24', ApiVersion: '1.41', Components: [{ Name: 'Engine' }] }),
      getEvents: async (o: Signalled) => {
        if (!this.up) throw refused(this.path);
        const stream = new PassThrough();
        o.abortSignal?.addEventListener('abort', () => stream.destroy());
        this.streams.push(stream);
        return stream;
      },
    } as unknown as Dockerode;
  }

  /** The engine goes away the way a stopped dockerd does: its event stream ends. */
  crash(): void {
    this.up = false;
    for (const stream of this.streams) stream.end();
  }

  get openStreams(): number {
    return this.streams.filter((s) => !s.destroyed && !s.writableEnded).length;
  }
}

function target(path: string): EngineTarget {
  return {
    endpoint: { host: `unix://${path}`, source: 'default-socket', label: 'docker' },
    address: { kind: 'unix', path },
    tls: null,
  };
}

const found = (...paths: string[]): DiscoveryResult => ({
  targets: paths.map(target),
  problem: null,
  warnings: [],
  searched: paths,
});

let connection: EngineConnection | null = null;
afterEach(async () => {
  await connection?.stop();
  connection = null;
});

function setup(
  engines: FakeEngine[],
  discover: () => DiscoveryResult = () => found(...engines.map((e) => e.path)),
  extra = {},
) {
  const statuses: EngineStatus[] = [];
  connection = new EngineConnection({
    discover,
    log: silentLogger,
    retryMinMs: 10,
    retryMaxMs: 40,
    healthIntervalMs: 20,
    requestTimeoutMs: 200,
    createClient: (t) => engines.find((e) => t.address.kind === 'unix' && e.path === t.address.path)!.client(),
    ...extra,
  });
  connection.onStatus((status) => statuses.push(status));
  return { connection, statuses };
}

describe('EngineConnection', () => {
  it('connects: connecting → connected with the engine info, and tells listeners', async () => {
    const engine = new FakeEngine('/a.sock');
    const { connection, statuses } = setup([engine]);
    const connected = vi.fn();
    connection.onConnected(connected);
    connection.start();
    await vi.waitFor(() => expect(connection.status.state).toBe('connected'));
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
    expect(statuses[0].endpoint?.host).toBe('unix:///a.sock');
    const status = connection.status as Extract<EngineStatus, { state: 'connected' }>;
    expect(status.info).toMatchObject({ product: 'docker', version: '20.10.24', cpus: 2, name: '/a.sock' });
    expect(connected).toHaveBeenCalledTimes(1);
    expect(connection.client()).toBeDefined();
  });

  it('fans out engine events parsed from chunks that split lines', async () => {
    const engine = new FakeEngine('/a.sock');
    const { connection } = setup([engine]);
    const events: EngineEvent[] = [];
    connection.onEngineEvent((e) => events.push(e));
    await connection.reconnect();
    const line = JSON.stringify({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'c1', Attributes: { name: 'web' } },
      time: 9,
    });
    engine.streams[0].write(`${line}\n${line.slice(0, 10)}`);
    engine.streams[0].write(`${line.slice(10)}\n`);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1]).toEqual({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'c1', Attributes: { name: 'web' } },
      time: 9,
    });
  });

  it('is unreachable with a human reason while the engine is down, and connects once it is up', async () => {
    const engine = new FakeEngine('/a.sock');
    engine.up = false;
    const { connection, statuses } = setup([engine]);
    const status = await connection.reconnect();
    expect(status).toMatchObject({ state: 'unreachable', endpoint: { host: 'unix:///a.sock' } });
    if (status.state !== 'unreachable') throw new Error('unreachable expected');
    expect(status.reason).toMatch(
      /^No engine answers at unix:\/\/\/a\.sock: connect ECONNREFUSED \/a\.sock\. Start the engine/,
    );
    expect(status.retryAt).toBeGreaterThan(status.since - 1);
    expect(() => connection.client()).toThrowError(new BerthError('ENGINE_UNREACHABLE', status.reason));
    engine.up = true;
    await vi.waitFor(() => expect(connection.status.state).toBe('connected'));
    // Background retries keep the state "unreachable" (with a new retryAt) instead of flickering "connecting".
    expect(statuses.map((s) => s.state).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'connecting',
      'unreachable',
      'connected',
    ]);
  });

  it('flips to unreachable as soon as the event stream ends, then recovers and asks for a resync', async () => {
    const engine = new FakeEngine('/a.sock');
    const { connection, statuses } = setup([engine]);
    const connected = vi.fn();
    connection.onConnected(connected);
    await connection.reconnect();
    engine.crash();
    // The end of the stream arrives on the next turns of the event loop, well before any health ping.
    await new Promise((resolve) => setImmediate(resolve));
    expect(connection.status.state).toBe('unreachable');
    const lost = statuses.find((s) => s.state === 'unreachable');
    expect(lost?.state === 'unreachable' && lost.reason).toBe(
      'Lost the engine at unix:///a.sock: the engine closed its event stream. Berth keeps trying to reconnect.',
    );
    engine.up = true;
    await vi.waitFor(() => expect(connection.status.state).toBe('connected'));
    expect(connected).toHaveBeenCalledTimes(2);
    expect(engine.openStreams).toBe(1);
  });

  it('notices a failed health ping even when the stream stays open', async () => {
    const engine = new FakeEngine('/a.sock');
    const { connection, statuses } = setup([engine]);
    await connection.reconnect();
    engine.pingFails = true;
    await vi.waitFor(() => expect(connection.status.state).toBe('unreachable'));
    const lost = statuses.find((s) => s.state === 'unreachable');
    expect(lost?.state === 'unreachable' && lost.reason).toContain(
      'Lost the engine at unix:///a.sock: it stopped answering pings: connect ECONNREFUSED',
    );
    expect(engine.streams[0].destroyed).toBe(true);
  });

  it('keeps the session through one health ping answered too late', async () => {
    const engine = new FakeEngine('/a.sock');
    const { connection, statuses } = setup([engine]);
    await connection.reconnect();
    const before = engine.pings;
    engine.pingsToHang = 1;
    await vi.waitFor(() => expect(engine.pings).toBeGreaterThanOrEqual(before + 3), { timeout: 2000 });
    expect(connection.status.state).toBe('connected');
    expect(statuses.map((s) => s.state)).not.toContain('unreachable');
    expect(engine.openStreams).toBe(1);
  });

  it('calls the engine lost after two health pings in a row go unanswered', async () => {
    const engine = new FakeEngine('/a.sock');
    const { connection, statuses } = setup([engine]);
    await connection.reconnect();
    engine.pingsToHang = 2;
    // It reconnects at once (the next ping is answered): the status history shows the loss.
    await vi.waitFor(() => expect(statuses.map((s) => s.state)).toContain('unreachable'), { timeout: 2000 });
    const lost = statuses.find((s) => s.state === 'unreachable');
    expect(lost?.state === 'unreachable' && lost.reason).toContain(
      'it stopped answering pings: no answer within 200 ms',
    );
  });

  it('gives up on an engine that never answers after the request timeout', async () => {
    const engine = new FakeEngine('/a.sock');
    engine.pingHangs = true;
    const { connection } = setup([engine]);
    const status = await connection.reconnect();
    expect(status.state === 'unreachable' && status.reason).toContain('unix:///a.sock: no answer within 200 ms');
  });

  it('tries candidates in order and keeps the first that answers', async () => {
    const down = new FakeEngine('/down.sock');
    down.up = false;
    const up = new FakeEngine('/up.sock');
    const { connection } = setup([down, up]);
    const status = await connection.reconnect();
    expect(status).toMatchObject({ state: 'connected', endpoint: { host: 'unix:///up.sock' } });
  });

  it('reports a discovery problem as the reason, with no endpoint', async () => {
    const problem = 'DOCKER_HOST=http://x is not a valid engine address: nope. Fix or unset DOCKER_HOST.';
    const { connection } = setup([], () => ({ targets: [], problem, warnings: [], searched: [] }));
    expect(await connection.reconnect()).toMatchObject({ state: 'unreachable', endpoint: null, reason: problem });
  });

  it('says where it looked when no engine exists', async () => {
    const { connection } = setup([], () => ({
      targets: [],
      problem: null,
      warnings: [],
      searched: ['unix:///var/run/docker.sock'],
    }));
    const status = await connection.reconnect();
    expect(status.state === 'unreachable' && status.reason).toMatch(
      /^No engine found: nothing at unix:\/\/\/var\/run\/docker\.sock\./,
    );
  });

  it('stop() ends the stream, the retries and a hung attempt, and emits nothing after', async () => {
    const engine = new FakeEngine('/a.sock');
    const { connection, statuses } = setup([engine]);
    await connection.reconnect();
    await connection.stop();
    expect(engine.streams[0].destroyed).toBe(true);

    engine.pingHangs = true;
    const pending = connection.reconnect();
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('connecting'));
    const started = Date.now();
    await connection.stop();
    await pending;
    expect(Date.now() - started).toBeLessThan(150);
    const count = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statuses.length).toBe(count);
    expect(() => connection.client()).toThrow(BerthError);
  });
});

describe('EngineConnection retry policy', () => {
  /** An engine that refuses in a way only the user can fix (like an SSH login refused), counting attempts. */
  function refusing(path: string, error: Error) {
    const engine = new FakeEngine(path);
    let attempts = 0;
    const client = engine.client() as unknown as Record<string, unknown>;
    client.ping = async () => {
      attempts += 1;
      throw error;
    };
    return { engine, client: client as unknown as Dockerode, attempts: () => attempts };
  }

  it('does not retry a failure only the user can fix, until reconnect() is called', async () => {
    const { client, attempts } = refusing(
      '/a.sock',
      needsUserAction(new BerthError('ENGINE_UNREACHABLE', 'SSH login as me@box failed: the server refused the key')),
    );
    const { connection, statuses } = setup([], () => found('/a.sock'), { createClient: () => client });
    const status = await connection.reconnect();
    expect(status).toMatchObject({
      state: 'unreachable',
      retryAt: null,
      reason: 'Berth cannot use the engine at unix:///a.sock: SSH login as me@box failed: the server refused the key.',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts()).toBe(1);
    expect(statuses.filter((s) => s.state === 'unreachable')).toHaveLength(1);
    await connection.reconnect();
    expect(attempts()).toBe(2);
  });

  it('fails requests with HOST_KEY_MISMATCH while the host key is refused', async () => {
    const { client } = refusing(
      '/a.sock',
      needsUserAction(new BerthError('HOST_KEY_MISMATCH', 'The SSH host key of box changed')),
    );
    const { connection } = setup([], () => found('/a.sock'), { createClient: () => client });
    await connection.reconnect();
    expect(() => connection.client()).toThrowError(expect.objectContaining({ code: 'HOST_KEY_MISMATCH' }) as Error);
  });

  it('keeps retrying other failures, with a new retryAt each time', async () => {
    const { client, attempts } = refusing('/a.sock', refused('/a.sock'));
    const { connection, statuses } = setup([], () => found('/a.sock'), { createClient: () => client });
    await connection.reconnect();
    await vi.waitFor(() => expect(attempts()).toBeGreaterThanOrEqual(3));
    const retries = statuses.filter((s) => s.state === 'unreachable');
    expect(retries.every((s) => s.state === 'unreachable' && s.retryAt !== null)).toBe(true);
    expect(new Set(retries.map((s) => s.state === 'unreachable' && s.reason)).size).toBe(1);
  });

  it('backs off to a minute by default once an outage is older than a minute', async () => {
    vi.useFakeTimers();
    try {
      const { client, attempts } = refusing('/a.sock', refused('/a.sock'));
      connection = new EngineConnection({
        discover: () => found('/a.sock'),
        log: silentLogger,
        createClient: () => client,
        now: () => Date.now(),
      });
      connection.start();
      await vi.advanceTimersByTimeAsync(60_000);
      const inFirstMinute = attempts();
      // 0.5, 1, 2, 4, then every 5 s: a restarting engine is found again within seconds.
      expect(inFirstMinute).toBeGreaterThanOrEqual(14);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      const status = connection.status;
      expect(status.state === 'unreachable' && status.retryAt! - Date.now()).toBeLessThanOrEqual(60_000);
      const before = attempts();
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(attempts() - before).toBeLessThanOrEqual(5);
      expect(attempts() - before).toBeGreaterThanOrEqual(4);
    } finally {
      await connection?.stop();
      connection = null;
      vi.useRealTimers();
    }
  });
});
