// Berth's own dockerd on this machine, beside the harness engine: started and answering, a container run
// on it from the harness registry, stopped with nothing left on the host (no dockerd, containerd or shim,
// no mount, bridge or MASQUERADE rule), started again with the container still there, reached by the real
// docker CLI through its context, and cleaned up after dockerd dies on its own. All files in temp folders.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerdProvider } from '../../../../../main/core/engines/dockerd/dockerd-provider';
import type { EngineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';
import { silentLogger } from '../../../../../main/core/logger';
import type { ProviderState } from '../../../../../main/shared/engine-manager-types';
import { pullImage } from '../../../../harness/busybox-image';
import { harness } from '../../../../harness/context';
import { waitUntil } from '../../../../harness/run-command';
import {
  layoutOf,
  leftoversOf,
  nothingLeft,
  ownedEngineDirs,
  uniqueEngineName,
  type OwnedEngineDirs,
} from './owned-engine-fixture';

const CONTAINER = 'berth-owned-sleeper';
let dirs: OwnedEngineDirs;
let name: string;
let layout: EngineLayout;
let provider: DockerdProvider;
const states: ProviderState[] = [];

function docker(): Dockerode {
  return new Dockerode({ socketPath: layout.socketPath });
}

beforeAll(async () => {
  dirs = await ownedEngineDirs('dockerd-int');
  name = uniqueEngineName('int');
  layout = layoutOf(name, dirs.env);
  provider = new DockerdProvider({ name, env: dirs.env, log: silentLogger });
  provider.onChange((change) => {
    if (change.state) states.push(change.state);
  });
});

afterAll(async () => {
  try {
    await provider?.stop();
    await provider?.remove({ deleteData: true });
  } finally {
    await dirs?.cleanup();
  }
});

describe('DockerdProvider on this machine', () => {
  it('is available here (root, dockerd installed)', () => {
    expect(DockerdProvider.availability(dirs.env)).toEqual({ available: true, reason: null });
    expect(provider.control()).toEqual({ canStart: true, canStop: false, reason: null });
  });

  it('starts beside the harness engine, runs a container, and stops leaving nothing behind', async () => {
    await provider.start();
    expect(provider.state()).toBe('running');
    expect(states).toEqual(['starting', 'running']);
    expect(provider.host).toBe(`unix://${layout.socketPath}`);
    expect(provider.discover().targets[0]?.endpoint.host).toBe(provider.host);
    expect(await docker().ping()).toEqual(Buffer.from('OK'));
    const info = await docker().info();
    expect(info.DockerRootDir).toBe(layout.dataRoot);
    expect(info.DockerRootDir).not.toBe(harness().dataRoot);

    await pullImage(docker(), harness().registryImage);
    const container = await docker().createContainer({
      name: CONTAINER,
      Image: harness().registryImage,
      Cmd: ['sleep', '3600'],
    });
    await container.start();
    expect((await container.inspect()).State.Running).toBe(true);
    expect(provider.logs().some((line) => line.startsWith('[dockerd] '))).toBe(true);
    expect(provider.logs().some((line) => line.startsWith('[containerd] '))).toBe(true);

    await provider.stop();
    expect(provider.state()).toBe('stopped');
    expect(states.slice(-2)).toEqual(['stopping', 'stopped']);
    expect(await leftoversOf(layout)).toEqual(nothingLeft);
    expect(provider.discover().problem).toMatch(/is stopped/);
    // The harness engine did not notice.
    expect(await new Dockerode({ socketPath: harness().socketPath }).ping()).toEqual(Buffer.from('OK'));
  });

  it('starts again with the container still there, stopped, and able to start', async () => {
    await provider.start();
    const all = await docker().listContainers({ all: true });
    const found = all.find((summary) => summary.Names.includes(`/${CONTAINER}`));
    expect(found?.State).toBe('exited');
    await docker().getContainer(CONTAINER).start();
    expect((await docker().getContainer(CONTAINER).inspect()).State.Running).toBe(true);
  });

  it('is reached by the real docker CLI through its context', async () => {
    expect(provider.dockerContext()).toBe(`berth-${name}`);
    const { stdout } = await promisify(execFile)(
      '/usr/bin/docker',
      ['--context', `berth-${name}`, 'ps', '-a', '--format', '{{.Names}} {{.State}}'],
      {
        env: { PATH: dirs.env.PATH, HOME: dirs.env.HOME, DOCKER_CONFIG: dirs.dockerConfig },
      },
    );
    expect(stdout.trim().split('\n')).toContain(`${CONTAINER} running`);
  });

  it('turns stopped with the reason in its log when dockerd dies, and cleans up after it', async () => {
    const pid = Number((await readFile(layout.dockerdPidfile, 'utf8')).trim());
    process.kill(pid, 'SIGKILL');
    expect(await waitUntil(() => provider.state() === 'stopped', 60_000)).toBe(true);
    expect(provider.logs().join('\n')).toMatch(/dockerd killed by SIGKILL on its own/);
    // The running container's shim outlived dockerd; the provider killed it with its container.
    expect(await leftoversOf(layout)).toEqual(nothingLeft);

    await provider.start();
    const all = await docker().listContainers({ all: true });
    expect(all.map((summary) => summary.Names[0])).toContain(`/${CONTAINER}`);
    await provider.stop();
    expect(await leftoversOf(layout)).toEqual(nothingLeft);
  });
});
