// Encrypted registry logins end to end through the core's router, as the desktop app runs it (a test cipher
// stands in for Electron safeStorage): settings → 'encrypted', login against a private registry that needs a
// password, the docker config untouched, no plaintext in credentials.json, an authenticated pull, logout.
// DOCKER_CONFIG, BERTH_CONFIG_DIR and HOME are temp dirs: nothing here reads or writes ~/.docker or ~/.config.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/create-core';
import { silentLogger } from '../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../main/shared/contract';
import type { Transfer } from '../../../../main/shared/transfer-types';
import { pushImage } from '../../../harness/busybox-image';
import { harness } from '../../../harness/context';
import { PrivateRegistry } from '../../../harness/private-registry';
import { removeImages } from '../transfers/transfer-fixture';
import { testCipher } from './test-cipher';
import { callCore } from '../core-call';

const user = { username: 'berth', password: 'correct horse battery' };
const dockerConfigText = `${JSON.stringify({ auths: {}, currentContext: 'default', proxies: {} }, null, 2)}\n`;
let dir: string;
let core: Core;
let docker: Dockerode;
let registry: PrivateRegistry;
let reference: string;

function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core, channel, payload);
}

/** Starts a pull through the router and waits for the transfer to end. */
async function pull(image: string): Promise<Transfer> {
  let resolveEnd: (transfer: Transfer) => void = () => undefined;
  const ended = new Promise<Transfer>((resolve) => (resolveEnd = resolve));
  let id: string | null = null;
  const early: Transfer[] = [];
  const unsubscribe = core.hub.subscribe((event, payload) => {
    if (event !== 'transfers:progress' || (payload as Transfer).state === 'running') return;
    if (id === null) early.push(payload as Transfer);
    else if ((payload as Transfer).id === id) resolveEnd(payload as Transfer);
  });
  try {
    const started = await call('images:pull', { reference: image });
    id = started.id;
    const already =
      early.find((transfer) => transfer.id === started.id) ?? (started.state !== 'running' ? started : undefined);
    if (already) return already;
    return await ended;
  } finally {
    unsubscribe();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-encrypted-int-'));
  await writeFile(join(dir, 'config.json'), dockerConfigText, { mode: 0o600 });
  docker = new Dockerode({ socketPath: harness().socketPath });
  registry = await PrivateRegistry.start({ htpasswd: user });
  reference = await pushImage(docker, harness().busyboxImage, registry.address, {
    ...user,
    serveraddress: registry.address,
  });
  await removeImages(docker, [reference]);
  const env = {
    DOCKER_HOST: harness().dockerHost,
    DOCKER_CONFIG: dir,
    BERTH_CONFIG_DIR: join(dir, 'berth'),
    HOME: dir,
    PATH: process.env.PATH,
  };
  core = createCore({ log: silentLogger, transport: 'electron', env, secretCipher: testCipher() });
  const status = await core.connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[test] the core did not connect: ${JSON.stringify(status)}`);
});

afterAll(async () => {
  if (docker && reference) await removeImages(docker, [reference]);
  await core?.close();
  await registry?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('encrypted registry logins through the core', () => {
  it('saves the login encrypted, leaves the docker config alone, pulls with it, and logs out', async () => {
    expect(await call('settings:get', {})).toMatchObject({
      settings: { registryCredentials: 'docker-config' },
      encryptionAvailable: true,
      encryptionProblem: null,
    });
    expect((await call('settings:update', { registryCredentials: 'encrypted' })).settings.registryCredentials).toBe(
      'encrypted',
    );

    const refused = await pull(reference);
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('AUTH_REQUIRED');

    const credentialsFile = join(dir, 'berth', 'credentials.json');
    const login = await call('registries:login', { registry: registry.address, ...user });
    expect(login).toEqual({
      registry: registry.address,
      username: user.username,
      savedTo: 'encrypted',
      location: credentialsFile,
      status: 'Login Succeeded',
    });
    expect(await readFile(join(dir, 'config.json'), 'utf8')).toBe(dockerConfigText);
    const saved = await readFile(credentialsFile, 'utf8');
    expect(saved).not.toContain(user.password);
    expect(saved).not.toContain(Buffer.from(`${user.username}:${user.password}`).toString('base64'));
    expect((await stat(credentialsFile)).mode & 0o777).toBe(0o600);
    expect(await call('registries:list', {})).toContainEqual({
      registry: registry.address,
      source: 'encrypted',
      helper: null,
      username: user.username,
      problem: null,
    });

    const pulled = await pull(reference);
    console.info(`[test] pull with the encrypted login: ${pulled.state} ${pulled.status ?? ''}`);
    expect(pulled.error).toBeNull();
    expect(pulled.state).toBe('done');
    await removeImages(docker, [reference]);

    expect(await call('registries:logout', { registry: registry.address })).toEqual({ registry: registry.address });
    expect(await readFile(join(dir, 'config.json'), 'utf8')).toBe(dockerConfigText);
    expect(await call('registries:list', {})).not.toContainEqual(
      expect.objectContaining({ registry: registry.address }),
    );
    expect((await pull(reference)).error?.code).toBe('AUTH_REQUIRED');
  });
});

describe('serve mode (no cipher)', () => {
  it("refuses 'encrypted' through the router in specific words and saves nothing", async () => {
    const serveDir = await mkdtemp(join(tmpdir(), 'berth-encrypted-serve-'));
    const serve = createCore({
      log: silentLogger,
      transport: 'websocket',
      env: { DOCKER_HOST: harness().dockerHost, DOCKER_CONFIG: serveDir, BERTH_CONFIG_DIR: serveDir, HOME: serveDir },
    });
    try {
      expect(await serve.router.handle('settings:get', {})).toMatchObject({
        ok: true,
        data: { encryptionAvailable: false, encryptionProblem: expect.stringMatching(/serve mode has no OS keychain/) },
      });
      expect(await serve.router.handle('settings:update', { registryCredentials: 'encrypted' })).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message:
            'Encrypted credential storage needs the Berth desktop app (Electron safeStorage); serve mode has no OS keychain to encrypt with.',
        },
      });
      await expect(stat(join(serveDir, 'settings.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await serve.close();
      await rm(serveDir, { recursive: true, force: true });
    }
  });
});
