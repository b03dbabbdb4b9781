// A remote engine added and used through the core's router, as the Engine page does it: `engines:add-remote`
// answers with the host key question, then adds the engine once the fingerprint is accepted; set active; the
// Containers list comes through SSH. The "remote" is the private engine behind a private sshd on loopback.
// HOME, BERTH_CONFIG_DIR, DOCKER_CONFIG and known_hosts are temp paths: nothing touches ~/.ssh or ~/.config.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../../main/core/create-core';
import { silentLogger } from '../../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../../main/shared/contract';
import { runIdleContainer } from '../../../../harness/containers';
import { harness } from '../../../../harness/context';
import { PrivateSshd } from '../../../../harness/private-sshd';
import { callCore } from '../../core-call';

let dir: string;
let sshd: PrivateSshd;
let core: Core;
let container: Dockerode.Container | undefined;

function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core, channel, payload);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-ssh-core-'));
  sshd = await PrivateSshd.start();
  const env = {
    DOCKER_HOST: harness().dockerHost,
    BERTH_CONFIG_DIR: join(dir, 'berth'),
    DOCKER_CONFIG: join(dir, 'docker'),
    HOME: dir,
    BERTH_SSH_KNOWN_HOSTS: join(dir, 'known_hosts'),
    BERTH_EMBEDDED_ENGINE: '0',
    PATH: process.env.PATH,
  };
  core = createCore({ log: silentLogger, transport: 'websocket', env });
  container = await runIdleContainer(new Dockerode({ socketPath: harness().socketPath }), harness().busyboxImage);
});

afterAll(async () => {
  await container?.remove({ force: true });
  await core?.close();
  await sshd?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a remote engine through the router', () => {
  it('asks to trust the host key, adds the engine, and lists its containers over SSH', async () => {
    const request = {
      name: 'box',
      host: sshd.address,
      identityFile: sshd.clientKeyPath,
      socketPath: harness().socketPath,
    };
    const asked = await call('engines:add-remote', request);
    const fingerprint = await sshd.hostFingerprint();
    expect(asked).toEqual({
      outcome: 'trust-needed',
      hostKey: { host: '127.0.0.1', port: sshd.port, keyType: 'ssh-ed25519', fingerprint },
    });
    expect((await call('engines:list', {})).map((engine) => engine.id)).not.toContain('ssh-box');

    const added = await call('engines:add-remote', { ...request, trustFingerprint: fingerprint });
    if (added.outcome !== 'added') throw new Error(`[test] not added: ${JSON.stringify(added)}`);
    expect(added.engine).toMatchObject({
      id: 'ssh-box',
      kind: 'ssh',
      host: sshd.address,
      providerState: 'external',
      canStart: false,
      canStop: false,
      connection: { state: 'connected' },
    });
    expect(await readFile(join(dir, 'known_hosts'), 'utf8')).toContain(`[127.0.0.1]:${sshd.port} ssh-ed25519 `);

    const views = await call('engines:set-active', { id: 'ssh-box' });
    expect(views.find((view) => view.active)?.id).toBe('ssh-box');
    const containers = await call('containers:list', { all: true });
    expect(containers.map((summary) => summary.id)).toContain(container!.id);
    expect(await sshd.acceptedLogins()).toBe(1);
    expect((await call('engines:logs', { id: 'ssh-box' })).join('\n')).toContain(
      `connected to root@127.0.0.1:${sshd.port}`,
    );
  });
});
