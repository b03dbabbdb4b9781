// RegistriesService with Berth's encrypted store (a test cipher for Electron safeStorage) beside a docker
// config in a temp DOCKER_CONFIG: where logins go in each mode, what logout erases, authFor's precedence, and
// entries that cannot be decrypted. The engine's /auth is a stand-in; the real one is in *.int.test.ts.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineConnection } from '../../../../main/core/connection/engine-connection';
import { silentLogger } from '../../../../main/core/logger';
import { EncryptedCredentials } from '../../../../main/core/registries/encrypted-credentials';
import { RegistriesService } from '../../../../main/core/registries/registries-service';
import type { SecretCipher } from '../../../../main/core/registries/secret-cipher';
import type { RegistryCredentialStorage } from '../../../../main/shared/registry-types';
import { testCipher } from './test-cipher';

let dir: string;
let checks: number;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const configFile = () => join(dir, 'docker', 'config.json');
const credentialsFile = () => join(dir, 'berth', 'credentials.json');

function service(storage: RegistryCredentialStorage, cipher: SecretCipher | null) {
  const connection = {
    client: () => ({ checkAuth: async () => (checks++, { Status: 'Login Succeeded', IdentityToken: '' }) }),
  } as unknown as EngineConnection;
  const credentials = new EncryptedCredentials(credentialsFile(), cipher);
  return new RegistriesService({
    connection,
    env: { DOCKER_CONFIG: join(dir, 'docker'), PATH: '/usr/bin:/bin' },
    log: silentLogger,
    berthStore: { credentials, storage: async () => storage },
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-registries-enc-'));
  await mkdir(join(dir, 'docker'));
  checks = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("registryCredentials: 'encrypted'", () => {
  it('login saves to credentials.json only, says where, and lists it as encrypted', async () => {
    const cipher = testCipher();
    const result = await service('encrypted', cipher).login('ghcr.io', 'me', 'plain-secret-29');
    expect(result).toEqual({
      registry: 'ghcr.io',
      username: 'me',
      savedTo: 'encrypted',
      location: credentialsFile(),
      status: 'Login Succeeded',
    });
    await expect(stat(configFile())).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readFile(credentialsFile(), 'utf8')).not.toContain('plain-secret-29');
    expect(await service('encrypted', cipher).list()).toEqual([
      { registry: 'ghcr.io', source: 'encrypted', helper: null, username: 'me', problem: null },
    ]);
    expect(await service('docker-config', cipher).authFor('ghcr.io')).toEqual({
      username: 'me',
      password: 'plain-secret-29',
      serveraddress: 'ghcr.io',
    });
  });

  it('authFor looks in Berth’s store first, then the docker config', async () => {
    const cipher = testCipher();
    await writeFile(
      configFile(),
      JSON.stringify({ auths: { 'ghcr.io': { auth: b64('cli:clipw') }, 'quay.io': { auth: b64('q:qpw') } } }),
    );
    await service('encrypted', cipher).login('ghcr.io', 'berth', 'berthpw');
    const s = service('encrypted', cipher);
    expect(await s.authFor('ghcr.io')).toEqual({ username: 'berth', password: 'berthpw', serveraddress: 'ghcr.io' });
    expect(await s.authFor('quay.io')).toEqual({ username: 'q', password: 'qpw', serveraddress: 'quay.io' });
    // The row says what a pull will use.
    expect((await s.list()).find((r) => r.registry === 'ghcr.io')).toMatchObject({
      source: 'encrypted',
      username: 'berth',
    });
  });

  it('logout erases in credentials.json only, leaving the docker config as it was', async () => {
    const cipher = testCipher();
    const config = JSON.stringify({ auths: { 'ghcr.io': { auth: b64('cli:clipw') } } });
    await writeFile(configFile(), config);
    await service('encrypted', cipher).login('ghcr.io', 'berth', 'berthpw');
    await service('encrypted', cipher).login('quay.io', 'q', 'qpw');
    expect(await service('encrypted', cipher).logout('ghcr.io')).toEqual({ registry: 'ghcr.io' });
    expect(await readFile(configFile(), 'utf8')).toBe(config);
    const s = service('encrypted', cipher);
    expect(await s.authFor('ghcr.io')).toEqual({ username: 'cli', password: 'clipw', serveraddress: 'ghcr.io' });
    expect(await s.authFor('quay.io')).toEqual({ username: 'q', password: 'qpw', serveraddress: 'quay.io' });
  });

  it('undecryptable credentials are a listed problem, and pulls fall back to the docker config', async () => {
    await service('encrypted', testCipher()).login('ghcr.io', 'berth', 'berthpw');
    await writeFile(configFile(), JSON.stringify({ auths: { 'ghcr.io': { auth: b64('cli:clipw') } } }));
    const otherMachine = service('encrypted', testCipher());
    expect(await otherMachine.list()).toEqual([
      {
        registry: 'ghcr.io',
        source: 'encrypted',
        helper: null,
        username: null,
        problem: expect.stringMatching(/cannot decrypt/),
      },
    ]);
    expect(await otherMachine.authFor('ghcr.io')).toEqual({
      username: 'cli',
      password: 'clipw',
      serveraddress: 'ghcr.io',
    });
  });

  it('without a usable cipher, login is refused before the registry is asked, and nothing is saved', async () => {
    for (const cipher of [null, Object.assign(testCipher(), { available: false })]) {
      await expect(service('encrypted', cipher).login('ghcr.io', 'me', 'pw')).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/Settings → Registry credentials/),
      });
    }
    expect(checks).toBe(0);
    await expect(stat(credentialsFile())).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(configFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe("registryCredentials: 'docker-config' beside Berth's store", () => {
  it('login goes to the docker config file and says its real path', async () => {
    const result = await service('docker-config', testCipher()).login('ghcr.io', 'me', 'pw');
    expect(result).toMatchObject({ savedTo: 'config', location: configFile() });
    await expect(stat(credentialsFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('logout also erases a login left in Berth’s store, which authFor would otherwise still use', async () => {
    const cipher = testCipher();
    await service('encrypted', cipher).login('ghcr.io', 'berth', 'berthpw');
    await service('docker-config', cipher).logout('ghcr.io');
    expect(await service('docker-config', cipher).authFor('ghcr.io')).toBeUndefined();
    expect(await service('docker-config', cipher).list()).toEqual([]);
  });
});
