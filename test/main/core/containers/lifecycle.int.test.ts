// The lifecycle channels through the core's router against the harness engine: restart, pause/unpause, kill,
// rename, remove with anonymous volumes, create-only, and the races and refusals each one can meet.
import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyRunSpec } from '../../../../main/shared/run-spec';
import { removeTestContainers, runIdleContainer, TEST_LABEL } from '../../../harness/containers';
import { harness } from '../../../harness/context';
import { uniqueSuffix } from '../../../harness/images';
import { startTestCore, type TestCore } from '../run/run-fixture';

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

const stateOf = async (container: Dockerode.Container) => (await container.inspect()).State;

/** Runs `sh -c script` to its end (labelled for cleanup) and waits until the engine reports it exited. */
async function ranToEnd(script: string, extra: Partial<Dockerode.ContainerCreateOptions> = {}) {
  const container = await t.docker.createContainer({
    Image: harness().busyboxImage,
    Cmd: ['sh', '-c', script],
    Labels: { [TEST_LABEL]: '1' },
    ...extra,
  });
  await container.start();
  await container.wait();
  return container;
}

describe('single-container actions', () => {
  it('restart runs the container again with a new start time', async () => {
    const container = await runIdleContainer(t.docker, harness().busyboxImage);
    const before = (await stateOf(container)).StartedAt;
    await expect(t.call('containers:restart', { id: container.id, timeoutSeconds: 1 })).resolves.toEqual({
      id: container.id,
    });
    const after = await stateOf(container);
    expect(after.Running).toBe(true);
    expect(after.StartedAt).not.toBe(before);
  });

  it('pause and unpause; asking twice is fulfilled, not an error', async () => {
    const container = await runIdleContainer(t.docker, harness().busyboxImage);
    await t.call('containers:pause', { id: container.id });
    expect((await stateOf(container)).Status).toBe('paused');
    await expect(t.call('containers:pause', { id: container.id })).resolves.toEqual({ id: container.id });
    await t.call('containers:unpause', { id: container.id });
    expect((await stateOf(container)).Status).toBe('running');
    await expect(t.call('containers:unpause', { id: container.id })).resolves.toEqual({ id: container.id });
  });

  it('pausing an exited container is refused in plain words', async () => {
    const container = await ranToEnd('exit 0');
    const error = await t.failure('containers:pause', { id: container.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/is not running, so it cannot be paused/);
  });

  it('kill sends the chosen signal; the exit info names it', async () => {
    const container = await runIdleContainer(t.docker, harness().busyboxImage);
    await t.call('containers:kill', { id: container.id, signal: 'SIGKILL' });
    await container.wait();
    const info = await t.call('containers:exit-info', { id: container.id });
    expect(info).toMatchObject({ state: 'exited', exitCode: 137, signal: 'SIGKILL', oomKilled: false });
  });

  it('killing an exited container is the engine refusal, said plainly', async () => {
    const container = await ranToEnd('exit 0');
    const error = await t.failure('containers:kill', { id: container.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/is not running, so it cannot be killed/);
    expect(error.message).toMatch(/Container [0-9a-f]+ is not running/);
  });

  it('removing a running container without force is refused with the engine message and what to do', async () => {
    const container = await runIdleContainer(t.docker, harness().busyboxImage);
    const error = await t.failure('containers:remove', { id: container.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/You cannot remove a running container/);
    expect(error.message).toMatch(/Stop it first, or remove it with force/);
    expect((await stateOf(container)).Running).toBe(true);
  });

  it('remove with volumes removes the anonymous volume; without, it stays', async () => {
    const volumeOf = async (container: Dockerode.Container) =>
      (await container.inspect()).Mounts.find((mount) => mount.Destination === '/data')?.Name ?? '';
    const volumeExists = (name: string) =>
      t.docker
        .getVolume(name)
        .inspect()
        .then(
          () => true,
          () => false,
        );
    const kept = await ranToEnd('exit 0', { Volumes: { '/data': {} } });
    const keptVolume = await volumeOf(kept);
    await t.call('containers:remove', { id: kept.id, volumes: false });
    expect(await volumeExists(keptVolume)).toBe(true);
    await t.docker.getVolume(keptVolume).remove();

    const gone = await ranToEnd('exit 0', { Volumes: { '/data': {} } });
    const goneVolume = await volumeOf(gone);
    expect(await volumeExists(goneVolume)).toBe(true);
    await t.call('containers:remove', { id: gone.id, volumes: true });
    expect(await volumeExists(goneVolume)).toBe(false);
  });

  it('rename, and a taken name is a CONFLICT saying so', async () => {
    const first = await runIdleContainer(t.docker, harness().busyboxImage, `berth-int-a-${suffix}`);
    await runIdleContainer(t.docker, harness().busyboxImage, `berth-int-b-${suffix}`);
    const error = await t.failure('containers:rename', { id: first.id, name: `berth-int-b-${suffix}` });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/That name is taken: .*already in use/);
    await t.call('containers:rename', { id: first.id, name: `berth-int-c-${suffix}` });
    expect((await first.inspect()).Name).toBe(`/berth-int-c-${suffix}`);
  });

  it.each(['containers:pause', 'containers:unpause', 'containers:restart', 'containers:kill'] as const)(
    '%s of a container that is gone says it no longer exists',
    async (channel) => {
      const error = await t.failure(channel, { id: `berth-int-gone-${suffix}` });
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(/no longer exists.*No such container/);
    },
  );

  it('create only: the container is made from the run spec and not started', async () => {
    const spec = {
      ...emptyRunSpec(harness().busyboxImage),
      name: `berth-int-created-${suffix}`,
      command: ['sleep', '3600'],
      labels: [{ key: TEST_LABEL, value: '1' }],
    };
    const created = await t.call('containers:create', { spec });
    expect(created.name).toBe(spec.name);
    const state = await stateOf(t.docker.getContainer(created.id));
    expect(state.Status).toBe('created');
    const info = await t.call('containers:exit-info', { id: created.id });
    expect(info).toMatchObject({ state: 'created', exitCode: null, startedAt: null, lastLines: [] });
  });
});

describe('exit info', () => {
  it('gives the exit code, times and last lines of both streams of a container that exited', async () => {
    // The engine copies stdout and stderr in separate goroutines, so lines written within the same instant to
    // the two streams may be stored in either order: the pauses make the order the script's.
    const container = await ranToEnd('echo hello; sleep 0.3; echo oops >&2; sleep 0.3; echo bye; exit 3');
    const info = await t.call('containers:exit-info', { id: container.id });
    expect(info).toMatchObject({ state: 'exited', exitCode: 3, signal: null, oomKilled: false, engineError: null });
    expect(info.startedAt).toMatch(/^\d{4}-/);
    expect(Date.parse(info.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(info.startedAt ?? ''));
    expect(info.lastLines).toEqual([
      { stream: 'stdout', text: 'hello' },
      { stream: 'stderr', text: 'oops' },
      { stream: 'stdout', text: 'bye' },
    ]);
  });

  it('keeps the last 30 lines, each cut to a bounded length, with a TTY too', async () => {
    const container = await ranToEnd(
      'for i in $(seq 1 100); do echo line-$i; done; head -c 5000 /dev/zero | tr "\\0" x; echo',
      {
        Tty: true,
      },
    );
    const info = await t.call('containers:exit-info', { id: container.id });
    expect(info.lastLines).toHaveLength(30);
    expect(info.lastLines[0]?.text).toBe('line-72');
    const long = info.lastLines.at(-1)?.text ?? '';
    expect(long.length).toBeLessThanOrEqual(2001);
    expect(long.endsWith('…')).toBe(true);
  });

  it('says the engine error of a start that failed', async () => {
    const container = await t.docker.createContainer({
      Image: harness().busyboxImage,
      Cmd: ['/no/such/program'],
      Labels: { [TEST_LABEL]: '1' },
    });
    await container.start().catch(() => undefined);
    const info = await t.call('containers:exit-info', { id: container.id });
    expect(info.engineError).toMatch(/no such file or directory/i);
  });

  it('says when the kernel killed it for memory (a 8 MiB limit)', async () => {
    const container = await ranToEnd('tail /dev/zero', {
      HostConfig: { Memory: 8 * 1024 * 1024, MemorySwap: 8 * 1024 * 1024 },
    });
    const info = await t.call('containers:exit-info', { id: container.id });
    expect(info).toMatchObject({ oomKilled: true, exitCode: 137, signal: 'SIGKILL' });
  });
});
