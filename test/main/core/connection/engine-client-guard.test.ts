// Every engine request goes through the guard. Against real unix sockets (no engine needed): a "hung engine"
// that accepts and never answers makes an ordinary call fail as ENGINE_UNREACHABLE within its deadline, a
// quiet stream is not cut, and ids with path tricks are refused before anything is sent.
import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  guardEngineClient,
  requestPathProblem,
  requestTimeoutMs,
} from '../../../../main/core/connection/engine-client-guard';
import { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { toErrorInfo } from '../../../../main/core/connection/engine-errors';
import { silentLogger } from '../../../../main/core/logger';
import { apiPathProblem } from '../../../../main/shared/image-reference';
import { channels } from '../../../../main/shared/contract';
import { dependantSignals } from './dependant-signals';

let dir: string;
let server: Server;
let socketPath: string;
let seen: string[];
let answer: (req: IncomingMessage, res: ServerResponse) => void;
const held = new Set<ServerResponse>();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-guard-'));
  socketPath = join(dir, 'engine.sock');
  seen = [];
  answer = () => undefined;
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    held.add(res);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterEach(async () => {
  for (const res of held) res.destroy();
  held.clear();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const client = (timeoutMs = 300) =>
  guardEngineClient(new Dockerode({ socketPath }), { timeoutMs, longTimeoutMs: timeoutMs * 2 });

describe('a hung engine', () => {
  it('fails an ordinary call with ENGINE_UNREACHABLE within the deadline', async () => {
    const started = Date.now();
    const error = await client()
      .listContainers({ all: true })
      .then(
        () => null,
        (failure: unknown) => failure,
      );
    const elapsed = Date.now() - started;
    expect(toErrorInfo(error)).toMatchObject({
      code: 'ENGINE_UNREACHABLE',
      message: expect.stringMatching(/did not answer GET \/containers\/json within 0.3 s/),
    });
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2_000);
    expect(seen).toEqual(['GET /containers/json?all=true']);
  });

  it('gives stop the container grace time on top, and removal the long deadline', async () => {
    const docker = client(200);
    const started = Date.now();
    await expect(docker.getContainer('abc').stop({ t: 1 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_150);
    const removing = Date.now();
    await expect(docker.getImage('busybox:latest').remove()).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(Date.now() - removing).toBeGreaterThanOrEqual(380);
  });

  it('does not cut a stream that is quiet for longer than the deadline', async () => {
    answer = (req, res) => {
      if (req.url?.startsWith('/events')) res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
    };
    const stream = (await client(200).getEvents()) as NodeJS.ReadableStream & { destroy(): void };
    let ended = false;
    stream.on('end', () => (ended = true));
    stream.on('error', () => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(ended).toBe(false);
    stream.destroy();
  });

  it("keeps the caller's own abort working", async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    const started = Date.now();
    await expect(
      (client(5_000) as unknown as { info(o: { abortSignal: AbortSignal }): Promise<unknown> }).info({
        abortSignal: abort.signal,
      }),
    ).rejects.toBeTruthy();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps nothing on a long-lived caller signal once each call is done', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    const session = new AbortController();
    const docker = client(5_000) as unknown as { info(o: { abortSignal: AbortSignal }): Promise<unknown> };
    for (let i = 0; i < 20; i += 1) await docker.info({ abortSignal: session.signal });
    expect(dependantSignals(session.signal)).toBe(0);
    expect(getEventListeners(session.signal, 'abort')).toHaveLength(0);
  });
});

describe('path tricks', () => {
  it.each([
    ['image', (d: Dockerode) => d.getImage('a/../../containers/json').inspect(), 'INVALID_REFERENCE'],
    ['image with an encoded ..', (d: Dockerode) => d.getImage('%2e%2e/%2e%2e/info').inspect(), 'INVALID_REFERENCE'],
    ['image history', (d: Dockerode) => d.getImage('./x').history(), 'INVALID_REFERENCE'],
    ['image tag', (d: Dockerode) => d.getImage('x/..').tag({ repo: 'y' }), 'INVALID_REFERENCE'],
    ['image removal', (d: Dockerode) => d.getImage('nginx?force=1').remove(), 'INVALID_REFERENCE'],
    ['container', (d: Dockerode) => d.getContainer('../images/x').inspect(), 'INVALID_PAYLOAD'],
    ['container with a query', (d: Dockerode) => d.getContainer('abc?force=true').remove(), 'INVALID_PAYLOAD'],
    ['container with a fragment', (d: Dockerode) => d.getContainer('abc#').start(), 'INVALID_PAYLOAD'],
    ['volume', (d: Dockerode) => d.getVolume('..').inspect(), 'INVALID_PAYLOAD'],
  ])('refuses a %s before anything reaches the engine', async (_what, call, code) => {
    await expect(call(client())).rejects.toMatchObject({
      code,
      message: expect.stringMatching(/Berth refused to send/),
    });
    expect(seen).toEqual([]);
  });

  it('lets real names through, slashes and all', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"Id":"sha256:1"}');
    await expect(client().getImage('ghcr.io/o/r:1.0').inspect()).resolves.toMatchObject({ Id: 'sha256:1' });
    await expect(
      client()
        .getImage('127.0.0.1:5000/x/y@sha256:' + 'a'.repeat(64))
        .inspect(),
    ).resolves.toBeTruthy();
    expect(seen[0]).toBe('GET /images/ghcr.io/o/r:1.0/json');
  });

  it('requestPathProblem and apiPathProblem agree on the tricks', () => {
    for (const id of ['..', 'a/../b', '%2e%2e', 'a?b', 'a#b', 'a\\b', 'a b', 'a\nb']) {
      expect(apiPathProblem(id)).not.toBeNull();
      expect(requestPathProblem(`/images/${id}/json`)).not.toBeNull();
    }
    expect(apiPathProblem('a//b')).toMatch(/empty part/);
    // The fuzz suite's crash: an empty part makes the engine redirect to a host named after the next part.
    for (const id of ['', '/', '/x', 'a//b', 'a/'])
      expect(requestPathProblem(`/images/${id}/json`)).toMatch(/empty part/);
    expect(apiPathProblem('docker.io/library/nginx:1.27')).toBeNull();
    expect(requestPathProblem('/containers/json?')).toBeNull();
  });

  it('the contract refuses image ids with . or .. parts before any service runs', () => {
    expect(channels['images:inspect'].request.safeParse({ id: 'a/../../containers/json' }).success).toBe(false);
    expect(channels['images:inspect'].request.safeParse({ id: 'a/./b' }).success).toBe(false);
    expect(channels['images:inspect'].request.safeParse({ id: 'ghcr.io/o/r:1.0' }).success).toBe(true);
  });
});

describe('requestTimeoutMs', () => {
  it('leaves streams, hijacks and waits without a deadline', () => {
    expect(requestTimeoutMs({ path: '/events?', method: 'GET', isStream: true })).toBeNull();
    expect(
      requestTimeoutMs({ path: '/containers/x/attach?', method: 'POST', isStream: true, hijack: true }),
    ).toBeNull();
    expect(requestTimeoutMs({ path: '/containers/x/wait?', method: 'POST' })).toBeNull();
    expect(requestTimeoutMs({ path: '/containers/json?', method: 'GET' })).toBe(60_000);
    expect(requestTimeoutMs({ path: '/images/prune?', method: 'POST' })).toBe(600_000);
  });
});

describe('EngineConnection', () => {
  it('hands out guarded clients', async () => {
    answer = (req, res) => {
      if (req.url === '/_ping') res.end('OK');
      else if (req.url === '/info')
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"NCPU":2,"MemTotal":1024}');
      else if (req.url === '/version')
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"Version":"20.10.24","ApiVersion":"1.41"}');
      else if (req.url?.startsWith('/events')) res.writeHead(200).flushHeaders();
    };
    const connection = new EngineConnection({
      discover: () => ({
        targets: [
          {
            endpoint: { host: `unix://${socketPath}`, source: 'default-socket' },
            address: { kind: 'unix', path: socketPath },
            tls: null,
          },
        ],
        problem: null,
        warnings: [],
        searched: [],
      }),
      log: silentLogger,
      healthIntervalMs: 60_000,
    });
    try {
      expect((await connection.reconnect()).state).toBe('connected');
      const before = seen.length;
      await expect(connection.client().getImage('x/../../containers/json').inspect()).rejects.toMatchObject({
        code: 'INVALID_REFERENCE',
      });
      expect(seen.length).toBe(before);
    } finally {
      await connection.stop();
    }
  });
});
