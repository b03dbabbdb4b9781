// The remote-engine provider against a real OpenSSH server on loopback (test/harness/private-sshd.ts) in front
// of the private engine's socket: the host key question and trust, requests, events and streams over one SSH
// connection, reconnecting after a drop, and refusals in words (changed host key, wrong key, missing socket).
// known_hosts is a temp file (BERTH_SSH_KNOWN_HOSTS): nothing here reads or writes anyone's ~/.ssh.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection, type EngineEvent } from '../../../../../main/core/connection/engine-connection';
import { checkHostKey, SshProvider, type SshEngineConfig } from '../../../../../main/core/engines/ssh/ssh-provider';
import { silentLogger } from '../../../../../main/core/logger';
import { runIdleContainer } from '../../../../harness/containers';
import { harness } from '../../../../harness/context';
import { generateKey, PrivateSshd } from '../../../../harness/private-sshd';
import { waitUntil } from '../../../../harness/run-command';

let dir: string;
let sshd: PrivateSshd;
let env: NodeJS.ProcessEnv;
const cleanup: Array<() => Promise<void>> = [];

function config(overrides: Partial<SshEngineConfig> = {}): SshEngineConfig {
  return {
    id: 'ssh-test',
    name: 'test',
    kind: 'ssh',
    host: sshd.address,
    identityFile: sshd.clientKeyPath,
    socketPath: harness().socketPath,
    ...overrides,
  };
}

/** A provider and the engine connection the registry would give it, both ended after the file. */
function connect(engineConfig: SshEngineConfig): { provider: SshProvider; connection: EngineConnection } {
  const provider = new SshProvider({ config: engineConfig, env, log: silentLogger });
  const connection = new EngineConnection({
    discover: () => provider.discover(),
    log: silentLogger,
    createClient: () => provider.createClient(),
    retryMinMs: 200,
    retryMaxMs: 1000,
  });
  cleanup.push(async () => {
    await connection.stop();
    await provider.dispose();
  });
  return { provider, connection };
}

