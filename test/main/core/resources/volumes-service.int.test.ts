// Volume operations through the core's router against the harness engine: create with labels, a driver the
// engine lacks refused at once, a taken name refused, which containers use each volume, remove refused while in
// use (even forced) and allowed after, prune, and the sizes the engine reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from '../../../harness/context';
import { removeTestContainers, runTestContainer } from '../../../harness/containers';
import { uniqueSuffix } from '../../../harness/images';
import { startTestCore, type TestCore } from '../run/run-fixture';

let t: TestCore;
const suffix = uniqueSuffix();
const name = (what: string) => `berth-int-${what}-${suffix}`;

beforeAll(async () => {
  t = await startTestCore();
});

afterAll(async () => {
  if (!t) return;
  await removeTestContainers(t.docker);
  const volumes = (await t.docker.listVolumes()).Volumes ?? [];
  await Promise.all(
    volumes
      .filter((volume) => volume.Name.endsWith(suffix))
      .map((volume) => t.docker.getVolume(volume.Name).remove({ force: true })),
  );
  await t.close();
});

describe('volumes through the router', () => {
  it('creates a named volume with labels, lists and inspects it', async () => {
    const created = await t.call('volumes:create', {
      name: name('labelled'),
      labels: [{ key: 'berth.test.purpose', value: 'labels' }],
    });
    expect(created).toMatchObject({ name: name('labelled'), driver: 'local', usedBy: [] });
    expect(created.labels['berth.test.purpose']).toBe('labels');
    const listed = (await t.call('volumes:list', {})).find((volume) => volume.name === name('labelled'));
    expect(listed?.labels['berth.test.purpose']).toBe('labels');
    const detail = await t.call('volumes:inspect', { name: name('labelled') });
    expect(detail.mountpoint).toContain(harness().dataRoot);
    expect(detail.usedBy).toEqual([]);
  });

  it('refuses a driver the engine lacks and a name already taken, creating nothing', async () => {
    const before = (await t.call('volumes:list', {})).length;
    const noDriver = await t.failure('volumes:create', { name: name('nodriver'), driver: 'berth-no-such-driver' });
    expect(noDriver.code).toBe('NOT_FOUND');
    expect(noDriver.message).toContain('no volume driver "berth-no-such-driver"');
    expect(noDriver.message).toContain('local');
    await t.call('volumes:create', { name: name('taken') });
    const taken = await t.failure('volumes:create', { name: name('taken') });
    expect(taken).toMatchObject({ code: 'CONFLICT' });
    expect(taken.message).toContain('already exists');
    expect((await t.call('volumes:list', {})).length).toBe(before + 1);
  });

  it('names the containers using a volume and refuses to remove it while they exist, even forced', async () => {
    const volume = name('used');
    await t.call('volumes:create', { name: volume });
    const container = await runTestContainer(t.docker, {
      image: harness().busyboxImage,
      name: name('user'),
      cmd: ['sh', '-c', 'head -c 2097152 /dev/zero > /data/fill && sleep 3600'],
      hostConfig: { Binds: [`${volume}:/data`] },
    });
    const listed = (await t.call('volumes:list', {})).find((item) => item.name === volume);
    expect(listed?.usedBy).toEqual([{ id: container.id, name: name('user'), state: 'running', destination: '/data' }]);
    expect((await t.call('volumes:inspect', { name: volume })).usedBy.map((user) => user.name)).toEqual([name('user')]);

    for (const force of [false, true]) {
      const refused = await t.failure('volumes:remove', { name: volume, force });
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toMatch(/in use/);
      expect(refused.message).toContain(`${name('user')} (running)`);
    }

    // The engine measures a local volume's size in its disk usage report (Docker 20.10: /system/df's UsageData).
    await waitFor(async () => ((await t.call('volumes:sizes', {})).sizes[volume] ?? 0) >= 2097152, 'the size');

    await container.remove({ force: true });
    expect(await t.call('volumes:remove', { name: volume })).toEqual({ name: volume });
    expect((await t.call('volumes:list', {})).some((item) => item.name === volume)).toBe(false);
    expect((await t.failure('volumes:inspect', { name: volume })).code).toBe('NOT_FOUND');
  });

  it('prunes unused volumes and keeps one in use', async () => {
    const unused = name('unused');
    const kept = name('kept');
    await t.call('volumes:create', { name: unused });
    await t.call('volumes:create', { name: kept });
    await runTestContainer(t.docker, {
      image: harness().busyboxImage,
      cmd: ['sleep', '3600'],
      hostConfig: { Binds: [`${kept}:/data`] },
    });
    const pruned = await t.call('volumes:prune', {});
    expect(pruned.deleted).toContain(unused);
    expect(pruned.deleted).not.toContain(kept);
    const names = (await t.call('volumes:list', {})).map((volume) => volume.name);
    expect(names).toContain(kept);
    expect(names).not.toContain(unused);
  });
});

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
