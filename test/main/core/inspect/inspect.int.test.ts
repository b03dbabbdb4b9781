// The inspect channels through the core's router against the private engine: the readable sections next to
// the engine's own JSON, processes with host PIDs mapped to the container's (PID 1 is the engine's State.Pid),
// top of a stopped container refused in plain words, and the files a container wrote listed as changes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/create-core';
import { silentLogger } from '../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../main/shared/contract';
import { harness } from '../../../harness/context';
import { TEST_LABEL } from '../../../harness/containers';
import { callCore } from '../core-call';

let dir: string;
let core: Core;
let docker: Dockerode;
const created: Dockerode.Container[] = [];
const suffix = `${process.pid}-${Date.now()}`;

function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core, channel, payload);
}

async function run(name: string, cmd: string[], extra: Partial<Dockerode.ContainerCreateOptions> = {}) {
  const container = await docker.createContainer({
    Image: harness().busyboxImage,
    name: `${name}-${suffix}`,
    Cmd: cmd,
    Labels: { [TEST_LABEL]: '1', 'berth.inspect': 'yes' },
    StopTimeout: 1,
    ...extra,
  });
  created.push(container);
  await container.start();
  return container;
}

/** Polls until `check` passes; the engine and the container need a moment (2 shared cores). */
async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`[test] ${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-inspect-int-'));
  const env = { DOCKER_HOST: harness().dockerHost, BERTH_CONFIG_DIR: join(dir, 'berth'), HOME: dir };
  core = createCore({ log: silentLogger, transport: 'websocket', env: { ...env, PATH: process.env.PATH } });
  const status = await core.connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[test] the core did not connect: ${JSON.stringify(status)}`);
  docker = new Dockerode({ socketPath: harness().socketPath });
});

afterAll(async () => {
  await Promise.all(created.map((container) => container.remove({ force: true, v: true }).catch(() => undefined)));
  await core?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('containers:inspect', () => {
  it('gives the readable sections and the engine’s JSON as it sent it', async () => {
    const container = await run('berth-inspect-sections', ['sleep', '3600'], {
      Env: ['DB_PASSWORD=hunter2', 'PLAIN=1', 'EMPTY='],
      Healthcheck: { Test: ['CMD-SHELL', 'echo checked; exit 1'], Interval: 1_000_000_000, Retries: 2 },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] }, Binds: [] },
    });
    const view = await eventually(
      'two health checks recorded',
      () => call('containers:inspect', { id: container.id }),
      (each) => (each.health?.log.length ?? 0) >= 2,
    );
    const engine = await container.inspect();
    expect(view.raw.Id).toBe(engine.Id);
    expect(view.raw.Config).toEqual(engine.Config);
    expect(view.raw.HostConfig).toEqual(engine.HostConfig);
    expect(view).toMatchObject({
      id: container.id,
      name: `berth-inspect-sections-${suffix}`,
      image: harness().busyboxImage,
      path: 'sleep',
      args: ['3600'],
      command: ['sleep', '3600'],
      restartCount: 0,
      state: { running: true, status: 'running', pid: engine.State.Pid },
    });
    expect(view.env).toEqual(
      expect.arrayContaining([
        { key: 'DB_PASSWORD', value: 'hunter2' },
        { key: 'PLAIN', value: '1' },
        { key: 'EMPTY', value: '' },
      ]),
    );
    expect(view.labels).toEqual(expect.arrayContaining([{ key: 'berth.inspect', value: 'yes' }]));
    expect(view.ports).toHaveLength(1);
    expect(view.ports[0]).toMatchObject({ privatePort: 80, ip: '127.0.0.1', protocol: 'tcp' });
    expect(view.ports[0].publicPort).toBeGreaterThan(0);
    expect(view.networks.map((network) => network.name)).toEqual(['bridge']);
    expect(view.networks[0].ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(view.networks[0].macAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(view.health?.test).toEqual(['CMD-SHELL', 'echo checked; exit 1']);
    expect(view.health?.failingStreak).toBeGreaterThanOrEqual(1);
    expect(view.health?.log.at(-1)).toMatchObject({ exitCode: 1, output: expect.stringContaining('checked') });
  });

  it('says the engine found no such container', async () => {
    await expect(call('containers:inspect', { id: `berth-absent-${suffix}` })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('containers:top', () => {
  it('lists processes with host PIDs next to container PIDs: PID 1 is the engine’s State.Pid', async () => {
    const container = await run('berth-inspect-top', ['sh', '-c', 'sleep 3600 & exec sleep 3601']);
    const top = await eventually(
      'both sleeps listed',
      () => call('containers:top', { id: container.id }),
      (each) => each.processes.length >= 2,
    );
    const hostPid = (await container.inspect()).State.Pid;
    expect(top.containerPidsUnavailable).toBeNull();
    expect(top.titles).toContain('PPID (host)');
    expect(top.titles).not.toContain('PID');
    const first = top.processes.find((each) => each.containerPid === 1);
    expect(first?.hostPid).toBe(hostPid);
    expect(first?.values.join(' ')).toContain('sleep 3601');
    // The background sleep is the container's PID 7 or so, never its host PID (the host has many more).
    const other = top.processes.find((each) => each.containerPid !== 1);
    expect(other?.containerPid).toBeGreaterThan(1);
    expect(other?.hostPid).not.toBe(other?.containerPid);
  });

  it('refuses a stopped container in plain words', async () => {
    const container = await run('berth-inspect-stopped', ['true']);
    await container.wait();
    await expect(call('containers:top', { id: container.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/is not running.*Start it/),
    });
  });
});

describe('containers:changes', () => {
  it('lists a file the container wrote, one it deleted and the folders that changed', async () => {
    const container = await run('berth-inspect-changes', [
      'sh',
      '-c',
      'mkdir /work && echo hi > /work/written.txt && rm /bin/ls && sleep 3600',
    ]);
    const { changes } = await eventually(
      'the deleted file listed (the command’s last step)',
      () => call('containers:changes', { id: container.id }),
      (each) => each.changes.some((change) => change.path === '/bin/ls'),
    );
    expect(changes).toEqual(
      expect.arrayContaining([
        { path: '/work', kind: 'A' },
        { path: '/work/written.txt', kind: 'A' },
        { path: '/bin/ls', kind: 'D' },
        { path: '/bin', kind: 'C' },
      ]),
    );
    expect(changes.map((change) => change.path)).toEqual([...changes.map((change) => change.path)].sort());
  });

  it('lists nothing for a container that wrote nothing', async () => {
    const container = await run('berth-inspect-unchanged', ['sleep', '3600']);
    expect((await call('containers:changes', { id: container.id })).changes).toEqual([]);
  });
});
