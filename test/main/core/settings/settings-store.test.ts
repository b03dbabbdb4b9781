// The settings file: where it lives, atomic saves, validation, and never crashing on a bad file.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configDir } from '../../../../main/core/config-dir';
import { SettingsStore } from '../../../../main/core/settings/settings-store';
import type { Logger } from '../../../../main/core/logger';
import { defaultStatsAlertSettings } from '../../../../main/shared/stats-history-types';
import { testCipher } from '../registries/test-cipher';

const MiB = 1024 * 1024;
let dir: string;
let warnings: string[];
const log: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };
const store = () => new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-settings-'));
  warnings = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('configDir', () => {
  it('prefers BERTH_CONFIG_DIR, then the platform location', () => {
    expect(configDir({ BERTH_CONFIG_DIR: '/x' }, 'linux', '/home/u')).toBe('/x');
    expect(configDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u')).toBe('/cfg/berth');
    expect(configDir({}, 'linux', '/home/u')).toBe('/home/u/.config/berth');
    expect(configDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Berth');
    expect(configDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Berth',
    );
  });
});

describe('SettingsStore', () => {
  it('starts with no limits and no file', async () => {
    expect(await store().get()).toEqual({ defaultRunLimits: {}, registryCredentials: 'docker-config' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves a profile to settings.json and reads it back in a new store', async () => {
    const profile = { memoryBytes: 64 * MiB, cpus: 0.5, pidsLimit: 100 };
    expect(await store().update({ defaultRunLimits: profile })).toEqual({
      defaultRunLimits: profile,
      registryCredentials: 'docker-config',
    });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({
      defaultRunLimits: profile,
      registryCredentials: 'docker-config',
      engines: [],
      activeEngineId: null,
    });
    expect(await store().get()).toEqual({ defaultRunLimits: profile, registryCredentials: 'docker-config' });
    // The temporary file was renamed away.
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('tells its followers of each saved update, and not of a refused one', async () => {
    const settings = store();
    const heard: unknown[] = [];
    const stop = settings.onChange((saved) => heard.push(saved.statsAlerts));
    const statsAlerts = { ...defaultStatsAlertSettings, memorySeconds: 5 };
    await settings.update({ statsAlerts });
    await expect(settings.update({ defaultRunLimits: { memoryBytes: 1 } })).rejects.toThrow();
    stop();
    await settings.update({ statsAlerts: defaultStatsAlertSettings });
    expect(heard).toEqual([statsAlerts]);
  });

  it('creates a missing config folder', async () => {
    const nested = new SettingsStore({ env: { BERTH_CONFIG_DIR: join(dir, 'a', 'b') }, log });
    await nested.update({ defaultRunLimits: { pidsLimit: 10 } });
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['settings.json']);
  });

  it('refuses a profile that breaks a limit rule with INVALID_LIMITS, keeping the old one', async () => {
    const settings = store();
    await settings.update({ defaultRunLimits: { pidsLimit: 10 } });
    await expect(settings.update({ defaultRunLimits: { memoryBytes: 1 * MiB } })).rejects.toMatchObject({
      code: 'INVALID_LIMITS',
      message: expect.stringMatching(/at least 6 MiB/),
    });
    await expect(
      settings.update({ defaultRunLimits: { memoryBytes: 64 * MiB, memorySwapBytes: 32 * MiB } }),
    ).rejects.toMatchObject({ code: 'INVALID_LIMITS', message: expect.stringMatching(/below the memory limit/) });
    expect(await store().get()).toEqual({ defaultRunLimits: { pidsLimit: 10 }, registryCredentials: 'docker-config' });
  });

  it.each([
    ['not JSON', '{ nope'],
    ['the wrong shape', JSON.stringify({ defaultRunLimits: { memoryBytes: 'lots' } })],
    ['a broken rule', JSON.stringify({ defaultRunLimits: { memoryBytes: 1024 } })],
  ])('a file with %s gives the defaults, is kept aside at once and reported', async (_what, text) => {
    await writeFile(join(dir, 'settings.json'), text);
    const settings = store();
    expect(await settings.get()).toEqual({ defaultRunLimits: {}, registryCredentials: 'docker-config' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(dir, 'settings.json'));
    expect(await readFile(join(dir, 'settings.json.corrupt'), 'utf8')).toBe(text);
    expect(settings.view(await settings.get()).fileProblem).toBe(`${warnings[0]!.replace('[settings] ', '')}`);
    expect(settings.view(await settings.get()).fileProblem).toMatch(
      /it was kept as .*settings\.json\.corrupt, and the defaults are in use/,
    );
    await settings.update({ defaultRunLimits: { pidsLimit: 5 } });
    expect(await readFile(join(dir, 'settings.json.corrupt'), 'utf8')).toBe(text);
    expect(await store().get()).toEqual({ defaultRunLimits: { pidsLimit: 5 }, registryCredentials: 'docker-config' });
  });

  it('keeps the engines part beside the rest, and each update keeps the other part', async () => {
    const engines = {
      engines: [{ id: 'berth-dev', name: 'dev', kind: 'berth-dockerd' as const }],
      activeEngineId: 'berth-dev',
    };
    await store().updateEngines(engines);
    await store().update({ defaultRunLimits: { pidsLimit: 7 } });
    const reread = store();
    expect(await reread.engines()).toEqual(engines);
    expect(await reread.get()).toEqual({ defaultRunLimits: { pidsLimit: 7 }, registryCredentials: 'docker-config' });
  });

  it('refuses a file whose engines part does not fit, keeping it aside', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ engines: [{ id: 'x', name: 'x', kind: 'teleport' }] }),
    );
    const settings = store();
    expect(await settings.engines()).toEqual({ engines: [], activeEngineId: null });
    expect(settings.view(await settings.get()).fileProblem).toMatch(/does not hold Berth's settings/);
  });

  it('keeps the last of concurrent updates on disk', async () => {
    const settings = store();
    await Promise.all([1, 2, 3].map((pids) => settings.update({ defaultRunLimits: { pidsLimit: pids } })));
    expect(await store().get()).toEqual({ defaultRunLimits: { pidsLimit: 3 }, registryCredentials: 'docker-config' });
  });
});

describe('where new containers publish ports', () => {
  it('is loopback (absent) by default, saves a choice and reads it back in a new store', async () => {
    expect((await store().get()).publishInterface).toBeUndefined();
    const settings = store();
    await settings.update({ defaultRunLimits: { pidsLimit: 4 } });
    expect(await settings.update({ publishInterface: 'all' })).toEqual({
      defaultRunLimits: { pidsLimit: 4 },
      registryCredentials: 'docker-config',
      publishInterface: 'all',
    });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ publishInterface: 'all' });
    expect(await store().get()).toEqual({
      defaultRunLimits: { pidsLimit: 4 },
      registryCredentials: 'docker-config',
      publishInterface: 'all',
    });
    // Another update keeps the choice.
    await store().update({ defaultRunLimits: {} });
    expect((await store().get()).publishInterface).toBe('all');
  });

  it('a file with an unknown interface gives the defaults and a warning', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ defaultRunLimits: {}, publishInterface: 'everywhere' }),
    );
    expect(await store().get()).toEqual({ defaultRunLimits: {}, registryCredentials: 'docker-config' });
    expect(warnings[0]).toMatch(/publishInterface/);
  });
});

