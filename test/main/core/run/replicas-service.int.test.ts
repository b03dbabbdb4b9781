// Replica groups through the core's Router against the harness engine: a run of 3 makes base-1..3 with
// shifted host ports; scaling down removes the highest indices; scaling up recreates them from the stored spec.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyRunSpec, replicaLabels } from '../../../../main/shared/run-spec';
import type { RunSpec } from '../../../../main/shared/run-types';
import { removeTestContainers, TEST_LABEL } from '../../../harness/containers';
import { harness } from '../../../harness/context';
import { uniqueSuffix } from '../../../harness/images';
import { idleCommand, startTestCore, type TestCore } from './run-fixture';

const MiB = 1024 * 1024;
let t: TestCore;
const suffix = uniqueSuffix();

beforeAll(async () => {
  t = await startTestCore();
});

afterEach(async () => {
  await removeTestContainers(t.docker);
});

afterAll(async () => {
  await t?.close();
});

describe('replicas through the router', () => {
  it('runs 3 replicas, scales to 1, then back to 2 with the same settings', async () => {
    const base = `berth-int-rep-${suffix}`;
    const hostPort = 20000 + Math.floor(Math.random() * 20000);
    const spec: RunSpec = {
      ...emptyRunSpec(harness().busyboxImage),
      name: base,
      command: idleCommand,
      env: [{ key: 'ROLE', value: 'worker' }],
      ports: [
        { containerPort: 8080, protocol: 'tcp', hostPort, hostIp: null },
        { containerPort: 9090, protocol: 'tcp', hostPort: null, hostIp: '127.0.0.1' },
      ],
      labels: [{ key: TEST_LABEL, value: '1' }],
      limits: { memoryBytes: 32 * MiB, pidsLimit: 50 },
    };
    const results = await t.call('containers:run', { spec, replicas: 3 });
    expect(results.map((result) => result.name)).toEqual([`${base}-1`, `${base}-2`, `${base}-3`]);
    results.forEach((result, i) => {
      expect(result.ports.find((port) => port.privatePort === 8080)?.publicPort).toBe(hostPort + i);
      expect(result.ports.find((port) => port.privatePort === 9090)?.publicPort).toBeGreaterThan(0);
      expect(result.ports.find((port) => port.privatePort === 9090)?.ip).toBe('127.0.0.1');
    });

    const group = (await t.call('replicas:list', {})).find((candidate) => candidate.name === base);
    expect(group?.image).toBe(harness().busyboxImage);
    expect(group?.replicas.map((replica) => [replica.index, replica.name, replica.state])).toEqual([
      [1, `${base}-1`, 'running'],
      [2, `${base}-2`, 'running'],
      [3, `${base}-3`, 'running'],
    ]);

    const down = await t.call('replicas:scale', { name: base, replicas: 1 });
    expect(down.replicas.map((replica) => replica.name)).toEqual([`${base}-1`]);
    const names = (await t.docker.listContainers({ all: true }))
      .flatMap((c) => c.Names)
      .filter((n) => n.startsWith(`/${base}`));
    expect(names).toEqual([`/${base}-1`]);

    const up = await t.call('replicas:scale', { name: base, replicas: 2 });
    expect(up.replicas.map((replica) => [replica.name, replica.state])).toEqual([
      [`${base}-1`, 'running'],
      [`${base}-2`, 'running'],
    ]);
    const second = await t.docker.getContainer(`${base}-2`).inspect();
    expect(second.Config.Env).toContain('ROLE=worker');
    expect(second.Config.Cmd).toEqual(idleCommand);
    expect(second.Config.Labels).toMatchObject({
      [TEST_LABEL]: '1',
      [replicaLabels.group]: base,
      [replicaLabels.index]: '2',
    });
    expect(second.HostConfig).toMatchObject({ Memory: 32 * MiB, PidsLimit: 50 });
    expect(second.HostConfig.PortBindings?.['8080/tcp']).toEqual([{ HostIp: '', HostPort: String(hostPort + 1) }]);
    // A replica added later keeps the interface the run chose.
    expect(second.HostConfig.PortBindings?.['9090/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: '' }]);
    expect(second.NetworkSettings.Ports['9090/tcp']?.map((binding) => binding.HostIp)).toEqual(['127.0.0.1']);

    const gone = await t.call('replicas:scale', { name: base, replicas: 0 });
    expect(gone.replicas).toEqual([]);
    expect((await t.call('replicas:list', {})).some((candidate) => candidate.name === base)).toBe(false);
  });

  it('a generated base name is unique and its replicas are numbered', async () => {
    const spec: RunSpec = {
      ...emptyRunSpec(harness().busyboxImage),
      command: idleCommand,
      labels: [{ key: TEST_LABEL, value: '1' }],
    };
    const results = await t.call('containers:run', { spec, replicas: 2 });
    const base = results[0]!.name.replace(/-1$/, '');
    expect(base).toMatch(/^busybox-[0-9a-f]{4}$/);
    expect(results[1]!.name).toBe(`${base}-2`);
  });

  it('scaling an unknown group is NOT_FOUND', async () => {
    expect(await t.failure('replicas:scale', { name: `berth-int-nothing-${suffix}`, replicas: 2 })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
