// Owns a private Podman service for tests: `podman system service` (Debian's Podman 4.3) on its own socket, with
// its own storage root, run root, tmpdir, file locks, events file and config files under
// /tmp/berth-test-podman-<random>, so tests never touch a user's Podman (its storage, /dev/shm locks, CNI
// networks). Its containers get no network (NetworkMode none: no CNI bridge or iptables rules on the host), a
// cgroup parent of their own, and the ulimits these machines need for a container to start at all. Torn down
// leaving no process, mount, cgroup or folder.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Dockerode from 'dockerode';
import { pingSocket } from '../../main/core/engines/dockerd/ping-socket';
import { DaemonProcess } from './daemon-process';
import { mountsUnder, processIdsMentioning, unmountAllUnder } from './host-cleanup';
import { runCommand, waitUntil } from './run-command';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const CGROUP_ROOT = '/sys/fs/cgroup';

/**
 * Without these, runc fails every start here with "error setting rlimit type 7: operation not permitted"
 * (the machines' hard limits are below Podman's defaults); given per container through the compatible API.
 */
export const PODMAN_ULIMITS = [
  { Name: 'nofile', Soft: 1024, Hard: 1024 },
  { Name: 'nproc', Soft: 1024, Hard: 1024 },
];

export class PrivatePodman {
  readonly socketPath: string;
  readonly dockerHost: string;
  /** Every test container's cgroup parent (cgroupfs driver), removed at teardown. */
  readonly cgroupParent: string;
  private readonly service: DaemonProcess;

  private constructor(readonly baseDir: string) {
    this.socketPath = `${baseDir}/podman.sock`;
    this.dockerHost = `unix://${this.socketPath}`;
    this.cgroupParent = `/berth-test-podman-${randomBytes(4).toString('hex')}`;
    const env = {
      // Only these files are read: no /etc/containers or ~/.config/containers setting can change this service.
      CONTAINERS_CONF: `${baseDir}/containers.conf`,
      CONTAINERS_STORAGE_CONF: `${baseDir}/storage.conf`,
      CONTAINERS_REGISTRIES_CONF: `${baseDir}/registries.conf`,
      // libpod writes `runc update`'s resources file here (else /var/tmp).
      TMPDIR: `${baseDir}/tmp`,
    };
    this.service = new DaemonProcess(
      'podman',
      'podman',
      [...this.globalFlags(), 'system', 'service', '--time=0', this.dockerHost],
      `${baseDir}/podman.log`,
      env,
    );
  }

  static async start(): Promise<PrivatePodman> {
    if (process.getuid?.() !== 0)
      throw new Error('[harness] the private Podman service needs root (containers with cgroup limits)');
    const podman = new PrivatePodman(await mkdtemp('/tmp/berth-test-podman-'));
    try {
      await podman.writeConfig();
      await podman.service.spawn();
      await podman.service.waitReady(() => pingSocket(podman.socketPath), READY_TIMEOUT_MS);
    } catch (error) {
      await podman
        .destroy()
        .catch((cleanupError: Error) =>
          console.error(`[harness] cleanup after a failed Podman start: ${cleanupError.message}`),
        );
      throw error;
    }
    console.info(`[harness] Podman service ${podman.dockerHost} ready`);
    return podman;
  }

  docker(): Dockerode {
    return new Dockerode({ socketPath: this.socketPath });
  }

  /** HostConfig every test container needs here, with the test's own limits on top. */
  hostConfig(extra: Dockerode.HostConfig = {}): Dockerode.HostConfig {
    return { NetworkMode: 'none', CgroupParent: this.cgroupParent, Ulimits: PODMAN_ULIMITS, ...extra };
  }

