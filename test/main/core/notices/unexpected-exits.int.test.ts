// Against the private engine: a container that exits with a failure by itself raises `containers:exited`;
// one stopped through Berth, and one that exits cleanly, do not.
import { rm } from 'node:fs/promises';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../main/core/create-core';
import { harness } from '../../../harness/context';
import { runTestContainer } from '../../../harness/containers';
import { HubRecorder } from '../hub-recorder';
import { call, configFolder, startCore } from '../recording/recording-fixture';

let dir: string;
let core: Core;
let docker: Dockerode;
let recorder: HubRecorder;
const made: Dockerode.Container[] = [];

beforeAll(async () => {
  dir = await configFolder();
  core = await startCore(dir);
  recorder = new HubRecorder(core.hub);
  docker = new Dockerode({ socketPath: harness().socketPath });
});

afterAll(async () => {
  recorder?.dispose();
  await Promise.all(made.map((container) => container.remove({ force: true }).catch(() => undefined)));
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

const run = async (name: string, script: string) => {
  const container = await runTestContainer(docker, {
    image: harness().busyboxImage,
    name: `${name}-${process.pid}`,
    cmd: ['sh', '-c', script],
  });
  made.push(container);
  return container;
};

describe('unexpected exits', () => {
  it('raises a container that failed by itself, and not one stopped through Berth or one that exited cleanly', async () => {
    const stopped = await run('berth-exit-stopped', 'trap "exit 1" TERM; sleep 3600 & wait');
    const clean = await run('berth-exit-clean', 'sleep 1; exit 0');
    const failing = await run('berth-exit-failing', 'sleep 1; exit 3');
    await call(core, 'containers:stop', { id: stopped.id });
    const raised = await recorder.next(
      'containers:exited',
      (exit) => exit.id === failing.id,
      20_000,
      'the failing one',
    );
    expect(raised.payload).toMatchObject({ name: `berth-exit-failing-${process.pid}`, exitCode: 3, oomKilled: false });
    // The clean one has exited by now too (same sleep): its `die` came and raised nothing.
    await docker.getContainer(clean.id).wait();
    const exited = recorder.seen.filter((seen) => seen.event === 'containers:exited').map((seen) => seen.payload);
    expect(exited).toEqual([raised.payload]);
  });
});
