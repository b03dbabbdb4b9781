// Runs through the core's Router against the harness engine: one-click run publishes every EXPOSEd port with
// the settings' default limits, broken limits create nothing, a missing image is pulled first, and a run that
// fails midway leaves nothing behind.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyRunSpec } from '../../../../main/shared/run-spec';
import type { RunSpec } from '../../../../main/shared/run-types';
import { pushImage } from '../../../harness/busybox-image';
import { removeTestContainers, TEST_LABEL } from '../../../harness/containers';
import { harness } from '../../../harness/context';
import { removeImages, uniqueSuffix } from '../../../harness/images';
import { buildFromBusybox, idleCommand, startTestCore, type TestCore } from './run-fixture';

const MiB = 1024 * 1024;
let t: TestCore;
const suffix = uniqueSuffix();
const webImage = `berth-int/web-${suffix}:latest`;
const images: string[] = [webImage];
/** Quick runs cannot carry the test label: their ids are removed one by one. */
const quickRunIds: string[] = [];

const testSpec = (patch: Partial<RunSpec>): RunSpec => ({
  ...emptyRunSpec(harness().busyboxImage),
  command: idleCommand,
  labels: [{ key: TEST_LABEL, value: '1' }],
  ...patch,
});

beforeAll(async () => {
  t = await startTestCore();
  await buildFromBusybox(t.docker, webImage, ['EXPOSE 8080', 'EXPOSE 53/udp', 'CMD ["httpd", "-f", "-p", "8080"]']);
});

afterEach(async () => {
  for (const id of quickRunIds.splice(0)) await t.docker.getContainer(id).remove({ force: true });
  await removeTestContainers(t.docker);
});

afterAll(async () => {
  if (!t) return;
  await removeImages(t.docker, images);
  await t.close();
});

