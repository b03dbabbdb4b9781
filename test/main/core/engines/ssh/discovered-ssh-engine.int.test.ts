// An engine found through DOCKER_HOST=ssh://… or a docker context, used through the core's router as the
// Engine page does: it goes through Berth's SSH tunnel and known_hosts check, never dockerode's own SSH. An
// unknown host key is a question on the discovered engine's view and nothing logs in until it is trusted;
// then containers list over SSH; a changed key is refused and not retried; a refused login is tried once.
// The "remote" is the private engine behind a private sshd whose sessions get DOCKER_HOST=<private engine>
// (as a remote user's own DOCKER_HOST), so nothing reaches /var/run/docker.sock. HOME, the docker config and
// known_hosts are temp paths; no SSH agent: the key is the temp HOME's ~/.ssh/id_ed25519, as ssh would use.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../../main/core/create-core';
import { knownHostLine } from '../../../../../main/core/engines/ssh/known-hosts';
import { silentLogger } from '../../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../../main/shared/contract';
import type { EngineView } from '../../../../../main/shared/engine-manager-types';
import { runIdleContainer } from '../../../../harness/containers';
import { harness } from '../../../../harness/context';
import { generateKey, PrivateSshd } from '../../../../harness/private-sshd';
import { waitUntil } from '../../../../harness/run-command';
import { callCore } from '../../core-call';

let dir: string;
let sshd: PrivateSshd;
let core: Core | null = null;
let container: Dockerode.Container | undefined;

function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  return callCore(core!, channel, payload);
}

/** A HOME whose ~/.ssh/id_ed25519 is `key`, and a core whose environment points the discovered engine at the sshd. */
async function startCore(name: string, key: string, env: Record<string, string>): Promise<{ knownHosts: string }> {
  const home = join(dir, name, 'home');
  await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  await copyFile(key, join(home, '.ssh', 'id_ed25519'));
  const knownHosts = join(dir, name, 'known_hosts');
  core = createCore({
    log: silentLogger,
    transport: 'websocket',
    env: {
      HOME: home,
      USER: 'root',
      BERTH_CONFIG_DIR: join(dir, name, 'berth'),
      DOCKER_CONFIG: join(dir, name, 'docker'),
      BERTH_SSH_KNOWN_HOSTS: knownHosts,
      BERTH_EMBEDDED_ENGINE: '0',
      PATH: process.env.PATH,
      ...env,
    },
  });
  return { knownHosts };
}

async function discovered(): Promise<EngineView> {
  const view = (await call('engines:list', {})).find((engine) => engine.id === 'discovered');
  if (!view) throw new Error('[test] no discovered engine');
  return view;
}

async function settledDiscovered(check: (view: EngineView) => boolean, what: string): Promise<EngineView> {
  let last: EngineView | null = null;
  const ok = await waitUntil(async () => check((last = await discovered())), 30_000);
  if (!ok) throw new Error(`[test] the discovered engine never got ${what}: ${JSON.stringify(last)}`);
  return last!;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-ssh-discovered-'));
  sshd = await PrivateSshd.start({ env: { DOCKER_HOST: harness().dockerHost } });
  container = await runIdleContainer(new Dockerode({ socketPath: harness().socketPath }), harness().busyboxImage);
});

afterEach(async () => {
  await core?.close();
  core = null;
});

