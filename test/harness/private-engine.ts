// Owns a private Docker engine for tests: its own containerd, dockerd, socket, data, bridge and containerd
// namespace under /tmp/berth-test-<name>-<random>, so tests never touch the user's engine. dockerd 20.10
// would reuse a system containerd whenever /run/containerd/containerd.sock exists, so we always start our
// own containerd and hand it over with --containerd.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import Dockerode from 'dockerode';
import { pingSocket } from '../../main/core/engines/dockerd/ping-socket';
import { DaemonProcess } from './daemon-process';
import { killOrphanShims, mountsUnder, unmountAllUnder } from './host-cleanup';
import { createBridge, deleteBridge, type HostBridge } from './host-bridge';
import { deleteLeakedVeths } from './leaked-veths';
import { isAlive } from './run-command';

const READY_TIMEOUT_MS = 60_000;
// dockerd gives each container this long to stop on shutdown (--shutdown-timeout), then kills it.
const CONTAINER_SHUTDOWN_S = 2;
const STOP_TIMEOUT_MS = 30_000;
// destroy() removes the containers through the API first, this many at a time, for at most this long.
const REMOVE_CONCURRENCY = 8;
const REMOVE_TIMEOUT_MS = 60_000;

export interface PrivateEngineOptions {
  /** Goes into the directory name, to tell engines apart in `ps` and `/tmp`. */
  name?: string;
}

export class PrivateEngine {
  readonly socketPath: string;
  readonly dockerHost: string;
  readonly dataRoot: string;
  readonly execRoot: string;
  readonly containerdSocket: string;
  private readonly containerd: DaemonProcess;
  private readonly dockerd: DaemonProcess;

  private constructor(
    readonly baseDir: string,
    readonly bridge: HostBridge,
    readonly namespace: string,
  ) {
    this.socketPath = `${baseDir}/docker.sock`;
    this.dockerHost = `unix://${this.socketPath}`;
    this.dataRoot = `${baseDir}/data`;
    this.execRoot = `${baseDir}/exec`;
    this.containerdSocket = `${baseDir}/containerd/containerd.sock`;
    this.containerd = new DaemonProcess(
      'containerd',
      'containerd',
      ['--config', `${baseDir}/containerd/config.toml`],
      `${baseDir}/containerd.log`,
    );
    this.dockerd = new DaemonProcess('dockerd', 'dockerd', this.dockerdArgs(), `${baseDir}/dockerd.log`);
  }