  /** Copies an image from another engine (the harness's dockerd): `docker save` into Podman's compatible load. */
  async loadImageFrom(source: Dockerode, reference: string): Promise<void> {
    const archive = await source.getImage(reference).get();
    const stream = await this.docker().loadImage(archive);
    // The load answers with a progress stream; its end is the end of the load.
    await new Promise<void>((resolve, reject) =>
      this.docker().modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  /** Removes every container, stops the service, and removes its processes, mounts, cgroups and folder. */
  async destroy(): Promise<void> {
    if (this.service.running) {
      const docker = this.docker();
      const containers = await docker.listContainers({ all: true }).catch((error: Error) => {
        console.warn(`[harness] could not list the Podman containers before stopping it: ${error.message}`);
        return [];
      });
      await Promise.all(containers.map((info) => docker.getContainer(info.Id).remove({ force: true, v: true })));
      await this.service.stop(STOP_TIMEOUT_MS);
    }
    // conmon outlives the service (it is double-forked) and exits shortly after its container is removed; one
    // still there after that is a leftover.
    await waitUntil(async () => (await this.conmons()).length === 0, 5_000);
    const left = await this.conmons();
    if (left.length > 0) {
      console.warn(
        `[harness] killing ${left.length} leftover conmon process(es) of the Podman service: ${left.join(', ')}`,
      );
      for (const pid of left) process.kill(pid, 'SIGKILL');
      await waitUntil(async () => (await this.conmons()).length === 0, 5_000);
    }
    // The overlay driver bind-mounts its own folder onto itself (private propagation) and leaves it mounted
    // when the service exits: expected, so unmounted without a warning; anything else left is warned about.
    const overlay = `${this.baseDir}/root/overlay`;
    if ((await mountsUnder(this.baseDir)).includes(overlay)) await runCommand('umount', [overlay]);
    await unmountAllUnder(this.baseDir);
    const mounts = await mountsUnder(this.baseDir);
    if (mounts.length > 0)
      throw new Error(`[harness] mounts still under ${this.baseDir}, not deleting it: ${mounts.join(', ')}`);
    await this.removeCgroups();
    await rm(this.baseDir, { recursive: true, force: true });
  }

  /** conmon processes of this service (their arguments name its folders); never anything else that mentions them. */
  private async conmons(): Promise<number[]> {
    const pids: number[] = [];
    for (const pid of await processIdsMentioning(this.baseDir)) {
      const argv0 = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0')[0];
      if (basename(argv0) === 'conmon') pids.push(pid);
    }
    return pids;
  }

  private globalFlags(): string[] {
    const dir = this.baseDir;
    return [
      '--root',
      `${dir}/root`,
      '--runroot',
      `${dir}/run`,
      '--tmpdir',
      `${dir}/libpod`,
      '--storage-driver',
      'overlay',
      // No systemd here; cgroupfs puts each container under the cgroup parent it is given.
      '--cgroup-manager',
      'cgroupfs',
      '--events-backend',
      'file',
      '--network-config-dir',
      `${dir}/networks`,
    ];
  }

  private async writeConfig(): Promise<void> {
    const dir = this.baseDir;
    await mkdir(`${dir}/tmp`, { recursive: true });
    // File locks live under --tmpdir; the default shm locks are one /dev/shm segment shared by every Podman.
    await writeFile(
      `${dir}/containers.conf`,
      ['[engine]', 'lock_type = "file"', 'events_logger = "file"', 'cgroup_manager = "cgroupfs"', ''].join('\n'),
    );
    await writeFile(
      `${dir}/storage.conf`,
      ['[storage]', 'driver = "overlay"', `graphroot = "${dir}/root"`, `runroot = "${dir}/run"`, ''].join('\n'),
    );
    // No registry to search: tests use only images loaded into this service.
    await writeFile(`${dir}/registries.conf`, 'unqualified-search-registries = []\n');
  }

  /** Podman leaves the cgroup parent (and its conmon child) in every controller; empty ones can be removed. */
  private async removeCgroups(): Promise<void> {
    const controllers = await readdir(CGROUP_ROOT).catch(() => [] as string[]);
    // v1: one hierarchy per controller; v2 (the '' entry): the unified one at the root.
    for (const controller of [...controllers, '']) {
      const parent = join(CGROUP_ROOT, controller, this.cgroupParent);
      for (const dir of [join(parent, 'conmon'), parent]) {
        await rmdir(dir).catch((error: NodeJS.ErrnoException) => {
          // Not in this controller (ENOENT), or a combined mount already handled (a symlinked name).
          if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR')
            throw new Error(`[harness] cannot remove the Podman test cgroup ${dir}: ${error.message}`);
        });
      }
    }
  }
}