describe('RunService through the router', () => {
  it('quick run publishes both EXPOSEd ports and applies the default limit profile and restart policy', async () => {
    const profile = {
      memoryBytes: 64 * MiB,
      cpus: 0.5,
      pidsLimit: 100,
      restartPolicy: { name: 'unless-stopped' as const, maximumRetryCount: 0 },
    };
    expect((await t.call('settings:update', { defaultRunLimits: profile })).settings).toEqual({
      defaultRunLimits: profile,
      registryCredentials: 'docker-config',
    });

    const result = await t.call('containers:run-quick', { image: webImage });
    quickRunIds.push(result.id);
    expect(result.name).toMatch(/^web-[a-z0-9]+-[0-9a-f]{4}$/);
    expect(result.pulledBy).toBeNull();
    const published = (port: number, protocol: string) =>
      result.ports.filter((p) => p.privatePort === port && p.protocol === protocol);
    expect(published(8080, 'tcp').length).toBeGreaterThan(0);
    expect(published(53, 'udp').length).toBeGreaterThan(0);
    for (const port of [...published(8080, 'tcp'), ...published(53, 'udp')]) expect(port.publicPort).toBeGreaterThan(0);

    const inspect = await t.docker.getContainer(result.id).inspect();
    expect(inspect.State.Running).toBe(true);
    expect(inspect.HostConfig).toMatchObject({
      Memory: 64 * MiB,
      NanoCpus: 500_000_000,
      PidsLimit: 100,
      RestartPolicy: { Name: 'unless-stopped' },
    });
  });

  it('quick run publishes on 127.0.0.1 only by default: in the create request and where the engine bound them', async () => {
    expect((await t.call('settings:get', {})).settings.publishInterface).toBeUndefined();
    const result = await t.call('containers:run-quick', { image: webImage });
    quickRunIds.push(result.id);
    expect(result.ports.map((port) => port.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
    const inspect = await t.docker.getContainer(result.id).inspect();
    expect(inspect.HostConfig.PublishAllPorts).toBe(false);
    expect(inspect.HostConfig.PortBindings).toEqual({
      '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
    });
    const bound = Object.values(inspect.NetworkSettings.Ports).flatMap((bindings) => bindings ?? []);
    expect(bound.length).toBe(2);
    for (const binding of bound) {
      expect(binding.HostIp).toBe('127.0.0.1');
      expect(Number(binding.HostPort)).toBeGreaterThan(0);
    }
  });

  it('quick run publishes on all interfaces (0.0.0.0) once Settings say so; the choice round-trips and bad values are refused', async () => {
    const refused = await t.failure('settings:update', { publishInterface: 'everywhere' } as never);
    expect(refused.code).toBe('INVALID_PAYLOAD');
    expect(refused.message).toMatch(/publishInterface/);
    expect((await t.call('settings:update', { publishInterface: 'all' })).settings.publishInterface).toBe('all');
    expect((await t.call('settings:get', {})).settings.publishInterface).toBe('all');
    try {
      const result = await t.call('containers:run-quick', { image: webImage });
      quickRunIds.push(result.id);
      const inspect = await t.docker.getContainer(result.id).inspect();
      expect(inspect.HostConfig.PortBindings).toEqual({
        '8080/tcp': [{ HostIp: '0.0.0.0', HostPort: '' }],
        '53/udp': [{ HostIp: '0.0.0.0', HostPort: '' }],
      });
      const bound = Object.values(inspect.NetworkSettings.Ports).flatMap((bindings) => bindings ?? []);
      expect(bound.map((binding) => binding.HostIp)).toEqual(['0.0.0.0', '0.0.0.0']);
    } finally {
      expect((await t.call('settings:update', { publishInterface: 'loopback' })).settings.publishInterface).toBe(
        'loopback',
      );
    }
  });

  it('quick run of an image without EXPOSE publishes nothing and says so', async () => {
    const result = await t.call('containers:run-quick', { image: harness().busyboxImage });
    quickRunIds.push(result.id);
    expect(result.ports).toEqual([]);
    expect(result.warnings).toEqual([
      `${harness().busyboxImage} declares no ports (EXPOSE), so no port was published.`,
    ]);
  });

  it('refuses broken limits with INVALID_LIMITS and creates nothing', async () => {
    const name = `berth-int-invalid-${suffix}`;
    const tooSmall = await t.failure('containers:run', { spec: testSpec({ name, limits: { memoryBytes: 1 * MiB } }) });
    expect(tooSmall.code).toBe('INVALID_LIMITS');
    expect(tooSmall.message).toMatch(/at least 6 MiB/);
    const swapBelow = await t.failure('containers:run', {
      spec: testSpec({ name, limits: { memoryBytes: 64 * MiB, memorySwapBytes: 32 * MiB } }),
      replicas: 2,
    });
    expect(swapBelow.code).toBe('INVALID_LIMITS');
    expect(swapBelow.message).toMatch(/below the memory limit/);
    const tooManyCpus = await t.failure('containers:run', { spec: testSpec({ name, limits: { cpus: 512 } }) });
    expect(tooManyCpus).toMatchObject({
      code: 'INVALID_LIMITS',
      message: expect.stringMatching(/more than the engine/),
    });
    const all = await t.docker.listContainers({ all: true });
    expect(all.filter((c) => c.Names.some((n) => n.startsWith(`/${name}`)))).toEqual([]);
  });

  it('pulls an image that is only in the registry, then runs it', async () => {
    const localTag = `berth-int/pull-${suffix}:v1`;
    await t.docker.getImage(harness().busyboxImage).tag({ repo: `berth-int/pull-${suffix}`, tag: 'v1' });
    const remote = await pushImage(t.docker, localTag, harness().registry);
    // Only the tags go: the busybox image keeps the layers, but the engine has no image by these names.
    await removeImages(t.docker, [localTag, remote]);
    images.push(remote);

    const [result] = await t.call('containers:run', { spec: testSpec({ image: remote }) });
    expect(result?.pulledBy).toEqual(expect.any(String));
    const transfer = (await t.call('transfers:list', {})).find((candidate) => candidate.id === result?.pulledBy);
    expect(transfer).toMatchObject({ kind: 'pull', purpose: 'run', state: 'done' });
    expect((await t.docker.getContainer(result!.id).inspect()).State.Running).toBe(true);
  });

  it('a missing image that no registry has fails with the pull error and creates nothing', async () => {
    const missing = `${harness().registry}/berth-int/absent-${suffix}:v1`;
    const error = await t.failure('containers:run', {
      spec: testSpec({ image: missing, name: `berth-int-absent-${suffix}` }),
    });
    expect(error.code).not.toBe('INTERNAL');
    expect(error.message).toContain(missing);
    expect((await t.docker.listContainers({ all: true, filters: { label: [TEST_LABEL] } })).length).toBe(0);
  });

  it('removes what it created when a later replica cannot be created, reporting the engine message', async () => {
    const base = `berth-int-rollback-${suffix}`;
    // The name of replica 2 is taken, so replica 1 is created and started, then the create of replica 2 fails.
    await t.docker.createContainer({
      Image: harness().busyboxImage,
      name: `${base}-2`,
      Cmd: ['true'],
      Labels: { [TEST_LABEL]: '1' },
    });
    const error = await t.failure('containers:run', { spec: testSpec({ name: base }), replicas: 3 });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`${base}-2`);
    expect(error.message).toMatch(/already in use/);
    expect(error.message).toMatch(/removed the container it had created/);
    const left = (await t.docker.listContainers({ all: true }))
      .flatMap((c) => c.Names)
      .filter((n) => n.startsWith(`/${base}`));
    expect(left).toEqual([`/${base}-2`]);
  });
});
