// Login, logout and authenticated pulls against a private registry that needs a password (htpasswd), with
// DOCKER_CONFIG in a temp dir: nothing here reads or writes ~/.docker.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../../main/core/connection/engine-errors';
import { pushImage } from '../../../harness/busybox-image';
import { harness } from '../../../harness/context';
import { PrivateRegistry } from '../../../harness/private-registry';
import { removeImages, transferFixture, type TransferFixture } from '../transfers/transfer-fixture';

const user = { username: 'berth', password: 'correct horse battery' };
let f: TransferFixture;
let registry: PrivateRegistry;
let reference: string;

beforeAll(async () => {
  f = await transferFixture();
  registry = await PrivateRegistry.start({ htpasswd: user });
  reference = await pushImage(f.docker, harness().busyboxImage, registry.address, {
    ...user,
    serveraddress: registry.address,
  });
  await removeImages(f.docker, [reference]);
});

afterAll(async () => {
  await f?.close();
  await registry?.destroy();
});

const configFile = () => join(f.configDir, 'config.json');
const readConfig = async () =>
  JSON.parse(await readFile(configFile(), 'utf8')) as { auths?: Record<string, { auth?: string }> };

describe('RegistriesService and pulls with a registry that needs login', () => {
  it('a pull without credentials fails with AUTH_REQUIRED in the engine words', async () => {
    const started = await f.transfers.pull(reference);
    const failed = await f.transfers.finished(started.id);
    console.info(`[test] pull without login: ${failed.error?.message}`);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('AUTH_REQUIRED');
    expect(failed.error?.message).toContain(`${registry.address} needs you to log in`);
    expect(failed.error?.message).toMatch(/no basic auth credentials|authentication required/);
  });

  it('refuses a wrong password and saves nothing', async () => {
    const info = toErrorInfo(
      await f.registries.login(registry.address, user.username, 'wrong').catch((error: unknown) => error),
    );
    console.info(`[test] wrong password: ${info.message}`);
    expect(info.code).toBe('AUTH_REQUIRED');
    expect(info.message).toContain('nothing was saved');
    await expect(stat(configFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('logs in with the right password, saves like docker login, pulls, then logs out', async () => {
    const result = await f.registries.login(registry.address, user.username, user.password);
    expect(result).toEqual({
      registry: registry.address,
      username: user.username,
      savedTo: 'config',
      location: configFile(),
      status: 'Login Succeeded',
    });
    const saved = await readConfig();
    expect(saved.auths?.[registry.address]?.auth).toBe(
      Buffer.from(`${user.username}:${user.password}`).toString('base64'),
    );
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    expect(await f.registries.list()).toContainEqual({
      registry: registry.address,
      source: 'config',
      helper: null,
      username: user.username,
      problem: null,
    });

    const pulled = await f.transfers.finished((await f.transfers.pull(reference)).id);
    expect(pulled.error).toBeNull();
    expect(pulled.state).toBe('done');

    expect(await f.registries.logout(registry.address)).toEqual({ registry: registry.address });
    expect((await readConfig()).auths?.[registry.address]).toBeUndefined();
    expect(await f.registries.authFor(registry.address)).toBeUndefined();
    await removeImages(f.docker, [reference]);
  });
});
