// The engine setting that says how Berth's own engine runs for a normal user (auto, rootless, helper): kept in
// the settings file, shown in the engine's view, changed only for a Berth-owned dockerd. Nothing is started.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineRegistry } from '../../../../main/core/engines/engine-registry';
import { EventHub } from '../../../../main/core/ipc/event-hub';
import { silentLogger } from '../../../../main/core/logger';
import { SettingsStore } from '../../../../main/core/settings/settings-store';

let dir: string;
let registry: EngineRegistry | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-registry-run-as-'));
});

afterEach(async () => {
  await registry?.close();
  registry = null;
  await rm(dir, { recursive: true, force: true });
});

async function savedEngines(): Promise<unknown> {
  return (JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { engines: unknown }).engines;
}

describe('EngineRegistry.setRunAs', () => {
  it("keeps the setting in the settings file and the engine's view, and refuses other engines", async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ engines: [{ id: 'berth-a', name: 'a', kind: 'berth-dockerd', runAs: 'rootless' }] }),
    );
    const env = {
      DOCKER_HOST: `unix://${dir}/absent.sock`,
      BERTH_EMBEDDED_ENGINE: '0',
      BERTH_DATA_DIR: join(dir, 'data'),
      BERTH_RUNTIME_DIR: join(dir, 'run'),
      PATH: process.env.PATH,
    };
    registry = new EngineRegistry({
      env,
      hub: new EventHub(),
      log: silentLogger,
      settings: new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log: silentLogger }),
    });
    await registry.start();
    const before = registry.views().find((view) => view.id === 'berth-a');
    expect(before?.providerState).toBe('stopped');
    // Only on Linux with dockerd installed is there a mode box at all; the setting is there either way.
    if (before?.ownedMode) expect(before.ownedMode.runAs).toBe('rootless');

    const helper = await registry.setRunAs('berth-a', 'helper');
    if (helper.ownedMode) expect(helper.ownedMode.runAs).toBe('helper');
    expect(await savedEngines()).toEqual([{ id: 'berth-a', name: 'a', kind: 'berth-dockerd', runAs: 'helper' }]);

    await registry.setRunAs('berth-a', 'auto');
    // Auto is the default, so the file says nothing (as older files do).
    expect(await savedEngines()).toEqual([{ id: 'berth-a', name: 'a', kind: 'berth-dockerd' }]);

    await expect(registry.setRunAs('discovered', 'helper')).rejects.toThrow(/not Berth's own dockerd/);
  });
});
