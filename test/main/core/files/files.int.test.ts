// The Files channels through the core's router against the private engine: listing folders of a running and a
// stopped container (names, sizes, modes, owners from the container's own /etc/passwd), downloads of a file and
// of a folder, uploads, and the refusals: no such path, a file as the upload folder, a read-only root, a file
// over the download cap, names that are not plain file names.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/create-core';
import { tar } from '../../../../main/core/files/tar';
import { onEntry } from '../../../../main/core/files/tar';
import { silentLogger } from '../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../main/shared/contract';
import { harness } from '../../../harness/context';
import { TEST_LABEL } from '../../../harness/containers';
import { callCore } from '../core-call';

let dir: string;
let core: Core;
let docker: Dockerode;
let running: Dockerode.Container;
let stopped: Dockerode.Container;
const created: Dockerode.Container[] = [];
const suffix = `${process.pid}-${Date.now()}`;

function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core, channel, payload);
}

async function failure<C extends Channel>(
  channel: C,
  payload: RequestOf<C>,
): Promise<{ code: string; message: string }> {
  const reply = await core.router.handle(channel, payload);
  if (reply.ok) throw new Error(`[test] ${channel} succeeded: ${JSON.stringify(reply.data).slice(0, 200)}`);
  return reply.error;
}

/** Runs `script` with sh in a new container, waits for it to finish and leaves it stopped. */
async function container(name: string, script: string, extra: Partial<Dockerode.ContainerCreateOptions> = {}) {
  const made = await docker.createContainer({
    Image: harness().busyboxImage,
    name: `${name}-${suffix}`,
    Cmd: ['sh', '-c', script],
    Labels: { [TEST_LABEL]: '1' },
    StopTimeout: 1,
    ...extra,
  });
  created.push(made);
  await made.start();
  return made;
}

/** The names of a tar's entries and the content of its regular files. */
function untar(data: Buffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tar.extract();
  onEntry(extract, (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      files.set(header.name, Buffer.concat(chunks).toString('utf8'));
      next();
    });
  });
  return new Promise((resolve, reject) => {
    extract.on('finish', () => resolve(files));
    extract.on('error', reject);
    extract.end(data);
  });
}

