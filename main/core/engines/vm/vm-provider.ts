// A container engine inside a small Linux VM that Berth runs with QEMU (vm-boot.ts boots it): its lifecycle
// (start, power-down stop with a kill deadline, crash detection with the console's tail in the log, idle
// stop), the engine reached through one persistent SSH connection (ssh-tunnel.ts + tunnel-agent.ts), and the
// guest engine's socket served on the host behind a docker context for the docker CLI, and the containers'
// published ports listening on this computer (vm-ports.ts). With its setting on, a stop suspends the VM to a
// file instead (vm-suspend-stop.ts) and the next start resumes it (vm-resume.ts), its guest clock kept to the
// host's (guest-clock.ts).
import { rm } from 'node:fs/promises';
import type Dockerode from 'dockerode';
import type { EngineView, ProviderState, VmCompactResult, VmUsage } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import type { DiscoveryResult } from '../../connection/discover';
import type { EngineEvent } from '../../connection/engine-event';
import type { Logger } from '../../logger';
import { contextNameFor, removeDockerContext, writeDockerContext } from '../docker-context';
import { LogRing } from '../dockerd/log-ring';
import type { EngineLink } from '../../connection/engine-link';
import type { EngineProvider, ProviderChange, ProviderControl } from '../engine-provider';
import { guestStatsOverSsh } from '../../guest-stats/guest-ssh-source';
import type { GuestStatsSource } from '../../guest-stats/guest-source';
import type { SshTunnel } from '../ssh/ssh-tunnel';
import { TunnelAgent, tunnelledClient } from '../ssh/tunnel-agent';
import { DiskGiveBack } from './disk-give-back';
import { trimGuestDisk } from './disk-trim';
import { execInGuest, type GuestOutput } from './guest-exec';
import { GUEST_DOCKER_SOCKET } from './guest-protocol';
import { HostSocket } from './host-socket';
import { createRefusal } from './create-bind-check';
import { IdleStop, type IdleTiming } from './idle-stop';
import type { QemuExit, QemuProcess } from './qemu-process';
import { GUEST_USER, VmBoot, type BootedVm, type BootPhase } from './vm-boot';
import type { VmEngineConfig } from './vm-config';
import { vmLayout, type VmLayout } from './vm-layout';
import { readHostUsage } from './vm-host-usage';
import { readVmUsage } from './vm-usage';
import type { TrimTiming } from './trim-schedule';
import { exportableFolders } from './share-mount';
import { ShareSession } from './share-session';
import { sharedFoldersOf } from './shared-folders';
import { stopLeftoverQemu } from './vm-leftovers';
import { VmPorts } from './vm-ports';
import { ClockJumpWatch, setGuestClock } from './guest-clock';
import { discardSavedState } from './saved-state';
import { planStop, suspendVm } from './vm-suspend-stop';

export interface VmProviderOptions {
  config: VmEngineConfig;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Tests shorten idle stop with it (a real minute is too long to wait for); absent, the minutes are real. */
  idleTiming?: IdleTiming;
  /** When the data disk is trimmed (trim-schedule.ts); absent, TRIM_TIMING. */
  trimTiming?: TrimTiming;
  /** Tests shorten how long a boot may take to reach the guest's init (vm-boot.ts's INIT_DEADLINE_MS otherwise). */
  initDeadlineMs?: number;
  /** Settings → Published ports says all interfaces (forwarded ports then listen on all, when the container's do). */
  publishAll?: () => Promise<boolean>;
}

export const STOP_DEADLINE_MS = 30_000;
const CRASH_TAIL_LINES = 30;
type Listener = (change: ProviderChange) => void;