async function settled(connection: EngineConnection, state: 'connected' | 'unreachable'): Promise<void> {
  if (!(await waitUntil(() => connection.status.state === state, 30_000)))
    throw new Error(`[test] not ${state}: ${JSON.stringify(connection.status)}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-ssh-int-'));
  env = { HOME: dir, USER: 'root', BERTH_SSH_KNOWN_HOSTS: join(dir, 'ssh', 'known_hosts') };
  sshd = await PrivateSshd.start();
});

afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  await sshd?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('remote engine over SSH', () => {
  it('asks about an unknown host key with the fingerprint ssh-keygen shows, and logs in nowhere', async () => {
    const question = await checkHostKey(config(), env);
    expect(question).toEqual({
      host: '127.0.0.1',
      port: sshd.port,
      keyType: 'ssh-ed25519',
      fingerprint: await sshd.hostFingerprint(),
    });
    await expect(readFile(env.BERTH_SSH_KNOWN_HOSTS!, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await sshd.acceptedLogins()).toBe(0);
  });

  it('refuses to connect to a host that is not in known_hosts, asks on its view, and does not retry', async () => {
    const { provider, connection } = connect(config());
    connection.start();
    await settled(connection, 'unreachable');
    expect(connection.status).toMatchObject({ reason: expect.stringContaining('is not in'), retryAt: null });
    expect(provider.viewFacts().hostKey).toEqual({
      host: '127.0.0.1',
      port: sshd.port,
      keyType: 'ssh-ed25519',
      fingerprint: await sshd.hostFingerprint(),
    });
    expect(await sshd.acceptedLogins()).toBe(0);
    await connection.stop();
  });

  it('trusts the fingerprint the user accepted: one known_hosts line, then no question', async () => {
    const fingerprint = await sshd.hostFingerprint();
    expect(await checkHostKey(config(), env, 'SHA256:not-the-one')).toMatchObject({ fingerprint });
    expect(await checkHostKey(config(), env, fingerprint)).toBeNull();
    const hostKey = (await readFile(`${sshd.hostKeyPath}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    expect(await readFile(env.BERTH_SSH_KNOWN_HOSTS!, 'utf8')).toBe(`[127.0.0.1]:${sshd.port} ${hostKey}\n`);
    expect(await checkHostKey(config(), env)).toBeNull();
  });

  it('serves ping, info, lists and the event stream through one SSH connection', async () => {
    const before = await sshd.acceptedLogins();
    const { provider, connection } = connect(config());
    const events: EngineEvent[] = [];
    connection.onEngineEvent((event) => events.push(event));
    connection.start();
    await settled(connection, 'connected');
    const docker = connection.client();
    expect(String(await docker.ping())).toBe('OK');
    expect((await docker.info()).DockerRootDir).toBe(harness().dataRoot);
    expect(Array.isArray(await docker.listContainers({ all: true }))).toBe(true);

    const local = new Dockerode({ socketPath: harness().socketPath });
    const created = await runIdleContainer(local, harness().busyboxImage);
    cleanup.push(() => created.remove({ force: true }));
    expect(
      await waitUntil(() => events.some((event) => event.Action === 'start' && event.Actor.ID === created.id), 15_000),
    ).toBe(true);

    for (let i = 0; i < 20; i += 1) await docker.ping();
    // A stats stream holds its own channel while the event stream keeps its one.
    const stream = (await docker.getContainer(created.id).stats({ stream: true })) as NodeJS.ReadableStream & {
      destroy(): void;
    };
    const frame = await new Promise<Buffer>((resolve, reject) => stream.once('data', resolve).once('error', reject));
    stream.destroy();
    expect(JSON.parse(frame.toString())).toHaveProperty('read');
    expect(await sshd.acceptedLogins()).toBe(before + 1);
    expect(provider.tunnel.opened).toBe(1);
    expect(provider.logs().join('\n')).toContain('connected to root@127.0.0.1');
  });

  it('costs this much a request over the tunnel against the local socket (printed, not asserted)', async () => {
    const { connection } = connect(config());
    connection.start();
    await settled(connection, 'connected');
    const rounds = 50;
    const time = async (docker: Dockerode): Promise<number> => {
      const started = performance.now();
      for (let i = 0; i < rounds; i += 1) await docker.ping();
      return (performance.now() - started) / rounds;
    };
    const tunnel = await time(connection.client());
    const local = await time(new Dockerode({ socketPath: harness().socketPath }));
    console.info(`[test] GET /_ping: ${tunnel.toFixed(2)} ms over SSH, ${local.toFixed(2)} ms on the local socket`);
  });

  it('reconnects with a new SSH connection after the old one drops', async () => {
    const { provider, connection } = connect(config());
    connection.start();
    await settled(connection, 'connected');
    await sshd.restart();
    expect(await waitUntil(() => provider.tunnel.opened === 2 && connection.status.state === 'connected', 30_000)).toBe(
      true,
    );
    expect(String(await connection.client().ping())).toBe('OK');
    expect(provider.logs().join('\n')).toMatch(/dropped[\s\S]*reconnecting[\s\S]*SSH connection #2/);
  });

  it('explains a host where nothing answers SSH', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    await expect(checkHostKey(config({ host: 'ssh://root@127.0.0.1:1' }), env)).rejects.toMatchObject({
      code: 'ENGINE_UNREACHABLE',
      message: expect.stringContaining('nothing accepts SSH connections there'),
    });
  });

  it('explains a wrong key and a missing remote socket', async () => {
    const wrongKey = join(dir, 'wrong_ed25519');
    await generateKey(wrongKey);
    const refused = connect(config({ identityFile: wrongKey })).connection;
    refused.start();
    await settled(refused, 'unreachable');
    expect(refused.status).toMatchObject({
      reason: expect.stringContaining(
        `SSH login as root@127.0.0.1:${sshd.port} failed: the server refused the key file ${wrongKey}`,
      ),
    });

    const missing = connect(config({ socketPath: '/nonexistent/docker.sock' })).connection;
    missing.start();
    await settled(missing, 'unreachable');
    expect(missing.status).toMatchObject({
      reason: expect.stringContaining('There is no engine socket at /nonexistent/docker.sock'),
    });
  });

  it('refuses a changed host key as a possible attack, connecting nowhere', async () => {
    await sshd.restart({ newHostKey: true });
    const before = await sshd.acceptedLogins();
    await expect(checkHostKey(config(), env)).rejects.toMatchObject({
      code: 'HOST_KEY_MISMATCH',
      message: expect.stringMatching(/man-in-the-middle[\s\S]*line 1 of/),
    });
    await expect(checkHostKey(config(), env, await sshd.hostFingerprint())).rejects.toMatchObject({
      code: 'HOST_KEY_MISMATCH',
    });
    const { connection } = connect(config());
    connection.start();
    await settled(connection, 'unreachable');
    expect(connection.status).toMatchObject({ reason: expect.stringContaining('man-in-the-middle') });
    expect(await sshd.acceptedLogins()).toBe(before);
  });
});

describe('an sshd that forbids socket forwarding', () => {
  it('says so and how to allow it', async () => {
    const strict = await PrivateSshd.start({ allowStreamLocal: false });
    cleanup.push(() => strict.stop());
    const strictConfig = config({ host: strict.address, identityFile: strict.clientKeyPath });
    expect(await checkHostKey(strictConfig, env, await strict.hostFingerprint())).toBeNull();
    const { connection } = connect(strictConfig);
    connection.start();
    await settled(connection, 'unreachable');
    expect(connection.status).toMatchObject({ reason: expect.stringContaining('AllowStreamLocalForwarding yes') });
  });
});
