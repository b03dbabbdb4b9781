// Proves the Podman harness: the private service answers as Podman on its own socket with its own storage,
// runs the busybox image loaded from the private dockerd (no network, the ulimits these machines need), and
// its teardown leaves no process, mount, cgroup, folder, shm lock or CNI state behind, even with a container
// still running.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_LABEL } from './containers';
import { harness } from './context';
import { mountsUnder, processIdsMentioning } from './host-cleanup';
import { PrivatePodman } from './private-podman';

let podman: PrivatePodman | undefined;

afterAll(async () => {
  await podman?.destroy();
});

/** Paths a Podman with default settings would create on the host, outside our folder. */
const hostPaths = ['/dev/shm/libpod_lock', '/var/lib/cni/networks/podman', '/run/podman/podman.sock'];

describe('private Podman service', () => {
  it('answers as Podman with its own storage, runs the busybox image, and leaves nothing behind', async () => {
    const before = hostPaths.filter((path) => existsSync(path));
    podman = await PrivatePodman.start();
    const docker = podman.docker();
    const version = await docker.version();
    expect(version.Components?.map((component) => component.Name)).toContain('Podman Engine');
    const info = (await docker.info()) as { DockerRootDir?: string };
    expect(info.DockerRootDir).toBe(`${podman.baseDir}/root`);

    await podman.loadImageFrom(new Dockerode({ socketPath: harness().socketPath }), harness().busyboxImage);
    const container = await docker.createContainer({
      Image: harness().busyboxImage,
      Cmd: ['sh', '-c', 'echo hello from podman; sleep 3600'],
      Labels: { [TEST_LABEL]: '1' },
      HostConfig: podman.hostConfig(),
    });
    await container.start();
    const inspected = await container.inspect();
    expect(inspected.State.Running).toBe(true);
    expect(inspected.HostConfig.NetworkMode).toBe('none');
    expect(await readdir(`/sys/fs/cgroup/memory${podman.cgroupParent}`)).toContain(`libpod-${inspected.Id}`);

    // Torn down with the container still running: the teardown removes it.
    const { baseDir, cgroupParent } = podman;
    await podman.destroy();
    podman = undefined;
    expect(existsSync(baseDir)).toBe(false);
    expect(await mountsUnder(baseDir)).toEqual([]);
    expect(await processIdsMentioning(baseDir)).toEqual([]);
    expect(existsSync(`/proc/${inspected.State.Pid}`)).toBe(false);
    expect(existsSync(`/sys/fs/cgroup/memory${cgroupParent}`)).toBe(false);
    expect(hostPaths.filter((path) => existsSync(path))).toEqual(before);
  });
});