  static async start(options: PrivateEngineOptions = {}): Promise<PrivateEngine> {
    if (process.getuid?.() !== 0) {
      throw new Error(
        '[harness] integration tests need root to run a private dockerd (run them as root, e.g. in CI or with sudo)',
      );
    }
    const name = (options.name ?? 'engine').replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 24);
    const baseDir = await mkdtemp(`/tmp/berth-test-${name}-`);
    let bridge: HostBridge;
    try {
      bridge = await createBridge();
    } catch (error) {
      await rm(baseDir, { recursive: true, force: true });
      throw error;
    }
    const engine = new PrivateEngine(baseDir, bridge, `berth-test-${randomBytes(4).toString('hex')}`);
    try {
      await engine.writeConfig();
      await engine.start();
    } catch (error) {
      await engine
        .destroy()
        .catch((cleanupError: Error) =>
          console.error(`[harness] cleanup after a failed start: ${cleanupError.message}`),
        );
      throw error;
    }
    return engine;
  }

  docker(): Dockerode {
    return new Dockerode({ socketPath: this.socketPath });
  }

  /** Whether GET /_ping answers OK right now. */
  ping(): Promise<boolean> {
    return pingSocket(this.socketPath);
  }

  /** Starts containerd and dockerd (again) on the same directories and waits until the engine answers. */
  async start(): Promise<void> {
    const started = Date.now();
    if (!this.containerd.running) {
      await this.containerd.spawn();
      await this.containerd.waitReady(async () => existsSync(this.containerdSocket), READY_TIMEOUT_MS);
    }
    if (!this.dockerd.running) {
      await this.dockerd.spawn();
      await this.dockerd.waitReady(() => this.ping(), READY_TIMEOUT_MS);
    }
    console.info(`[harness] engine ${this.dockerHost} ready in ${Date.now() - started} ms`);
  }

  /**
   * Takes the engine away as a client would see a shutdown: dockerd stops its containers and exits, then
   * containerd; resolves once no process of this engine is left and the socket no longer exists.
   */
  async stop(): Promise<void> {
    await this.dockerd.stop(STOP_TIMEOUT_MS);
    await this.containerd.stop(STOP_TIMEOUT_MS);
    // After a clean shutdown no shim remains; when dockerd was killed (by us after a hang, or by a test),
    // shims and their containers outlive it.
    await killOrphanShims(this.containerdSocket);
    // dockerd removes its socket on a clean exit, not after SIGKILL.
    await rm(this.socketPath, { force: true });
    await rm(`${this.baseDir}/dockerd.pid`, { force: true });
  }

  /** Stops the engine and removes its directories, mounts, bridge and veths; leaves no process behind. */
  async destroy(): Promise<void> {
    // dockerd's own shutdown stops every container at once and exits at its deadline even when their network
    // teardown is half done, which leaves veth pairs in the host namespace (see leaked-veths.ts). Removing the
    // containers through the API first tears each one's network down completely while dockerd still runs.
    await this.removeAllContainers();
    await this.stop();
    await unmountAllUnder(this.baseDir);
    // Whatever a crash or a missed deadline still left; while our bridge holds the /24, its MACs are ours.
    await deleteLeakedVeths(this.bridge);
    const left = await mountsUnder(this.baseDir);
    // Deleting through a mount could delete host files (a bind-mounted volume): refuse instead.
    if (left.length > 0)
      throw new Error(`[harness] mounts still under ${this.baseDir}, not deleting it: ${left.join(', ')}`);
    await rm(this.baseDir, { recursive: true, force: true });
    await deleteBridge(this.bridge.name);
  }

  /**
   * Force-removes every running container while dockerd runs, a few at a time, giving up (with a warning) after
   * REMOVE_TIMEOUT_MS: destroy() must finish even when the engine hangs. A dead or stopped engine is skipped.
   */
  private async removeAllContainers(): Promise<void> {
    if (!this.dockerd.running || !(await this.ping())) return;
    const docker = this.docker();
    let ids: string[] = [];
    const removeAll = async (): Promise<void> => {
      // Running and paused ones only: a stopped container has no network left to tear down, and its files go
      // with the data root; removing the many the suite's engine ends with only made its teardown longer.
      ids = (await docker.listContainers({ all: false })).map((info) => info.Id);
      const worker = async (): Promise<void> => {
        for (let id = ids.pop(); id !== undefined; id = ids.pop()) {
          await docker
            .getContainer(id)
            .remove({ force: true, v: true })
            .catch((error: Error) => console.warn(`[harness] could not remove container ${id}: ${error.message}`));
        }
      };
      await Promise.all(Array.from({ length: REMOVE_CONCURRENCY }, worker));
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), REMOVE_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([removeAll().then(() => 'done' as const), timeout]);
      if (outcome === 'timeout') {
        // Start no more removals; dockerd's shutdown and deleteLeakedVeths take care of the rest.
        ids.length = 0;
        console.warn(`[harness] removing the containers of ${this.dockerHost} took over ${REMOVE_TIMEOUT_MS / 1000} s`);
      }
    } catch (error) {
      console.warn(`[harness] could not list the containers of ${this.dockerHost}: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The dockerd process id while it runs, for fault tests that kill it the hard way (SIGKILL). */
  dockerdPid(): number | undefined {
    const pid = this.dockerd.pid;
    return pid !== undefined && isAlive(pid) ? pid : undefined;
  }

  /** Process ids of this engine's dockerd and containerd, for tests that check nothing is left. */
  pids(): number[] {
    return [this.dockerd.pid, this.containerd.pid].filter((pid): pid is number => pid !== undefined && isAlive(pid));
  }

  private async writeConfig(): Promise<void> {
    await mkdir(`${this.baseDir}/containerd`, { recursive: true });
    await mkdir(this.dataRoot, { recursive: true });
    await mkdir(this.execRoot, { recursive: true });
    // Every path containerd would otherwise put under /var/lib/containerd, /run/containerd or /opt/containerd
    // stays under our directory. (Shim sockets still go to /run/containerd/s/<hash>: containerd 1.6 fixes
    // that path; they disappear with their shims.)
    const toml = [
      'version = 2',
      `root = "${this.baseDir}/containerd/root"`,
      `state = "${this.execRoot}/containerd"`,
      'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
      '[grpc]',
      `  address = "${this.containerdSocket}"`,
      '[plugins."io.containerd.internal.v1.opt"]',
      `  path = "${this.baseDir}/containerd/opt"`,
      '',
    ].join('\n');
    await writeFile(`${this.baseDir}/containerd/config.toml`, toml);
    // An empty config file, so that a /etc/docker/daemon.json on this machine cannot change our engine.
    await writeFile(`${this.baseDir}/daemon.json`, '{}\n');
  }

  private dockerdArgs(): string[] {
    return [
      '--config-file',
      `${this.baseDir}/daemon.json`,
      '--host',
      this.dockerHost,
      '--data-root',
      this.dataRoot,
      '--exec-root',
      this.execRoot,
      '--pidfile',
      `${this.baseDir}/dockerd.pid`,
      '--containerd',
      this.containerdSocket,
      '--containerd-namespace',
      this.namespace,
      '--containerd-plugins-namespace',
      `${this.namespace}-plugins`,
      '--bridge',
      this.bridge.name,
      // No iptables rules on the host: tests need no outbound traffic nor published ports through NAT.
      '--iptables=false',
      '--ip-masq=false',
      // A failed layer download fails the pull at once instead of after 5 retries over ~50 s, so tests of a
      // registry going away mid-pull end in seconds. Successful pulls are unaffected.
      '--max-download-attempts',
      '1',
      '--shutdown-timeout',
      String(CONTAINER_SHUTDOWN_S),
    ];
  }
}
