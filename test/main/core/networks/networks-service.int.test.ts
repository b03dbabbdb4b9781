// Network operations through the core's Router against the harness engine: create (and a driver that does not
// exist), inspect with the attached containers and their addresses, connect and disconnect, the refusals
// (remove a network in use, remove `bridge`, connect an absent container) and a prune limited to a label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from '../../../harness/context';
import { removeTestContainers, runIdleContainer, TEST_LABEL } from '../../../harness/containers';
import { uniqueSuffix } from '../../../harness/images';
import { startTestCore, type TestCore } from '../run/run-fixture';

let t: TestCore;
const suffix = uniqueSuffix();
const name = (what: string) => `berth-int-net-${what}-${suffix}`;
const label = { key: TEST_LABEL, value: `networks-${suffix}` };

beforeAll(async () => {
  t = await startTestCore();
});

afterAll(async () => {
  if (!t) return;
  await removeTestContainers(t.docker);
  const left = await t.docker.listNetworks({ filters: { label: [`${label.key}=${label.value}`] } });
  await Promise.all(left.map((network) => t.docker.getNetwork(network.Id).remove()));
  await t.close();
});

describe('networks through the router', () => {
  it('creates an internal network with a subnet and labels, and lists it', async () => {
    const created = await t.call('networks:create', {
      name: name('made'),
      internal: true,
      subnet: '10.231.7.0/24',
      labels: [label, { key: 'purpose', value: 'test' }],
    });
    expect(created).toMatchObject({ name: name('made'), driver: 'bridge', internal: true, subnets: ['10.231.7.0/24'] });
    expect((await t.call('networks:list', {})).map((network) => network.name)).toContain(name('made'));
    const detail = await t.call('networks:inspect', { id: name('made') });
    expect(detail).toMatchObject({ predefined: false, containers: [], labels: { purpose: 'test' } });
    expect(detail.subnets.map((each) => each.subnet)).toEqual(['10.231.7.0/24']);

    const again = await t.failure('networks:create', { name: name('made'), labels: [label] });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('already exists');
  });

  it('refuses a driver that does not exist and creates nothing', async () => {
    const refused = await t.failure('networks:create', { name: name('nodriver'), driver: 'berth-absent-driver' });
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.message).toContain('berth-absent-driver');
    expect((await t.call('networks:list', {})).map((network) => network.name)).not.toContain(name('nodriver'));
  });

  it('connects a container with an alias, shows its address, refuses removal while in use, then disconnects', async () => {
    await t.call('networks:create', { name: name('used'), subnet: '10.231.8.0/24', labels: [label] });
    const container = await runIdleContainer(t.docker, harness().busyboxImage, name('member'));
    const connected = await t.call('networks:connect', {
      network: name('used'),
      container: name('member'),
      aliases: ['db'],
    });
    const member = connected.containers.find((each) => each.id === container.id);
    expect(member).toMatchObject({ name: name('member'), state: 'running' });
    expect(member?.ipv4).toMatch(/^10\.231\.8\.\d+$/);
    expect(member?.aliases).toContain('db');

    const inUse = await t.failure('networks:remove', { id: name('used') });
    expect(inUse.code).toBe('CONFLICT');
    expect(inUse.message).toContain('in use');
    expect(inUse.message).toContain(name('member'));

    const twice = await t.failure('networks:connect', { network: name('used'), container: name('member') });
    expect(twice.code).toBe('CONFLICT');

    const disconnected = await t.call('networks:disconnect', { network: name('used'), container: name('member') });
    expect(disconnected.containers).toEqual([]);
    expect(await t.call('networks:remove', { id: name('used') })).toEqual({ id: name('used') });
    const gone = await t.failure('networks:inspect', { id: name('used') });
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('lists a stopped container that keeps the network, without an address', async () => {
    await t.call('networks:create', { name: name('stopped'), labels: [label] });
    const container = await runIdleContainer(t.docker, harness().busyboxImage, name('sleeper'));
    await t.call('networks:connect', { network: name('stopped'), container: container.id });
    await container.stop({ t: 0 });
    const detail = await t.call('networks:inspect', { id: name('stopped') });
    expect(detail.containers).toEqual([
      expect.objectContaining({ id: container.id, state: 'exited', ipv4: null }) as unknown,
    ]);
    await container.remove({ force: true });
  });

  it('refuses to connect an absent container, and to disconnect one that is not connected', async () => {
    await t.call('networks:create', { name: name('lonely'), labels: [label] });
    const absent = await t.failure('networks:connect', { network: name('lonely'), container: 'berth-int-absent' });
    expect(absent.code).toBe('NOT_FOUND');
    expect(absent.message).toMatch(/no such container/i);
    const container = await runIdleContainer(t.docker, harness().busyboxImage);
    const notThere = await t.failure('networks:disconnect', { network: name('lonely'), container: container.id });
    expect(notThere.code).toBe('CONFLICT');
    expect((await t.call('networks:inspect', { id: name('lonely') })).containers).toEqual([]);
  });

  it('refuses to remove the predefined bridge network plainly, and the engine keeps it', async () => {
    const refused = await t.failure('networks:remove', { id: 'bridge' });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('cannot be removed');
    expect((await t.call('networks:inspect', { id: 'bridge' })).predefined).toBe(true);
    // By id, the engine's own refusal is passed on.
    const bridgeId = (await t.call('networks:inspect', { id: 'bridge' })).id;
    const byId = await t.failure('networks:remove', { id: bridgeId });
    expect(byId.code).toBe('CONFLICT');
    expect(byId.message).toMatch(/pre-defined|cannot be removed/i);
  });

  it('prunes only the unused networks carrying a label', async () => {
    const pruneLabel = `${TEST_LABEL}.prune=${suffix}`;
    const prunable = { key: `${TEST_LABEL}.prune`, value: suffix };
    await t.call('networks:create', { name: name('prune-a'), labels: [label, prunable] });
    await t.call('networks:create', { name: name('prune-keep'), labels: [label] });
    const result = await t.call('networks:prune', { label: pruneLabel });
    expect(result.deleted).toEqual([name('prune-a')]);
    const names = (await t.call('networks:list', {})).map((network) => network.name);
    expect(names).toContain(name('prune-keep'));
    expect(names).not.toContain(name('prune-a'));
  });
});
