// The VM integration test's give-back checks, on its booted VM: memory a container fills and frees returns to
// the host (QEMU's RSS, through `engines:vm-usage`), disk a removed container used returns to the host (the data
// disk file's allocated size, trimmed after the removal's engine event), and Compact reports what it did. Loose
// bounds (> 30 %): software emulation on a busy machine is slow, and only the direction is the point here.
import type Dockerode from 'dockerode';
import { expect } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '../../../../../main/shared/contract';
import { waitUntil } from '../../../../harness/run-command';

const MiB = 1024 * 1024;
type Call = <C extends Channel>(channel: C, payload: RequestOf<C>) => Promise<ResponseOf<C>>;

async function hostUsage(call: Call, id: string): Promise<{ mem: number; disk: number }> {
  const usage = await call('engines:vm-usage', { id });
  expect(usage.hostMemBytes).toBeGreaterThan(0);
  expect(usage.hostDiskBytes).toBeGreaterThan(0);
  return { mem: usage.hostMemBytes!, disk: usage.hostDiskBytes! };
}

async function execIn(container: Dockerode.Container, cmd: string[]): Promise<void> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  stream.resume();
  await new Promise((resolve) => stream.once('end', resolve));
  expect((await exec.inspect()).ExitCode).toBe(0);
}

/** Share of `peak − before` given back once `read` reaches back below 70 % of it, or what it got by the deadline. */
async function returnedShare(before: number, peak: number, read: () => Promise<number>, deadlineMs: number) {
  let after = peak;
  await waitUntil(
    async () => {
      after = Math.min(after, await read());
      return peak - after > (peak - before) * 0.7;
    },
    deadlineMs,
    2_000,
  );
  return (peak - after) / (peak - before);
}

export async function checkMemoryGivenBack(call: Call, id: string, docker: Dockerode, image: string): Promise<void> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['sleep', '600'],
    HostConfig: { Tmpfs: { '/t': 'size=320m' } },
  });
  await container.start();
  const before = (await hostUsage(call, id)).mem;
  await execIn(container, ['dd', 'if=/dev/zero', 'of=/t/fill', 'bs=1M', 'count=256']);
  const peak = (await hostUsage(call, id)).mem;
  expect(peak - before).toBeGreaterThan(128 * MiB);
  await container.remove({ force: true });
  const share = await returnedShare(before, peak, async () => (await hostUsage(call, id)).mem, 60_000);
  console.info(
    `[vm-test] memory given back: ${(share * 100).toFixed(0)} % of ${((peak - before) / MiB).toFixed(0)} MiB`,
  );
  expect(share).toBeGreaterThan(0.3);
}

export async function checkDiskGivenBack(call: Call, id: string, docker: Dockerode, image: string): Promise<void> {
  const before = (await hostUsage(call, id)).disk;
  const container = await docker.createContainer({
    Image: image,
    // fsync: the data reaches the disk file now, not when the guest's page cache writes it back.
    Cmd: ['dd', 'if=/dev/urandom', 'of=/fill', 'bs=1M', 'count=160', 'conv=fsync'],
  });
  await container.start();
  expect((await container.wait()) as { StatusCode: number }).toMatchObject({ StatusCode: 0 });
  const peak = (await hostUsage(call, id)).disk;
  expect(peak - before).toBeGreaterThan(100 * MiB);
  // Through Berth: the engine's destroy event schedules the trim (debounced), nobody asks for it.
  await call('containers:remove', { id: container.id });
  const share = await returnedShare(before, peak, async () => (await hostUsage(call, id)).disk, 90_000);
  console.info(`[vm-test] disk given back: ${(share * 100).toFixed(0)} % of ${((peak - before) / MiB).toFixed(0)} MiB`);
  expect(share).toBeGreaterThan(0.3);

  const compacted = await call('engines:vm-compact', { id });
  expect(compacted.trimmedBytes).toBeGreaterThanOrEqual(0);
  expect(compacted.afterBytes).toBeGreaterThan(0);
  expect(compacted.shrunkBytes).toBe(Math.max(0, compacted.beforeBytes - compacted.afterBytes));
}
