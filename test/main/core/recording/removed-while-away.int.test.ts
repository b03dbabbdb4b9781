// A container removed while Berth was not running: its `destroy` event went unheard, so the next core to connect
// to the same engine must find it gone from the engine's list (the store keeps which engine each container ran
// on) and mark it removed, and leave a container that is still there alone. Real core, engine and files.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../main/core/create-core';
import { harness } from '../../../harness/context';
import { runTestContainer } from '../../../harness/containers';
import { call, configFolder, historyFolder, startCore, until } from './recording-fixture';

const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function recordingCore(dir: string): Promise<Core> {
  const core = await startCore(dir);
  cleanups.push(() => core.close());
  await until('always-on recording', async () =>
    (await call(core, 'stats:recording', {})).mode === 'always' ? true : undefined,
  );
  return core;
}

describe('containers removed while Berth was away', () => {
  it('are marked removed by the next core on the same engine; containers still there are not', async () => {
    const dir = await configFolder();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const docker = new Dockerode({ socketPath: harness().socketPath });
    const engineId = (await docker.info()).ID as string;
    const first = await recordingCore(dir);
    const [gone, stays] = await Promise.all(
      [0, 1].map(() => runTestContainer(docker, { image: harness().busyboxImage, cmd: ['sleep', '3600'] })),
    );
    cleanups.push(() => Promise.all([gone!, stays!].map((each) => each.remove({ force: true }))));
    const folder = (id: string) => join(historyFolder(dir), id);
    // Each container's folder names its engine once its rows are flushed.
    for (const container of [gone!, stays!])
      await until(`the engine file of ${container.id.slice(0, 12)}`, async () =>
        existsSync(join(folder(container.id), 'engine')) ? true : undefined,
      );
    expect((await readFile(join(folder(gone!.id), 'engine'), 'utf8')).trim()).toBe(engineId);
    await first.close();

    await gone!.remove({ force: true });
    const second = await recordingCore(dir);
    await until('the removal marker of the container removed while away', async () =>
      existsSync(join(folder(gone!.id), 'removed')) ? true : undefined,
    );
    // Its history is still there, for the retention days, like any removed container's.
    const [range] = await call(second, 'stats:range', { ids: [gone!.id], from: Date.now() - 600_000 });
    expect(range!.rows.some((row) => row.v.some((value) => value !== null))).toBe(true);
    expect(existsSync(join(folder(stays!.id), 'removed'))).toBe(false);
  });
});