describe('registry credential storage', () => {
  const serveRefusal =
    'Encrypted credential storage needs the Berth desktop app (Electron safeStorage); serve mode has no OS keychain to encrypt with.';

  it("refuses 'encrypted' without a cipher (serve mode) in specific words, and saves nothing", async () => {
    const settings = store();
    await expect(
      settings.update({ registryCredentials: 'encrypted', defaultRunLimits: { pidsLimit: 7 } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: serveRefusal });
    expect(await readdir(dir)).toEqual([]);
    expect(await settings.get()).toEqual({ defaultRunLimits: {}, registryCredentials: 'docker-config' });
    expect(settings.view(await settings.get())).toEqual({
      settings: { defaultRunLimits: {}, registryCredentials: 'docker-config' },
      encryptionAvailable: false,
      encryptionProblem: serveRefusal,
      fileProblem: null,
    });
  });

  it("refuses 'encrypted' while the cipher has no keychain, and says why", async () => {
    const cipher = Object.assign(testCipher(), { available: false });
    const settings = new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log, secretCipher: cipher });
    await expect(settings.update({ registryCredentials: 'encrypted' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/safeStorage has no OS keychain/),
    });
    expect(settings.view(await settings.get())).toMatchObject({
      encryptionAvailable: false,
      encryptionProblem: expect.stringMatching(/GNOME Keyring/),
    });
  });

  it("saves 'encrypted' with a cipher, keeps the limit profile, and reads it back", async () => {
    const settings = new SettingsStore({ env: { BERTH_CONFIG_DIR: dir }, log, secretCipher: testCipher() });
    await settings.update({ defaultRunLimits: { pidsLimit: 9 } });
    expect(await settings.update({ registryCredentials: 'encrypted' })).toEqual({
      defaultRunLimits: { pidsLimit: 9 },
      registryCredentials: 'encrypted',
    });
    expect(settings.view(await settings.get())).toMatchObject({ encryptionAvailable: true, encryptionProblem: null });
    // Read back without a cipher too (serve mode after the desktop app): the choice is kept, not reset.
    expect(await store().get()).toEqual({ defaultRunLimits: { pidsLimit: 9 }, registryCredentials: 'encrypted' });
    expect(warnings).toEqual([]);
  });

  it('a file with an unknown storage gives the defaults and a warning', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ defaultRunLimits: {}, registryCredentials: 'keychain' }),
    );
    expect(await store().get()).toEqual({ defaultRunLimits: {}, registryCredentials: 'docker-config' });
    expect(warnings[0]).toMatch(/registryCredentials/);
  });

  it('reads a bad file once when several callers ask at the same moment: it is set aside, and said so truly', async () => {
    // The core's first requests and the engine registry ask together at start; each used to read the file and
    // move it aside, and the loser reported "could not be moved aside" for a file that was.
    await writeFile(join(dir, 'settings.json'), '{ not json');
    const settings = store();
    const [first, second, engines] = await Promise.all([settings.get(), settings.get(), settings.engines()]);
    expect(first).toEqual(second);
    expect(engines).toEqual({ engines: [], activeEngineId: null });
    expect(settings.view(first).fileProblem).toMatch(/it was kept as .*settings\.json\.corrupt/);
    expect(warnings).toHaveLength(1);
    expect(await readFile(join(dir, 'settings.json.corrupt'), 'utf8')).toBe('{ not json');
  });
});
