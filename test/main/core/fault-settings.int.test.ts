// Fault injection on Berth's data folder, through a real core's router: the folder on a tiny tmpfs that fills
// up, the same folder remounted read-only, and a directory where settings.json belongs. Each refused save must
// say what happened and what to do, and leave the previous settings file exactly as it was, with no
// temporary file behind; once the fault is gone, saving works again. Needs root (mount).
import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/create-core';
import { silentLogger } from '../../../main/core/logger';
import type { Envelope } from '../../../main/shared/errors';
import type { SettingsView } from '../../../main/shared/settings-types';
import { harness } from '../../harness/context';
import { runCommand } from '../../harness/run-command';

let mountPoint: string;
let historyBase: string;
let mounted = false;
const cores: Core[] = [];

function coreFor(configDir: string): Core {
  const env = {
    PATH: process.env.PATH,
    HOME: configDir,
    DOCKER_HOST: harness().dockerHost,
    BERTH_CONFIG_DIR: configDir,
    BERTH_EMBEDDED_ENGINE: '0',
  };
  // The stats history goes elsewhere: this folder is for the settings file's faults (the store's own are
  // tested in test/main/core/stats/history).
  const core = createCore({
    log: silentLogger,
    transport: 'websocket',
    env,
    statsHistory: { dir: join(historyBase, 'stats-history') },
  });
  cores.push(core);
  return core;
}

async function update(core: Core, cpus: number): Promise<Envelope<SettingsView>> {
  return (await core.router.handle('settings:update', { defaultRunLimits: { cpus } })) as Envelope<SettingsView>;
}

async function cpusOf(core: Core): Promise<number | null | undefined> {
  const reply = (await core.router.handle('settings:get', {})) as Envelope<SettingsView>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data.settings.defaultRunLimits.cpus;
}

/** Files in the folder other than settings.json and the filler: a leftover temporary file would show here. */
async function strays(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== 'settings.json' && name !== 'filler' && name !== 'lost+found');
}

beforeAll(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'berth-fault-data-'));
  historyBase = await mkdtemp(join(tmpdir(), 'berth-fault-history-'));
  // 64 KiB: settings.json is a few hundred bytes, so one filler file takes the rest.
  await runCommand('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'berth-fault-data', mountPoint]);
  mounted = true;
});

afterAll(async () => {
  for (const core of cores) await core.close();
  if (mounted) await runCommand('umount', [mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
  await rm(historyBase, { recursive: true, force: true });
});

describe('the data folder failing under the core', () => {
  it('a full disk: the save is refused in words, the previous file is intact, and saving works once there is room', async () => {
    const core = coreFor(mountPoint);
    expect((await update(core, 1)).ok).toBe(true);
    const previous = await readFile(join(mountPoint, 'settings.json'), 'utf8');

    // Fill every block left; writeFile stops at ENOSPC with what fitted written.
    await writeFile(join(mountPoint, 'filler'), Buffer.alloc(128 * 1024)).catch((error: NodeJS.ErrnoException) =>
      expect(error.code).toBe('ENOSPC'),
    );
    const refused = await update(core, 2);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    console.info(`[test] full disk: ${refused.error.code}: ${refused.error.message}`);
    expect(refused.error.message).toContain(join(mountPoint, 'settings.json'));
    expect(refused.error.message).toMatch(/no space left on device/i);
    expect(refused.error.code).toBe('STORAGE_FAILED');
    expect(refused.error.message).toMatch(/disk is full: free some space/);
    expect(await readFile(join(mountPoint, 'settings.json'), 'utf8')).toBe(previous);
    expect(await strays(mountPoint)).toEqual([]);
    // What the core answers is what is on disk, not the change it could not save.
    expect(await cpusOf(core)).toBe(1);

    await rm(join(mountPoint, 'filler'));
    expect((await update(core, 2)).ok).toBe(true);
    expect(JSON.parse(await readFile(join(mountPoint, 'settings.json'), 'utf8'))).toMatchObject({
      defaultRunLimits: { cpus: 2 },
    });
  });

  it('a read-only folder (root cannot write either): refused in words, the previous file intact', async () => {
    const core = coreFor(mountPoint);
    expect(await cpusOf(core)).toBe(2);
    const previous = await readFile(join(mountPoint, 'settings.json'), 'utf8');
    await runCommand('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const refused = await update(core, 3);
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      console.info(`[test] read-only folder: ${refused.error.code}: ${refused.error.message}`);
      expect(refused.error.message).toMatch(/read-only file system/i);
      expect(refused.error.code).toBe('STORAGE_FAILED');
      expect(refused.error.message).toContain('check that the folder is writable');
      expect(await readFile(join(mountPoint, 'settings.json'), 'utf8')).toBe(previous);
      expect(await cpusOf(core)).toBe(2);
    } finally {
      await runCommand('mount', ['-o', 'remount,rw', mountPoint]);
    }
    expect(await strays(mountPoint)).toEqual([]);
    expect((await update(core, 3)).ok).toBe(true);
  });

  it('a directory where settings.json belongs: set aside and reported, defaults in use, and saves work', async () => {
    const dir = join(mountPoint, 'with-directory');
    await mkdir(join(dir, 'settings.json'), { recursive: true });
    await writeFile(join(dir, 'settings.json', 'keep-me'), 'user data\n');
    const core = coreFor(dir);
    const view = (await core.router.handle('settings:get', {})) as Envelope<SettingsView>;
    if (!view.ok) expect.fail(view.error.message);
    console.info(`[test] directory in place of the file: ${view.data.fileProblem}`);
    expect(view.data.fileProblem).toMatch(/cannot be read .*kept as .*settings\.json\.corrupt/);
    // Nothing the user had there is lost: the directory moved aside with what it held.
    expect(await readFile(join(dir, 'settings.json.corrupt', 'keep-me'), 'utf8')).toBe('user data\n');
    expect((await update(core, 1)).ok).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      defaultRunLimits: { cpus: 1 },
    });
  });
});
