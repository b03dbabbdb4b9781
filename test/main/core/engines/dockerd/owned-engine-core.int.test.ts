// Berth's own dockerd through the core's router, beside the harness engine (the discovered one): added and
// running, both engines connected at once, the Containers list following the active engine, stop and start
// from the Engine page's channels, the configuration found again by a new core, and removal taking the
// docker context and the data with it. Nothing is left running after core.close().
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../../main/core/create-core';
import { contextMetaDir, writeDockerContext } from '../../../../../main/core/engines/docker-context';
import type { EngineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';
import { silentLogger } from '../../../../../main/core/logger';
import { harness } from '../../../../harness/context';
import { waitUntil } from '../../../../harness/run-command';
import { callCore as call } from '../../core-call';
import {
  layoutOf,
  leftoversOf,
  nothingLeft,
  ownedEngineDirs,
  uniqueEngineName,
  type OwnedEngineDirs,
} from './owned-engine-fixture';

let dirs: OwnedEngineDirs;
let env: NodeJS.ProcessEnv;
let name: string;
let id: string;
let layout: EngineLayout;
const cores: Core[] = [];
const harnessOnly = `berth-harness-only-${randomBytes(3).toString('hex')}`;
const ownedOnly = `berth-owned-only-${randomBytes(3).toString('hex')}`;
const harnessDocker = () => new Dockerode({ socketPath: harness().socketPath });

function newCore(): Core {
  const core = createCore({ log: silentLogger, transport: 'websocket', env });
  cores.push(core);
  return core;
}

async function containerNames(core: Core): Promise<string[]> {
  return (await call(core, 'containers:list', { all: true })).map((container) => container.name);
}

beforeAll(async () => {
  dirs = await ownedEngineDirs('owned-core');
  name = uniqueEngineName('core');
  id = `berth-${name}`;
  layout = layoutOf(name, dirs.env);
  // The harness engine is found through a docker context, not DOCKER_HOST: with DOCKER_HOST set, that engine
  // would be the active one of every run and the saved active Berth engine would not start with a new core.
  env = { ...dirs.env, DOCKER_CONTEXT: 'berth-harness', BERTH_EMBEDDED_ENGINE: '0' };
  await writeDockerContext(env, 'harness', harness().dockerHost);
  await harnessDocker().createContainer({ name: harnessOnly, Image: harness().busyboxImage, Cmd: ['sleep', '3600'] });
});

afterAll(async () => {
  try {
    for (const core of cores) await core.close();
    await harnessDocker().getContainer(harnessOnly).remove({ force: true });
  } finally {
    await dirs?.cleanup();
  }
});

describe('a Berth-owned engine through the core', () => {
  it('runs beside the discovered engine, follows the active one, stops, starts, and leaves nothing at close', async () => {
    const core = newCore();
    expect((await core.connection.reconnect()).state).toBe('connected');

    const added = await call(core, 'engines:add-owned', { name });
    expect(added).toMatchObject({
      id,
      kind: 'berth-dockerd',
      providerState: 'running',
      connection: { state: 'connected' },
      dockerContext: `berth-${name}`,
      canStop: true,
    });
    const listed = await call(core, 'engines:list', {});
    expect(listed.map((engine) => [engine.id, engine.connection.state])).toEqual([
      ['discovered', 'connected'],
      [id, 'connected'],
    ]);

    const owned = new Dockerode({ socketPath: layout.socketPath });
    await owned
      .pull(harness().registryImage)
      .then(
        (stream) =>
          new Promise((resolve, reject) =>
            owned.modem.followProgress(stream, (error) => (error ? reject(error) : resolve(undefined))),
          ),
      );
    await owned.createContainer({ name: ownedOnly, Image: harness().registryImage, Cmd: ['sleep', '3600'] });
    expect(await containerNames(core)).toContain(harnessOnly);
    expect(await containerNames(core)).not.toContain(ownedOnly);

    await call(core, 'engines:set-active', { id });
    expect(await containerNames(core)).toContain(ownedOnly);
    expect(await containerNames(core)).not.toContain(harnessOnly);

    expect((await call(core, 'engines:stop', { id })).providerState).toBe('stopped');
    expect(await waitUntil(async () => (await call(core, 'engine:status', {})).state === 'unreachable', 30_000)).toBe(
      true,
    );
    expect((await call(core, 'engines:list', {})).find((engine) => engine.id === id)?.connection).toMatchObject({
      state: 'unreachable',
      reason: `${name} is stopped.`,
    });
    expect(await leftoversOf(layout)).toEqual(nothingLeft);

    const started = await call(core, 'engines:start', { id });
    expect(started).toMatchObject({ providerState: 'running', connection: { state: 'connected' } });
    expect(await containerNames(core)).toContain(ownedOnly);
    expect((await call(core, 'engines:logs', { id })).some((line) => line.startsWith('[dockerd] '))).toBe(true);

    await core.close();
    expect(await leftoversOf(layout)).toEqual(nothingLeft);
  });

  it('is found again by a new core, and removal deletes its context and data', async () => {
    const core = newCore();
    const owned = async () => (await call(core, 'engines:list', {})).find((engine) => engine.id === id);
    // It was the active engine when the last core closed, so it starts with Berth again.
    expect(await waitUntil(async () => (await owned())?.connection.state === 'connected', 60_000)).toBe(true);
    expect(await owned()).toMatchObject({
      active: true,
      providerState: 'running',
      removable: true,
      dockerContext: `berth-${name}`,
    });
    expect(await containerNames(core)).toContain(ownedOnly);

    const remaining = await call(core, 'engines:remove', { id, deleteData: true });
    expect(remaining.map((engine) => engine.id)).toEqual(['discovered']);
    expect(existsSync(contextMetaDir(env, `berth-${name}`))).toBe(false);
    expect(existsSync(layout.engineDir)).toBe(false);
    expect(await leftoversOf(layout)).toEqual(nothingLeft);
    await core.close();
  });
});