export class VmProvider implements EngineProvider {
  readonly kind = 'vm' as const;
  readonly startHint = 'Start the VM from the Engine page; its log shows how far the last boot got.';
  readonly layout: VmLayout;
  private readonly ring = new LogRing();
  private readonly serialTail = new LogRing(200);
  private readonly listeners = new Set<Listener>();
  private readonly agent: TunnelAgent;
  private current: ProviderState = 'stopped';
  private booted: BootedVm | null = null;
  private starting: Promise<void> | null = null;
  private hostSocket: HostSocket | null = null;
  private idle: IdleStop | null = null;
  private giveBack: DiskGiveBack | null = null;
  private phases: BootPhase[] = [];
  private readonly ports: VmPorts;
  private shares: ShareSession | null = null;
  /** The folders the running VM was started with: a changed setting applies at the next start. */
  private bootFolders: string[] | null = null;
  private clock: ClockJumpWatch | null = null;
  /** A QEMU of a previous Berth run is stopped at once, whether or not this VM starts now; a boot waits for it. */
  private readonly leftover: Promise<void>;

  constructor(private readonly options: VmProviderOptions) {
    this.layout = vmLayout(options.config.name, options.env);
    this.agent = new TunnelAgent(() => this.openChannel());
    this.ports = new VmPorts({
      publishAll: options.publishAll ?? (() => Promise.resolve(false)),
      note: (line) => this.note(line),
      changed: () => {
        for (const listener of [...this.listeners]) listener({ ports: true });
      },
    });
    this.leftover = stopLeftoverQemu(this.layout, STOP_DEADLINE_MS, (line) => this.note(line)).then(
      () => undefined,
      (error: Error) => this.note(`[vm] could not stop the QEMU a previous run left: ${error.message}`),
    );
  }

  /** Resolves once a previous run's QEMU (if any) is stopped; for tests. */
  leftoverChecked(): Promise<void> {
    return this.leftover;
  }

  get host(): string {
    return this.booted ? `ssh://${GUEST_USER}@127.0.0.1:${this.booted.sshPort}` : `vm://${this.options.config.name}`;
  }

  get config(): VmEngineConfig {
    return this.options.config;
  }

  /** Host ms since QEMU started at which each boot phase was seen, for the Engine page and the bench. */
  bootPhases(): BootPhase[] {
    return [...this.phases];
  }

  /** What the Engine page shows of a VM: its boot phases, its size, and the accelerator while it runs. */
  viewFacts(): Pick<EngineView, 'bootPhases' | 'vm' | 'portForwards'> {
    const { cpus, memoryMiB, diskGiB } = this.options.config;
    const accel = this.booted?.accel;
    return {
      bootPhases: this.bootPhases(),
      vm: {
        cpus,
        memoryMiB,
        diskGiB,
        ...(accel && { accel }),
        sharedFolders: sharedFoldersOf(this.options.config, this.options.env),
        mountedFolders: this.booted ? this.bootFolders : null,
      },
      portForwards: this.ports.views(),
    };
  }

  /** The engine's events drive the forwarded ports, and removals schedule a trim of the data disk. */
  watchEngine(link: Pick<EngineLink, 'onEngineEvent' | 'onConnected'>): () => void {
    const unwatchPorts = this.ports.watch(link);
    const unwatchRemovals = link.onEngineEvent((event) => this.engineEvent(event));
    return () => {
      unwatchPorts();
      unwatchRemovals();
    };
  }

  portProblem(containerId: string, protocol: string, hostPort: number): string | undefined {
    return this.ports.problemOf(containerId, protocol, hostPort);
  }

  resyncPorts(): void {
    this.ports.resync();
  }

  /** Resolves when the forwarded ports match the guest's containers as of now (tests, the bench). */
  portsSettled(): Promise<void> {
    return this.ports.settled();
  }

  /** Memory, CPU over one second and the data disk, read in the guest over the VM's one SSH connection. */
  async usage(): Promise<VmUsage> {
    if (!this.booted || this.current !== 'running')
      throw new BerthError('CONFLICT', `${this.options.config.name} is not running: start it to see what it uses.`);
    const { qemu, tunnel } = this.booted;
    const [guest, host] = await Promise.all([
      readVmUsage(await tunnel.liveClient()),
      readHostUsage(qemu.pid, this.layout.dataDisk),
    ]);
    return { ...guest, ...host };
  }

