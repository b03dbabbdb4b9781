// Stats alerts through a real core against the private engine: thresholds set through settings:update, a
// container holding ~94 % of its 64 MiB limit (a file in its /dev/shm tmpfs: shared memory is charged to the
// container's cgroup and, with no swap, cannot be reclaimed) raises exactly one memory alert, and not again
// within the next 15 s (the 10-minute window); an OOM-killed container raises one OOM alert.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/create-core';
import { silentLogger } from '../../../../main/core/logger';
import type { Channel, RequestOf, ResponseOf } from '../../../../main/shared/contract';
import type { StatsAlert } from '../../../../main/shared/stats-history-types';
import { harness } from '../../../harness/context';
import { runTestContainer } from '../../../harness/containers';
import { HubRecorder } from '../hub-recorder';

const MiB = 1024 * 1024;
const client = { id: 'alerts-int-test' };
let dir: string;
let core: Core;
let docker: Dockerode;
let recorder: HubRecorder;
const created: Dockerode.Container[] = [];
const suffix = `${process.pid}-${Date.now()}`;

async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const reply = await core.router.handle(channel, payload, client);
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.data as ResponseOf<C>;
}

function alertsFor(id: string, condition: StatsAlert['condition']): StatsAlert[] {
  return recorder.seen
    .filter((r) => r.event === 'stats:alert')
    .map((r) => r.payload as StatsAlert)
    .filter((alert) => alert.id === id && alert.condition === condition);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-alerts-int-'));
  const env = { DOCKER_HOST: harness().dockerHost, BERTH_CONFIG_DIR: join(dir, 'berth'), HOME: dir };
  core = createCore({ log: silentLogger, transport: 'websocket', env: { ...env, PATH: process.env.PATH } });
  recorder = new HubRecorder(core.hub);
  const status = await core.connection.reconnect();
  if (status.state !== 'connected') throw new Error(`[test] the core did not connect: ${JSON.stringify(status)}`);
  docker = new Dockerode({ socketPath: harness().socketPath });
  await call('settings:update', {
    statsAlerts: {
      enabled: true,
      memoryPercent: 90,
      memorySeconds: 5,
      throttledPercent: 50,
      throttledSeconds: 60,
      oom: true,
    },
  });
  // Independent of always-on recording: this client watches every running container, so ticks exist.
  await call('stats:watch', { all: true });
});

afterAll(async () => {
  recorder?.dispose();
  await Promise.all(created.map((container) => container.remove({ force: true, v: true }).catch(() => undefined)));
  await core?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('stats alerts', () => {
  it('one memory alert for a container held over 90 % of its limit for 5 s, none again within 15 s', async () => {
    const name = `alerts-memory-${suffix}`;
    const container = await runTestContainer(docker, {
      image: harness().busyboxImage,
      name,
      cmd: ['sh', '-c', 'head -c 60m /dev/zero > /dev/shm/fill && exec sleep 3600'],
      hostConfig: { Memory: 64 * MiB, MemorySwap: 64 * MiB, ShmSize: 64 * MiB },
    });
    created.push(container);
    const first = await recorder.next(
      'stats:alert',
      (alert) => alert.id === container.id && alert.condition === 'memory',
      60_000,
      'a memory alert for the container holding 60 of its 64 MiB',
    );
    expect(first.payload.name).toBe(name);
    expect(first.payload.message).toBe(`${name} has used over 90 % of its 64 MiB memory limit for 5 s`);
    expect((await container.inspect()).State.Running).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    expect(alertsFor(container.id, 'memory')).toHaveLength(1);
  });

  it('one OOM alert for an OOM-killed container', async () => {
    const name = `alerts-oom-${suffix}`;
    // tail keeps a line with no newline whole in memory: 64 MiB of it in an 8 MiB container.
    const container = await runTestContainer(docker, {
      image: harness().busyboxImage,
      name,
      cmd: ['sh', '-c', 'head -c 64m /dev/zero | tail'],
      hostConfig: { Memory: 8 * MiB, MemorySwap: 8 * MiB },
    });
    created.push(container);
    const alert = await recorder.next(
      'stats:alert',
      (each) => each.id === container.id && each.condition === 'oom',
      60_000,
      'an OOM alert for the container killed for memory',
    );
    expect(alert.payload.message).toMatch(new RegExp(`^${name} was OOM-killed`));
    await container.wait();
    // The die (exit 137, OOMKilled) and the counter follow the oom event: they are the same kill.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(alertsFor(container.id, 'oom')).toHaveLength(1);
  });
});