const setup = [
  'echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd',
  'echo "root:x:0:" > /etc/group',
  'mkdir -p /data/sub /data/up',
  'printf "in sub" > /data/sub/note.txt',
  'printf "hello files" > /data/hello.txt',
  'chmod 640 /data/hello.txt',
  'ln -s hello.txt /data/link',
  'ln -s /data/sub /data/to-sub',
  'head -c 5242880 /dev/zero > /data/big.bin',
  'mkdir /mid && head -c 3999000 /dev/urandom > /mid/random.bin && sha256sum /mid/random.bin > /mid/random.sum',
].join(' && ');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-files-int-'));
  const env = { DOCKER_HOST: harness().dockerHost, BERTH_CONFIG_DIR: join(dir, 'berth'), HOME: dir };
  core = createCore({ log: silentLogger, transport: 'websocket', env: { ...env, PATH: process.env.PATH } });
  const status = await core.connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[test] the core did not connect: ${JSON.stringify(status)}`);
  docker = new Dockerode({ socketPath: harness().socketPath });
  running = await container('berth-files-running', `${setup} && sleep 3600`);
  stopped = await container('berth-files-stopped', setup);
  await stopped.wait();
  // The running one has finished its setup once the big file is there.
  for (let tries = 0; ; tries += 1) {
    const listing = await call('files:list', { id: running.id, path: '/data' }).catch(() => null);
    if (listing?.entries.some((entry) => entry.name === 'big.bin' && entry.size === 5242880)) break;
    if (tries > 100) throw new Error('[test] the running container did not write its files');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(async () => {
  await Promise.all(created.map((each) => each.remove({ force: true, v: true }).catch(() => undefined)));
  await core?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('files:list', () => {
  it('lists the direct entries of / (bin, etc, …)', async () => {
    const listing = await call('files:list', { id: running.id, path: '/' });
    const names = listing.entries.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['bin', 'etc', 'data', 'proc']));
    expect(names.every((name) => !name.includes('/'))).toBe(true);
    expect(listing.entries.find((entry) => entry.name === 'bin')?.kind).toBe('dir');
    expect(listing.path).toBe('/');
  });

  it('gives sizes, modes, owners and link targets of a folder it wrote, normalising the path', async () => {
    const listing = await call('files:list', { id: running.id, path: '/data/sub/../' });
    expect(listing.path).toBe('/data');
    expect(listing.truncated).toBe(false);
    const hello = listing.entries.find((entry) => entry.name === 'hello.txt');
    expect(hello).toMatchObject({ kind: 'file', size: 11, mode: '-rw-r-----', modeOctal: '0640', owner: 'root' });
    expect(hello).toMatchObject({ group: 'root', uid: 0, gid: 0 });
    expect(hello?.mtimeMs).toBeGreaterThan(Date.now() - 3_600_000);
    expect(listing.entries.find((entry) => entry.name === 'sub')).toMatchObject({ kind: 'dir', mode: 'drwxr-xr-x' });
    expect(listing.entries.find((entry) => entry.name === 'link')).toMatchObject({
      kind: 'symlink',
      linkTarget: 'hello.txt',
    });
    expect(listing.entries.map((entry) => entry.name)).toEqual(['big.bin', 'hello.txt', 'link', 'sub', 'to-sub', 'up']);
  });

  it('follows a link to a folder, and refuses a link to a file as not a folder', async () => {
    const through = await call('files:list', { id: running.id, path: '/data/to-sub' });
    expect(through.entries.map((entry) => entry.name)).toEqual(['note.txt']);
    const toFile = await failure('files:list', { id: running.id, path: '/data/link' });
    expect(toFile.code).toBe('CONFLICT');
    expect(toFile.message).toContain('not a folder');
  });

  it('lists a stopped container too', async () => {
    expect((await stopped.inspect()).State.Running).toBe(false);
    const listing = await call('files:list', { id: stopped.id, path: '/data' });
    expect(listing.entries.find((entry) => entry.name === 'hello.txt')?.size).toBe(11);
  });

  it('says which path does not exist, and that a file is not a folder', async () => {
    const missing = await failure('files:list', { id: running.id, path: '/no/such/place' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('/no/such/place');
    const file = await failure('files:list', { id: running.id, path: '/data/hello.txt' });
    expect(file).toMatchObject({ code: 'CONFLICT' });
    expect(file.message).toContain('not a folder');
    const unknown = await failure('files:list', { id: `no-such-container-${suffix}`, path: '/' });
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('marks a listing cut by its caps as truncated, and the engine stays usable', async () => {
    const { FilesService } = await import('../../../../main/core/files/files-service');
    const small = new FilesService({
      connection: core.connection,
      listLimits: { maxBytes: 64 * 1024, maxEntries: 100_000, maxMs: 10_000 },
    });
    const listing = await small.list(running.id, '/');
    expect(listing.truncated).toBe(true);
    // The cut response was destroyed: the next calls are answered.
    const again = await call('files:list', { id: running.id, path: '/data' });
    expect(again.entries.length).toBe(6);
  });

  it('gives at most 5,000 entries of a folder with more, marked truncated', async () => {
    const many = await container('berth-files-many', 'mkdir /many && cd /many && seq 1 6000 | xargs touch');
    await many.wait();
    const started = Date.now();
    const listing = await call('files:list', { id: many.id, path: '/many' });
    console.info(`[files] listed ${listing.entries.length} of 6000 entries in ${Date.now() - started} ms`);
    expect(listing.entries.length).toBe(5000);
    expect(listing.truncated).toBe(true);
  });
});

describe('files:download', () => {
  it('gives a file’s bytes', async () => {
    const file = await call('files:download', { id: running.id, path: '/data/hello.txt' });
    expect(file).toMatchObject({ name: 'hello.txt', kind: 'file', bytes: 11 });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe('hello files');
  });

  it('gives a file just under the cap byte for byte', async () => {
    const file = await call('files:download', { id: stopped.id, path: '/mid/random.bin' });
    expect(file.bytes).toBe(3999000);
    const sum = await call('files:download', { id: stopped.id, path: '/mid/random.sum' });
    const digest = createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex');
    expect(Buffer.from(sum.base64, 'base64').toString('utf8').split(' ')[0]).toBe(digest);
  });

  it('gives a folder as a tar holding its files', async () => {
    const folder = await call('files:download', { id: stopped.id, path: '/data/sub/' });
    expect(folder).toMatchObject({ kind: 'folder', name: 'sub.tar' });
    const entries = await untar(Buffer.from(folder.base64, 'base64'));
    expect(entries.get('sub/note.txt')).toBe('in sub');
  });

  it('refuses a file over 4 MiB, naming its size and docker cp', async () => {
    const error = await failure('files:download', { id: running.id, path: '/data/big.bin' });
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('5.0 MiB');
    expect(error.message).toContain('docker cp');
  });

  it('refuses a folder whose tar is over 4 MiB', async () => {
    const error = await failure('files:download', { id: running.id, path: '/data' });
    expect(error.code).toBe('TOO_LARGE');
  });

  it('says a missing path is missing', async () => {
    const error = await failure('files:download', { id: running.id, path: '/data/nothing' });
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('files:upload', () => {
  it('writes two files that a listing then shows with their sizes', async () => {
    const result = await call('files:upload', {
      id: running.id,
      folder: '/data/up',
      files: [
        { name: 'one.txt', base64: Buffer.from('first').toString('base64') },
        { name: 'two words.sh', base64: Buffer.from('#!/bin/sh\necho two\n').toString('base64'), mode: 0o755 },
      ],
    });
    expect(result.files).toEqual([
      { name: 'one.txt', bytes: 5 },
      { name: 'two words.sh', bytes: 19 },
    ]);
    const listing = await call('files:list', { id: running.id, path: '/data/up' });
    expect(listing.entries.map((entry) => [entry.name, entry.size, entry.modeOctal])).toEqual([
      ['one.txt', 5, '0644'],
      ['two words.sh', 19, '0755'],
    ]);
    const back = await call('files:download', { id: running.id, path: '/data/up/one.txt' });
    expect(Buffer.from(back.base64, 'base64').toString()).toBe('first');
    const folder = await call('files:download', { id: running.id, path: '/data/up' });
    const entries = await untar(Buffer.from(folder.base64, 'base64'));
    expect(entries.get('up/one.txt')).toBe('first');
  });

  it('refuses a file as the folder, a missing folder and a read-only root', async () => {
    const one = [{ name: 'x.txt', base64: 'eA==' }];
    const intoFile = await failure('files:upload', { id: running.id, folder: '/data/hello.txt', files: one });
    expect(intoFile.code).toBe('CONFLICT');
    expect(intoFile.message).toContain('not a folder');
    const missing = await failure('files:upload', { id: running.id, folder: '/nowhere', files: one });
    expect(missing.code).toBe('NOT_FOUND');
    const readOnly = await container('berth-files-readonly', 'sleep 3600', { HostConfig: { ReadonlyRootfs: true } });
    const refused = await failure('files:upload', { id: readOnly.id, folder: '/bin', files: one });
    expect(refused.code).toBe('ENGINE_REFUSED');
    expect(refused.message).toContain('read-only');
  });

  it('rejects names that are not plain file names, and uploads over the cap, before the engine', async () => {
    for (const name of ['a/b', '..', '.', '', 'nul\0name']) {
      const error = await failure('files:upload', { id: running.id, folder: '/data', files: [{ name, base64: '' }] });
      expect(error.code).toBe('INVALID_PAYLOAD');
    }
    const big = Buffer.alloc(600 * 1024).toString('base64');
    const error = await failure('files:upload', {
      id: running.id,
      folder: '/data',
      files: [{ name: 'big', base64: big }],
    });
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toContain('docker cp');
    const relative = await failure('files:list', { id: running.id, path: 'data' });
    expect(relative.code).toBe('INVALID_PAYLOAD');
  });
});