  /** Trims the data disk now (disk-give-back.ts) and says how much its file on the host shrank. */
  compact(): Promise<VmCompactResult> {
    if (!this.giveBack || this.current !== 'running')
      return Promise.reject(
        new BerthError('CONFLICT', `${this.options.config.name} is not running: start it to compact its disk.`),
      );
    return this.giveBack.compact();
  }

  /** An engine event: a removal schedules a trim (disk-give-back.ts). */
  engineEvent(event: EngineEvent): void {
    this.giveBack?.engineEvent(event);
  }

  /** One shell command in the guest over the VM's SSH connection (benchmarks and tests look inside with it). */
  async runInGuest(command: string, deadlineMs = 60_000): Promise<GuestOutput> {
    if (!this.booted) throw new BerthError('CONFLICT', `${this.options.config.name} is not running.`);
    return execInGuest(await this.booted.tunnel.liveClient(), command, deadlineMs);
  }

  /**
   * The host folders this VM shares: while it runs, those it was started with (a running VM keeps its mounts);
   * otherwise its setting, else the user's home. Bind mounts must lie inside them.
   */
  sharedFolders(): string[] {
    return (this.booted && this.bootFolders) || sharedFoldersOf(this.options.config, this.options.env);
  }

  /** A new shared folders setting: the next start mounts it; a running VM keeps what it mounted. */
  setSharedFolders(folders: string[]): void {
    this.options.config = { ...this.options.config, sharedFolders: folders };
  }

  /** QEMU's process id while it runs (tests check nothing is left behind). */
  qemuPid(): number | undefined {
    return this.booted?.qemu.pid;
  }

  discover(): DiscoveryResult {
    if (!this.booted || this.current !== 'running') {
      const why =
        this.current === 'starting'
          ? `${this.options.config.name} is booting`
          : `${this.options.config.name} is stopped`;
      return { targets: [], problem: `${why}.`, warnings: [], searched: [] };
    }
    const port = this.booted.sshPort;
    const endpoint = { host: this.host, source: 'berth' as const, label: 'Berth VM over SSH' };
    return {
      targets: [{ endpoint, address: { kind: 'ssh', host: '127.0.0.1', port, user: GUEST_USER }, tls: null }],
      problem: null,
      warnings: [],
      searched: [],
    };
  }

  createClient(): Dockerode {
    return tunnelledClient(this.agent, GUEST_DOCKER_SOCKET);
  }

  state(): ProviderState {
    return this.current;
  }

  control(): ProviderControl {
    return {
      canStart: this.current === 'stopped',
      canStop: this.current === 'running' || this.current === 'starting',
      reason: null,
    };
  }

  start(): Promise<void> {
    if (this.current === 'running') return Promise.resolve();
    this.starting ??= this.boot().finally(() => (this.starting = null));
    return this.starting;
  }

