// Berth killed while its engine runs (a crash): dockerd and containerd write to their own log files, so they
// outlive it with their containers. The next start finds them through the pidfile, stops them cleanly
// (containers stop as on a normal shutdown), and starts fresh with the container still there.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerdProvider } from '../../../../../main/core/engines/dockerd/dockerd-provider';
import type { EngineLayout } from '../../../../../main/core/engines/dockerd/engine-layout';
import { silentLogger } from '../../../../../main/core/logger';
import { pullImage } from '../../../../harness/busybox-image';
import { harness } from '../../../../harness/context';
import { isAlive } from '../../../../harness/run-command';
import {
  layoutOf,
  leftoversOf,
  nothingLeft,
  ownedEngineDirs,
  uniqueEngineName,
  type OwnedEngineDirs,
} from './owned-engine-fixture';

// Node itself runs the fixture (tsx as a loader, not its CLI): the CLI would run it in a child process, and
// killing the CLI would leave that child, the "crashed Berth", alive after the test.
const nodeWithTsx = [process.execPath, '--import', 'tsx'] as const;
let dirs: OwnedEngineDirs;
let name: string;
let layout: EngineLayout;
let crashed: ChildProcess | null = null;
let provider: DockerdProvider | null = null;

/** Starts the engine from another Node process and waits until it says the engine runs. */
function startInAnotherBerth(): Promise<ChildProcess> {
  const child = spawn(nodeWithTsx[0], [...nodeWithTsx.slice(1), join(__dirname, 'crashed-berth-fixture.ts')], {
    env: { ...dirs.env, BERTH_TEST_ENGINE: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('running')) resolve(child);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`[test] the other Berth exited (${code}) before its engine ran:\n${output}`)),
    );
  });
}

beforeAll(async () => {
  dirs = await ownedEngineDirs('dockerd-crash');
  name = uniqueEngineName('crash');
  layout = layoutOf(name, dirs.env);
});

afterAll(async () => {
  try {
    if (crashed && crashed.exitCode === null) crashed.kill('SIGKILL');
    // A fresh provider's start clears whatever the test left, then its stop removes it.
    provider ??= new DockerdProvider({ name, env: dirs.env, log: silentLogger });
    await provider.start().catch((error: Error) => console.error(`[test] cleanup start failed: ${error.message}`));
    await provider.stop();
  } finally {
    await dirs?.cleanup();
  }
});

describe('a Berth-owned engine after Berth crashed', () => {
  it("stops the previous run's daemons cleanly and starts again with the container still there", async () => {
    crashed = await startInAnotherBerth();
    const docker = new Dockerode({ socketPath: layout.socketPath });
    await pullImage(docker, harness().registryImage);
    await (
      await docker.createContainer({ name: 'survivor', Image: harness().registryImage, Cmd: ['sleep', '3600'] })
    ).start();
    const oldDockerd = Number((await readFile(layout.dockerdPidfile, 'utf8')).trim());
    const oldContainerd = Number((await readFile(layout.containerdPidfile, 'utf8')).trim());

    crashed.kill('SIGKILL');
    await new Promise((resolve) => crashed?.once('exit', resolve));
    // The engine outlived the Berth that started it.
    expect(isAlive(oldDockerd)).toBe(true);
    expect(await docker.ping()).toEqual(Buffer.from('OK'));

    provider = new DockerdProvider({ name, env: dirs.env, log: silentLogger });
    await provider.start();
    expect(provider.logs().join('\n')).toMatch(
      /a dockerd of a previous Berth run was still serving .* stopped it cleanly/,
    );
    expect(isAlive(oldDockerd)).toBe(false);
    expect(isAlive(oldContainerd)).toBe(false);
    const survivor = (await docker.listContainers({ all: true })).find((summary) =>
      summary.Names.includes('/survivor'),
    );
    // Stopped by dockerd's own shutdown (SIGTERM, then SIGKILL after the timeout), not lost.
    expect(survivor?.State).toBe('exited');

    await provider.stop();
    expect(await leftoversOf(layout)).toEqual(nothingLeft);
  });
});