afterAll(async () => {
  await container?.remove({ force: true });
  await sshd?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an ssh:// engine from the environment', () => {
  it('DOCKER_HOST=ssh://: asks about the host key, logs in nowhere until trusted, then lists containers; a changed key is refused', async () => {
    const { knownHosts } = await startCore('env', sshd.clientKeyPath, { DOCKER_HOST: sshd.address });
    const fingerprint = await sshd.hostFingerprint();

    const asking = await settledDiscovered((view) => view.hostKey !== undefined, 'a host key question');
    expect(asking.hostKey).toEqual({ host: '127.0.0.1', port: sshd.port, keyType: 'ssh-ed25519', fingerprint });
    expect(asking.connection).toMatchObject({
      state: 'unreachable',
      retryAt: null,
      endpoint: { host: sshd.address, source: 'DOCKER_HOST' },
    });
    expect(asking.connection.state === 'unreachable' && asking.connection.reason).toContain(
      'trust it on the Engine page',
    );
    await expect(call('containers:list', { all: true })).rejects.toMatchObject({ code: 'ENGINE_UNREACHABLE' });
    // Not retried by itself: the one handshake that saw the key, and no login.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await sshd.acceptedLogins()).toBe(0);

    await expect(
      call('engines:trust-host-key', { id: 'discovered', fingerprint: 'SHA256:not-the-one' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(readFile(knownHosts, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

    const trusted = await call('engines:trust-host-key', { id: 'discovered', fingerprint });
    expect(trusted.hostKey).toBeUndefined();
    expect(trusted.connection).toMatchObject({
      state: 'connected',
      endpoint: { host: sshd.address, source: 'DOCKER_HOST' },
    });
    expect(await readFile(knownHosts, 'utf8')).toContain(`[127.0.0.1]:${sshd.port} ssh-ed25519 `);
    const containers = await call('containers:list', { all: true });
    expect(containers.map((summary) => summary.id)).toContain(container!.id);
    expect(await sshd.acceptedLogins()).toBe(1);
    const log = (await call('engines:logs', { id: 'discovered' })).join('\n');
    expect(log).toContain(
      `the engine socket on root@127.0.0.1:${sshd.port} is ${harness().socketPath} (DOCKER_HOST on that machine)`,
    );

    // The machine comes back with another host key (reinstalled, or someone in between): refused, never retried.
    await sshd.restart({ newHostKey: true });
    const refused = await settledDiscovered(
      (view) => view.connection.state === 'unreachable' && view.connection.retryAt === null,
      'refused',
    );
    expect(refused.connection.state === 'unreachable' && refused.connection.reason).toMatch(/man-in-the-middle/);
    expect(refused.hostKey).toBeUndefined();
    await expect(call('containers:list', { all: true })).rejects.toMatchObject({ code: 'HOST_KEY_MISMATCH' });
    await expect(
      call('engines:trust-host-key', { id: 'discovered', fingerprint: await sshd.hostFingerprint() }),
    ).rejects.toMatchObject({ code: 'HOST_KEY_MISMATCH' });
    await expect(call('engine:reconnect', {})).resolves.toMatchObject({ state: 'unreachable', retryAt: null });
    expect(await sshd.acceptedLogins()).toBe(1);
  });

  it('a docker context naming ssh://: the same question, then containers over SSH', async () => {
    const contextDir = join(
      dir,
      'context',
      'docker',
      'contexts',
      'meta',
      createHash('sha256').update('box').digest('hex'),
    );
    await mkdir(contextDir, { recursive: true });
    await writeFile(
      join(contextDir, 'meta.json'),
      JSON.stringify({
        Name: 'box',
        Metadata: {},
        Endpoints: { docker: { Host: sshd.address, SkipTLSVerify: false } },
      }),
    );
    await writeFile(join(dir, 'context', 'docker', 'config.json'), JSON.stringify({ currentContext: 'box' }));
    const logins = await sshd.acceptedLogins();
    await startCore('context', sshd.clientKeyPath, {});

    const asking = await settledDiscovered((view) => view.hostKey !== undefined, 'a host key question');
    expect(asking.connection).toMatchObject({
      state: 'unreachable',
      retryAt: null,
      endpoint: { host: sshd.address, source: 'context', label: 'box' },
    });
    expect(asking.hostKey?.fingerprint).toBe(await sshd.hostFingerprint());
    expect(await sshd.acceptedLogins()).toBe(logins);

    const trusted = await call('engines:trust-host-key', {
      id: 'discovered',
      fingerprint: asking.hostKey!.fingerprint,
    });
    expect(trusted.connection).toMatchObject({ state: 'connected', endpoint: { source: 'context', label: 'box' } });
    expect((await call('containers:list', { all: true })).map((summary) => summary.id)).toContain(container!.id);
    expect(await sshd.acceptedLogins()).toBe(logins + 1);
  });

  it('a refused login is tried once, not again until the user reconnects', async () => {
    const strangerKey = join(dir, 'stranger_ed25519');
    await generateKey(strangerKey);
    // The host key is known already, so the login is what fails.
    const [keyType, key] = (await readFile(`${sshd.hostKeyPath}.pub`, 'utf8')).split(' ');
    await mkdir(join(dir, 'refused'), { recursive: true });
    await writeFile(join(dir, 'refused', 'known_hosts'), `${knownHostLine('127.0.0.1', sshd.port, keyType, key)}\n`);
    const before = await sshd.connectionsEnded();
    await startCore('refused', strangerKey, { DOCKER_HOST: sshd.address });

    const refused = await settledDiscovered(
      (view) => view.connection.state === 'unreachable' && view.connection.retryAt === null,
      'refused',
    );
    expect(refused.connection.state === 'unreachable' && refused.connection.reason).toContain(
      `SSH login as root@127.0.0.1:${sshd.port} failed: the server refused the key file`,
    );
    await waitUntil(async () => (await sshd.connectionsEnded()) > before, 5_000);
    const afterFirst = await sshd.connectionsEnded();
    expect(afterFirst - before).toBe(1);
    // Quick retries would have come at 0.5, 1.5, 3.5 and 7.5 s.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(await sshd.connectionsEnded()).toBe(afterFirst);
    await call('engine:reconnect', {});
    await waitUntil(async () => (await sshd.connectionsEnded()) > afterFirst, 5_000);
    expect(await sshd.connectionsEnded()).toBe(afterFirst + 1);
  });
});
