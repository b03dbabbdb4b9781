// The guest engine's socket served on the host: this user's alone (0600), whatever the umask (whoever can
// connect controls the engine); each half of a connection closes on its own (the CLI ends its writing half and
// still reads the answer); a create binding an unshared host folder is answered by the proxy, never forwarded.
// Real unix sockets on both sides: a small "engine" server stands for the guest's.
import net from 'node:net';
import { PassThrough } from 'node:stream';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostSocket } from '../../../../../main/core/engines/vm/host-socket';

let dir: string | null = null;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

/** An engine that reads until the client's EOF, records it, then answers and closes its side. */
async function engineAnsweringAtEof(path: string, answer: string): Promise<{ received: Promise<string> }> {
  let resolveReceived: (text: string) => void = () => undefined;
  const received = new Promise<string>((resolve) => (resolveReceived = resolve));
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    const chunks: Buffer[] = [];
    // A proxy that refused a create drops the connection: the answer then meets a closed socket (EPIPE).
    socket.on('error', (error: Error) => expect(error.message).toMatch(/EPIPE|ECONNRESET/));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      resolveReceived(Buffer.concat(chunks).toString());
      socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { received };
}

async function proxyTo(enginePath: string, judge?: (body: Buffer) => string | null): Promise<string> {
  const path = join(dir!, 'host.sock');
  const proxy = await HostSocket.listen({
    path,
    openChannel: async () => net.connect({ path: enginePath, allowHalfOpen: true }),
    note: () => undefined,
    judgeCreate: judge,
  });
  cleanups.push(() => proxy.close());
  return path;
}

/** Sends `request`, ends the writing half, and reads everything until the proxy closes its side. */
function exchange(path: string, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ path, allowHalfOpen: true });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      socket.end();
      resolve(Buffer.concat(chunks).toString());
    });
    socket.on('error', reject);
    socket.end(request);
  });
}

describe('HostSocket', () => {
  it('listens on a socket only its user can connect to, even with a permissive umask', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-host-socket-'));
    const path = join(dir, 'docker.sock');
    const previous = process.umask(0o000);
    let socket: HostSocket;
    try {
      socket = await HostSocket.listen({ path, openChannel: async () => new PassThrough(), note: () => undefined });
    } finally {
      process.umask(previous);
    }
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await socket.close();
  });

  it('keeps reading the engine after the client closed its writing half', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-host-socket-'));
    const enginePath = join(dir, 'engine.sock');
    const engine = await engineAnsweringAtEof(enginePath, 'the container said hi');
    const path = await proxyTo(enginePath);
    expect(await exchange(path, 'GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('the container said hi');
    expect(await engine.received).toBe('GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n');
  });

  it('answers a refused create with a 400 the docker CLI prints, and the engine never sees it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-host-socket-'));
    const enginePath = join(dir, 'engine.sock');
    const engine = await engineAnsweringAtEof(enginePath, 'HTTP/1.1 201 Created\r\n\r\n');
    const path = await proxyTo(enginePath, (body) => (body.includes('/opt') ? 'The bind mount /opt is outside' : null));
    const body = '{"HostConfig":{"Binds":["/opt:/x"]}}';
    const create = `POST /v1.41/containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const answer = await exchange(path, create);
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Connection: close');
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toEqual({ message: 'The bind mount /opt is outside' });
    // The proxy dropped its channel: the engine saw a connection end with nothing on it.
    expect(await engine.received).toBe('');
  });

  it('forwards a create it lets through as it came', async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-host-socket-'));
    const enginePath = join(dir, 'engine.sock');
    const engine = await engineAnsweringAtEof(enginePath, 'HTTP/1.1 201 Created\r\n\r\n');
    const path = await proxyTo(enginePath, () => null);
    const body = '{"HostConfig":{"Binds":["/home/me:/x"]}}';
    const create = `POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    expect(await exchange(path, create)).toBe('HTTP/1.1 201 Created\r\n\r\n');
    expect(await engine.received).toBe(create);
  });
});
