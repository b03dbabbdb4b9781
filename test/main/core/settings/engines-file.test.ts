// A hand-edited settings file listing one engine twice: the first entry is used, the repeats are dropped and
// reported as a file problem (each repeat used to get a connection of its own that nothing closed).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../main/core/logger';
import { newVmConfig } from '../../../../main/core/engines/vm/vm-config';
import { dropDuplicateEngines, enginesFileSchema } from '../../../../main/core/settings/engines-file';
import { SettingsStore } from '../../../../main/core/settings/settings-store';

let dir: string;
let warnings: string[];
const log: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-engines-file-'));
  warnings = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dev = { id: 'berth-dev', name: 'dev', kind: 'berth-dockerd' as const };
const vm = {
  id: 'vm-one',
  name: 'one',
  kind: 'vm' as const,
  cpus: 2,
  memoryMiB: 2048,
  diskGiB: 20,
  startWithBerth: false,
  idleStopMinutes: null,
};

describe('dropDuplicateEngines', () => {
  it('keeps the first of each id and each name', () => {
    const result = dropDuplicateEngines([dev, vm, { ...dev, name: 'other' }, { ...vm, id: 'vm-two' }]);
    expect(result.engines).toEqual([dev, vm]);
    expect(result.dropped).toEqual([
      'engines[2] repeats the id "berth-dev" of an earlier engine',
      'engines[3] repeats the name "one" of an earlier engine',
    ]);
  });
});

describe('SettingsStore with a repeated engine', () => {
  it('uses the first entry, reports the file problem, keeps the rest of the file, and saves without the repeat', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(
      file,
      JSON.stringify({ defaultRunLimits: { pidsLimit: 10 }, engines: [dev, vm, dev], activeEngineId: 'vm-one' }),
    );
    const store = new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log });
    expect(await store.engines()).toEqual({ engines: [dev, vm], activeEngineId: 'vm-one' });
    expect((await store.get()).defaultRunLimits).toEqual({ pidsLimit: 10 });
    const view = store.view(await store.get());
    expect(view.fileProblem).toMatch(/lists an engine twice \(engines\[2\] repeats the id "berth-dev"/);
    expect(warnings.join('\n')).toMatch(/\[settings\].*engines\[2\]/);
    await store.update({ defaultRunLimits: { pidsLimit: 20 } });
    expect(JSON.parse(await readFile(file, 'utf8')).engines).toEqual([dev, vm]);
  });
});

describe('a VM engine suspendOnStop setting', () => {
  it('accepts a file without it (older Berth: read as on) and with it, and refuses a value that is not a boolean', () => {
    expect(enginesFileSchema.safeParse({ engines: [vm] }).success).toBe(true);
    expect(enginesFileSchema.safeParse({ engines: [{ ...vm, suspendOnStop: false }] }).success).toBe(true);
    expect(enginesFileSchema.safeParse({ engines: [{ ...vm, suspendOnStop: 'yes' }] }).success).toBe(false);
    expect(newVmConfig({ name: 'one' }).suspendOnStop).toBe(true);
    expect(newVmConfig({ name: 'one', suspendOnStop: false }).suspendOnStop).toBe(false);
  });
});
