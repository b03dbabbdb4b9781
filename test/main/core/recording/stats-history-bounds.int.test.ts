// The recorded history's bounds through a real core, engine and files: a flood of short-lived containers keeps
// the store under its total cap (the least recently written dropped first), and a removed container's history
// stays for the retention, then goes (the store's clock moved on, the sweep after a flush).
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../main/core/create-core';
import { harness } from '../../../harness/context';
import { runTestContainer } from '../../../harness/containers';
import { call, configFolder, historyFolder, problems, startCore, until } from './recording-fixture';

const day = 86_400_000;
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

function docker(): Dockerode {
  return new Dockerode({ socketPath: harness().socketPath });
}

async function started(dir: string, options: Parameters<typeof startCore>[1]): Promise<Core> {
  const core = await startCore(dir, options);
  cleanups.push(
    () => rm(dir, { recursive: true, force: true }),
    () => core.close(),
  );
  return core;
}

/** Bytes of every file under the store's folder, as the disk has them. */
async function bytesOnDisk(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

describe('recorded history bounds', () => {
  it('holds the total cap under a flood of short-lived containers, keeping the newest', async () => {
    const dir = await configFolder();
    const capBytes = 3 * 1024;
    const core = await started(dir, { totalCapBytes: capBytes });
    await until('always-on recording', async () =>
      (await call(core, 'stats:recording', {})).mode === 'always' ? true : undefined,
    );
    const engine = docker();
    const flood: Dockerode.Container[] = [];
    // Each lives about three seconds: a few hundred bytes of rows, so together they are well over the cap.
    for (let wave = 0; wave < 3; wave += 1) {
      const made = await Promise.all(
        Array.from({ length: 8 }, () =>
          runTestContainer(engine, { image: harness().busyboxImage, cmd: ['sleep', '3'] }),
        ),
      );
      flood.push(...made);
      cleanups.push(() => Promise.all(made.map((each) => each.remove({ force: true }))));
      await Promise.all(made.map((each) => each.wait()));
    }
    const folder = historyFolder(dir);
    // Every container was recorded at some point: more than the cap was written in all. One of the last wave
    // stands for it: on a loaded machine a container living 3 s may end before its first sample.
    await until('the last wave to be on disk', async () =>
      flood.slice(16).find((each) => existsSync(join(folder, each.id))),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const kept = (await readdir(folder)).filter((name) => /^[0-9a-f]{64}$/.test(name));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(flood.length);
    // The newest survive: some of the last wave is kept (which ones depends on whose rows a flush wrote last;
    // the first of them on disk can be dropped for a later one of its own wave).
    const newest = flood.slice(16).find((each) => kept.includes(each.id));
    expect(newest).toBeDefined();
    expect(await bytesOnDisk(folder)).toBeLessThanOrEqual(capBytes);
    const recording = await call(core, 'stats:recording', {});
    expect(recording.storeCapBytes).toBe(capBytes);
    expect(recording.storeBytes).toBeLessThanOrEqual(capBytes);
    // The least recently written go first: fewer of the first wave are left than of the last.
    const keptOf = (wave: number) => flood.slice(wave * 8, wave * 8 + 8).filter((each) => kept.includes(each.id));
    expect(keptOf(0).length).toBeLessThan(keptOf(2).length);
    // A dropped container has no history to read any more; a kept one has.
    const dropped = flood.find((each) => !kept.includes(each.id))!;
    expect(await call(core, 'stats:range', { ids: [dropped.id], from: Date.now() - 600_000 })).toEqual([
      expect.objectContaining({ rows: [] }),
    ]);
    const [lastRange] = await call(core, 'stats:range', { ids: [newest!.id], from: Date.now() - 600_000 });
    expect(lastRange!.rows.length).toBeGreaterThan(0);
  });

  it('takes the total cap from Settings at once and after a restart, and refuses one outside 16 MiB to 64 GiB', async () => {
    const dir = await configFolder();
    const core = await started(dir, {});
    expect((await call(core, 'stats:recording', {})).storeCapBytes).toBe(512 * 1024 * 1024);
    await call(core, 'settings:update', { historyCapMiB: 64 });
    expect((await call(core, 'stats:recording', {})).storeCapBytes).toBe(64 * 1024 * 1024);
    for (const bad of [8, 70_000, 1.5])
      await expect(call(core, 'settings:update', { historyCapMiB: bad })).rejects.toThrow(/historyCapMiB/);
    expect((await call(core, 'settings:get', {})).settings.historyCapMiB).toBe(64);
    await core.close();
    const again = await started(dir, {});
    await until('the reopened store', async () =>
      (await call(again, 'stats:recording', {})).storeCapBytes > 0 ? true : undefined,
    );
    expect((await call(again, 'stats:recording', {})).storeCapBytes).toBe(64 * 1024 * 1024);
  });

  it("keeps a removed container's history for the retention days, then drops it", async () => {
    const dir = await configFolder();
    let offset = 0;
    const core = await started(dir, { now: () => Date.now() + offset });
    await call(core, 'settings:update', { historyRetentionDays: 3 });
    const from = Date.now() - 120_000;
    const gone = await runTestContainer(docker(), { image: harness().busyboxImage, cmd: ['sleep', '3600'] });
    cleanups.push(() => gone.remove({ force: true }));
    const folder = join(historyFolder(dir), gone.id);
    await until('two recorded seconds', async () => {
      const [range] = await call(core, 'stats:range', { ids: [gone.id], from });
      return (range?.rows.filter((row) => row.v.some((value) => value !== null)).length ?? 0) >= 2 ? true : undefined;
    });
    await gone.remove({ force: true });
    await until('the removal marker', async () => (existsSync(join(folder, 'removed')) ? true : undefined));
    // Two days later (of three): still there, by its full id though the engine no longer knows it.
    offset = 2 * day;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(existsSync(folder)).toBe(true);
    const [kept] = await call(core, 'stats:range', { ids: [gone.id], from });
    expect(kept?.id).toBe(gone.id);
    expect(kept!.rows.some((row) => row.v.some((value) => value !== null))).toBe(true);
    // Four days later: the sweep after the next flush drops it.
    offset = 4 * day;
    await until('the history to be swept', async () => (existsSync(folder) ? undefined : true));
    expect(await call(core, 'stats:range', { ids: [gone.id], from })).toEqual([]);
    expect(problems).toEqual([]);
  });
});