  /**
   * Suspends the VM when its setting says so and nothing in it would break (stop-plan.ts), else powers it
   * down; `power-off` always powers down (the VM is being removed).
   */
  async stop(reason = 'asked to stop', mode: 'suspend-if-set' | 'power-off' = 'suspend-if-set'): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    const booted = this.booted;
    if (!booted) return;
    this.setState('stopping');
    this.clock?.stop();
    this.clock = null;
    const suspendOnStop = mode === 'suspend-if-set' && this.options.config.suspendOnStop !== false;
    const plan = await planStop(suspendOnStop, this.shares, this.createClient());
    if (plan.suspend) {
      this.note(`[vm] suspending (${reason})`);
      const release = () => this.release();
      if (
        await suspendVm({ booted, layout: this.layout, shares: this.shares, release, note: (line) => this.note(line) })
      ) {
        await this.stopped();
        return;
      }
    } else if (plan.why) this.note(`[vm] shutting down instead of suspending: ${plan.why}`);
    this.note(`[vm] powering down (${reason})`);
    await this.release();
    const exit = await booted.qemu.powerDown(STOP_DEADLINE_MS, (line) => this.note(line));
    this.note(`[vm] QEMU exited (${describeExit(exit)})`);
    await this.stopped();
  }

  private async stopped(): Promise<void> {
    this.shares?.stop();
    await rm(this.layout.qemuPidfile, { force: true });
    this.booted = null;
    this.setState('stopped');
  }

  logs(): string[] {
    return this.ring.all();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dockerContext(): string | null {
    return contextNameFor(this.options.config.name);
  }

  async dispose(): Promise<void> {
    this.clock?.stop();
    await this.release();
    if (this.booted) await this.booted.qemu.kill();
    this.shares?.stop();
    await rm(this.layout.qemuPidfile, { force: true });
    this.booted = null;
    this.agent.destroy();
    this.listeners.clear();
  }

  async remove(options: { deleteData: boolean }): Promise<void> {
    await removeDockerContext(this.options.env, this.options.config.name);
    await rm(this.layout.runtimeDir, { recursive: true, force: true });
    // A saved state is of no use without its engine, and would be resumed by an engine of the same name added later.
    await discardSavedState(this.layout);
    if (options.deleteData) await rm(this.layout.vmDir, { recursive: true, force: true });
  }

  private async boot(): Promise<void> {
    this.phases = [];
    this.setState('starting');
    await this.leftover;
    const { env, config } = this.options;
    const folders = await exportableFolders(sharedFoldersOf(config, env), (line) => this.note(line));
    this.bootFolders = folders;
    const shares = new ShareSession({
      folders,
      runtimeDir: this.layout.runtimeDir,
      env,
      memoryMiB: config.memoryMiB,
      note: (line) => this.note(line),
    });
    this.shares = shares;
    const boot = new VmBoot({
      shareArgs: () => shares.qemuArgs(),
      shareFacts: () => ({ folders: shares.folders, mechanism: shares.mechanism }),
      config: this.options.config,
      env: this.options.env,
      layout: this.layout,
      initDeadlineMs: this.options.initDeadlineMs,
      note: (line) => this.note(line),
      serial: (line) => this.serialLine(line),
      phase: (phase) => {
        this.phases.push(phase);
        this.note(`[vm] boot phase ${phase.phase} at ${(phase.atMs / 1000).toFixed(1)} s`);
        // A state "change" to the same state makes the registry send the views again, with the new phase.
        this.setState(this.current);
      },
      ping: async (tunnel) => {
        const agent = new TunnelAgent(() => tunnel.openChannel());
        try {
          await tunnelledClient(agent, GUEST_DOCKER_SOCKET).ping();
        } finally {
          agent.destroy();
        }
      },
    });
    try {
      this.booted = await boot.run();
    } catch (error) {
      this.note(`[vm] could not start: ${(error as Error).message}`);
      shares.stop();
      this.setState('stopped');
      throw error;
    }
    const booted = this.booted;
    // After a resume the shares were unmounted for the save: mounted again as after a boot.
    await shares.mount(await booted.tunnel.liveClient());
    this.clock = new ClockJumpWatch({ jumped: (byMs) => void this.syncClock(booted, byMs) }).start();
    void booted.qemu.exited.then((exit) => this.exitedOnItsOwn(booted.qemu, exit));
    this.hostSocket = await HostSocket.listen({
      path: this.layout.hostSocket,
      openChannel: () => booted.tunnel.openChannel(),
      note: (line) => this.note(line),
      // The folders this boot shares (mounted above); a changed setting applies at the next start.
      judgeCreate: (body) => createRefusal(body, { engineName: config.name, folders }),
    });
    const context = await writeDockerContext(
      this.options.env,
      this.options.config.name,
      `unix://${this.layout.hostSocket}`,
    );
    this.note(`[vm] engine ready; docker context ${context.name} → unix://${this.layout.hostSocket}`);
    this.watchIdle();
    this.giveBack = new DiskGiveBack({
      trim: async () => trimGuestDisk(await booted.tunnel.liveClient()),
      dataDisk: this.layout.dataDisk,
      note: (line) => this.note(line),
      timing: this.options.trimTiming,
    });
    this.ports.start({
      qmpSocket: this.layout.qmpSocket,
      sshClient: () => booted.tunnel.liveClient(),
      engine: this.createClient(),
    });
    this.setState('running');
  }

  /** The host's clock jumped (it slept): the guest's is as far behind, and set again. */
  private async syncClock(booted: BootedVm, byMs: number): Promise<void> {
    try {
      const { errorMs } = await setGuestClock(await booted.tunnel.liveClient());
      this.note(
        `[vm] the host's clock jumped by ${(byMs / 1000).toFixed(1)} s: guest clock set again (${errorMs} ms off)`,
      );
    } catch (error) {
      this.note(`[vm] the host's clock jumped but the guest's could not be set: ${(error as Error).message}`);
    }
  }

  private watchIdle(): void {
    const minutes = this.options.config.idleStopMinutes;
    if (minutes === null) return;
    const client = this.createClient();
    this.idle = new IdleStop({
      ...this.options.idleTiming,
      minutes,
      runningContainers: async () => (await client.listContainers({ all: false })).length,
      note: (line) => this.note(line),
      stop: (reason) => this.stop(reason).catch((error: Error) => this.note(`[vm] idle stop failed: ${error.message}`)),
    });
  }

  /** The in-guest collector's frames over the VM's one SSH connection: stats for all containers on one channel. */
  guestStats(intervalMs: number): GuestStatsSource | null {
    if (!this.booted) return null;
    const { tunnel } = this.booted;
    return guestStatsOverSsh(() => tunnel.liveClient(), intervalMs);
  }

  private openChannel(): ReturnType<SshTunnel['openChannel']> {
    if (!this.booted) return Promise.reject(new Error(`${this.options.config.name} is not running`));
    return this.booted.tunnel.openChannel();
  }

  /** Lets go of what reaches the guest (idle timer, host socket, SSH) before QEMU goes away. */
  private async release(): Promise<void> {
    this.idle?.dispose();
    this.idle = null;
    this.giveBack?.dispose();
    this.giveBack = null;
    await this.ports.stop();
    await this.hostSocket?.close();
    this.hostSocket = null;
    await rm(this.layout.hostSocket, { force: true });
    this.booted?.tunnel.dispose();
  }

  private exitedOnItsOwn(qemu: QemuProcess, exit: QemuExit): void {
    if (this.booted?.qemu !== qemu || this.current === 'stopping') return;
    this.note(
      `[vm] QEMU exited unexpectedly (${describeExit(exit)})${qemu.errorOutput() ? `: ${qemu.errorOutput()}` : ''}; the console's last lines:`,
    );
    this.ring.push(this.serialTail.last(CRASH_TAIL_LINES).map((line) => `[vm] | ${line}`));
    this.booted = null;
    void this.release();
    this.setState('stopped');
  }

  private serialLine(line: string): void {
    this.serialTail.push([line]);
    const stamped = [`[serial] ${line}`];
    this.ring.push(stamped);
    for (const listener of [...this.listeners]) listener({ lines: stamped });
  }

  private note(line: string): void {
    this.ring.push([line]);
    this.options.log.info(`${line} (${this.options.config.name})`);
    for (const listener of [...this.listeners]) listener({ lines: [line] });
  }

  private setState(state: ProviderState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener({ state });
  }
}

function describeExit(exit: QemuExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
