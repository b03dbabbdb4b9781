// The socket watch against a real folder and a real unix socket bound in it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchableSockets, watchSockets } from '../../../../main/core/connection/socket-watch';

let folder: string;
let stop: (() => void) | null = null;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'berth-watch-'));
});

afterEach(async () => {
  stop?.();
  stop = null;
  await rm(folder, { recursive: true, force: true });
});

describe('watchSockets', () => {
  it('calls back when a unix socket of that name is bound, and not for other files in its folder', async () => {
    const socketPath = path.join(folder, 'docker.sock');
    const changed = vi.fn();
    stop = watchSockets([socketPath], changed);
    await writeFile(path.join(folder, 'docker.pid'), '1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changed).not.toHaveBeenCalled();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      await vi.waitFor(() => expect(changed).toHaveBeenCalled(), { timeout: 2_000 });
    } finally {
      server.close();
    }
  });

  it('calls back once more at the end of its quiet gap for a change inside it (stale socket removed, new one bound)', async () => {
    const socketPath = path.join(folder, 'docker.sock');
    await writeFile(socketPath, '');
    const changed = vi.fn();
    stop = watchSockets([socketPath], changed);
    await rm(socketPath);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(changed).toHaveBeenCalledTimes(1);
      await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2), { timeout: 2_000 });
    } finally {
      server.close();
    }
  });

  it('skips a folder that does not exist, and calls back nothing after it is stopped', async () => {
    const changed = vi.fn();
    const socketPath = path.join(folder, 'docker.sock');
    stop = watchSockets([path.join(folder, 'missing', 'docker.sock'), socketPath], changed);
    stop();
    await writeFile(socketPath, '');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changed).not.toHaveBeenCalled();
  });
});

describe('watchableSockets', () => {
  it('takes the unix targets, or the unix addresses searched when nothing was found', () => {
    const unix = {
      endpoint: { host: 'unix:///run/a.sock', source: 'DOCKER_HOST' as const },
      address: { kind: 'unix' as const, path: '/run/a.sock' },
      tls: null,
    };
    const tcp = {
      endpoint: { host: 'tcp://h:2375', source: 'DOCKER_HOST' as const },
      address: { kind: 'tcp' as const, host: 'h', port: 2375 },
      tls: null,
    };
    expect(watchableSockets({ targets: [unix, tcp], problem: null, warnings: [], searched: [] })).toEqual([
      '/run/a.sock',
    ]);
    expect(
      watchableSockets({
        targets: [],
        problem: null,
        warnings: [],
        searched: ['unix:///var/run/docker.sock', 'npipe:////./pipe/docker_engine'],
      }),
    ).toEqual(['/var/run/docker.sock']);
  });
});
