// Owns every engine Berth knows: the discovered one, Berth-owned dockerds and remote engines, each with its
// provider and its own connection (so all are monitored at once), which one is active (ActiveEngine), and
// their configuration in the settings file. Emits `engines:changed` on any change and `engines:log` lines.
import type {
  AddRemoteResult,
  EngineConfig,
  EngineDiskUsage,
  EngineView,
  OwnedRunAs,
  VmCompactResult,
  VmUsage,
} from '../../shared/engine-manager-types';
import type { EngineStatus } from '../../shared/engine-types';
import { BerthError } from '../../shared/errors';
import type { SharedFoldersOfActive } from '../run/shared-folder-check';
import { EngineConnection } from '../connection/engine-connection';
import { viewedStatusKey } from '../connection/status-key';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import type { SettingsStore } from '../settings/settings-store';
import { ActiveEngine } from './active-engine';
import { toDiskUsage, type SystemDf } from './disk-usage';
import { DockerdProvider } from './dockerd/dockerd-provider';
import { shouldStartEmbeddedEngine } from './embedded-default';
import type { EngineProvider } from './engine-provider';
import { engineView } from './engine-view';
import { ExistingProvider } from './existing-provider';
import { checkHostKey, SshProvider, type SshEngineConfig } from './ssh/ssh-provider';
import { findImageDir } from './vm/vm-artifacts';
import type { IdleTiming } from './vm/idle-stop';
import { newVmConfig, vmEngineId, type AddVmRequest } from './vm/vm-config';
import { VmProvider } from './vm/vm-provider';
import { assertHostFolders } from './vm/host-folders';
import { StatusNarrator, type NarratedEngine } from './status-narrator';

export const DISCOVERED_ID = 'discovered';
const EMBEDDED_NAME = 'berth';

interface Entry {
  id: string;
  name: string;
  config: EngineConfig | null;
  provider: EngineProvider;
  connection: EngineConnection;
  detach: Array<() => void>;
}

export interface EngineRegistryOptions {
  env: NodeJS.ProcessEnv;
  hub: Pick<EventHub, 'emit'>;
  log: Logger;
  settings: SettingsStore;
  /** Tests and the VM issue plug other providers in here. */
  providerFor?: (config: EngineConfig) => EngineProvider;
  discovered?: EngineProvider;
  platform?: NodeJS.Platform;
  /** Tests: how fast VM engines' idle stop counts (CoreOptions.vmIdleTiming). */
  vmIdleTiming?: IdleTiming;
}

export interface RemoteRequest {
  name: string;
  host: string;
  identityFile?: string | null;
  socketPath?: string;
  trustFingerprint?: string;
}

export class EngineRegistry {
  readonly active: ActiveEngine;
  private readonly entries = new Map<string, Entry>();
  private activeId: string | null = null;
  /** What the settings file says is active; differs from activeId for a run that DOCKER_HOST points elsewhere. */
  private savedActiveId: string | null = null;
  private closed = false;
  private readonly narrator: StatusNarrator;

  constructor(private readonly options: EngineRegistryOptions) {
    this.active = new ActiveEngine(options.hub, options.log);
    this.narrator = new StatusNarrator(options.log);
  }

  /** Creates the engines from the settings, connects to all, activates the saved one (else the discovered). */
  async start(): Promise<void> {
    const { env } = this.options;
    this.add(
      DISCOVERED_ID,
      'discovered',
      null,
      this.options.discovered ?? new ExistingProvider({ env, log: this.options.log }),
    );
    const saved = await this.options.settings.engines();
    for (const config of saved.engines) this.add(config.id, config.name, config, this.providerFor(config));
    this.savedActiveId =
      saved.activeEngineId && this.entries.has(saved.activeEngineId) ? saved.activeEngineId : DISCOVERED_ID;
    const activeId = this.activeForThisRun(this.savedActiveId);
    this.activate(activeId);
    this.startWithBerth(activeId);
    // A VM set to start with Berth starts even when another engine is the active one.
    for (const config of saved.engines)
      if (config.kind === 'vm' && config.startWithBerth && config.id !== activeId) this.startWithBerth(config.id);
    this.watchForEmbeddedDefault(saved.engines.length);
  }

  /** The active engine's shared folders when it is a VM, for the run path's bind mount check. */
  activeSharedFolders(): SharedFoldersOfActive | null {
    const entry = this.activeId ? this.entries.get(this.activeId) : undefined;
    if (!entry || !(entry.provider instanceof VmProvider)) return null;
    return { engineName: entry.name, folders: entry.provider.sharedFolders() };
  }

  views(): EngineView[] {
    return [...this.entries.values()].map((entry) => this.view(entry));
  }

  async setActive(id: string): Promise<EngineView[]> {
    const entry = this.entryFor(id);
    this.activate(id);
    this.savedActiveId = id;
    // Choosing an engine that stopped retrying (a refused login, say) is the user acting: try it again.
    if (
      entry.connection.status.state === 'unreachable' &&
      entry.connection.status.retryAt === null &&
      entry.provider.state() !== 'stopped'
    )
      void entry.connection.reconnect();
    await this.persist();
    return this.views();
  }

  async startEngine(id: string): Promise<EngineView> {
    const entry = this.controllable(id, 'start');
    this.assertHelperFree(entry);
    await entry.provider.start();
    await entry.connection.reconnect();
    return this.view(entry);
  }

  async stopEngine(id: string): Promise<EngineView> {
    const entry = this.controllable(id, 'stop');
    await entry.provider.stop();
    // The event stream's end says it too, but not before the next health check on every platform.
    void entry.connection.reconnect();
    return this.view(entry);
  }

  async restartEngine(id: string): Promise<EngineView> {
    await this.stopEngine(id);
    return this.startEngine(id);
  }

  /** Adds a Berth-owned dockerd and starts it; the first one becomes active when nothing else is connected. */
  async addOwned(name: string, runAs: OwnedRunAs = 'auto'): Promise<EngineView> {
    const availability = DockerdProvider.availability(this.options.env, this.options.platform, runAs);
    if (!availability.available && !this.options.providerFor)
      throw new BerthError('CONFLICT', availability.reason ?? 'Berth cannot run its own engine here.');
    const config: EngineConfig = {
      id: `berth-${name}`,
      name,
      kind: 'berth-dockerd',
      ...(runAs === 'auto' ? {} : { runAs }),
    };
    const entry = this.addConfigured(config);
    await this.persist();
    await this.startEngine(entry.id);
    return this.view(entry);
  }

  async addRemote(request: RemoteRequest): Promise<AddRemoteResult> {
    const config: SshEngineConfig = {
      id: `ssh-${request.name}`,
      name: request.name,
      kind: 'ssh',
      host: request.host,
      identityFile: request.identityFile ?? null,
      socketPath: request.socketPath ?? '/var/run/docker.sock',
    };
    if (this.entries.has(config.id))
      throw new BerthError('CONFLICT', `There is already an engine named ${request.name}: pick another name.`);
    const question = await checkHostKey(config, this.options.env, request.trustFingerprint);
    if (question) return { outcome: 'trust-needed', hostKey: question };
    const entry = this.addConfigured(config);
    await this.persist();
    await entry.connection.reconnect();
    return { outcome: 'added', engine: this.view(entry) };
  }

  /** The user trusts the SSH host key the engine's view asks about (`hostKey`); then it connects. */
  async trustHostKey(id: string, fingerprint: string): Promise<EngineView> {
    const entry = this.entryFor(id);
    if (!entry.provider.trustHostKey)
      throw new BerthError('CONFLICT', `${entry.name} is not reached over SSH: there is no host key to trust.`);
    await entry.provider.trustHostKey(fingerprint);
    await entry.connection.reconnect();
    return this.view(entry);
  }

  /** Adds a QEMU VM engine and boots it in the background (a minute or more under emulation); the view shows its phases. */
  async addVm(request: AddVmRequest): Promise<EngineView> {
    if (this.entries.has(vmEngineId(request.name)))
      throw new BerthError('CONFLICT', `There is already an engine named ${request.name}: pick another name.`);
    // Refused here, in the dialog, rather than as a failed boot in the log: without an image nothing can start.
    if (!this.options.providerFor) await findImageDir(this.options.env);
    const entry = this.addConfigured(newVmConfig(request));
    await this.persist();
    this.startEngine(entry.id).catch((error: unknown) =>
      this.options.log.error(`[engines] could not start ${entry.name}`, error),
    );
    return this.view(entry);
  }

  async remove(id: string, deleteData: boolean): Promise<EngineView[]> {
    const entry = this.entryFor(id);
    if (!entry.config)
      throw new BerthError(
        'CONFLICT',
        'The discovered engine comes from your environment (DOCKER_HOST, docker context or default socket): Berth cannot remove it.',
      );
    if (entry.provider.state() === 'running' || entry.provider.state() === 'starting')
      // A VM being removed is powered down: saving its state only to delete it would make the removal wait.
      await (entry.provider instanceof VmProvider
        ? entry.provider.stop('removing it', 'power-off')
        : entry.provider.stop());
    await this.drop(entry);
    await entry.provider.remove?.({ deleteData });
    if (this.activeId === id) this.activate(DISCOVERED_ID);
    if (this.savedActiveId === id) this.savedActiveId = DISCOVERED_ID;
    await this.persist();
    return this.views();
  }

  logs(id: string): string[] {
    return this.entryFor(id).provider.logs();
  }

  async diskUsage(id: string): Promise<EngineDiskUsage> {
    const df = (await this.entryFor(id).connection.client().df()) as SystemDf;
    return toDiskUsage(df);
  }

  /** What a running VM engine uses, read in its guest. */
  async vmUsage(id: string): Promise<VmUsage> {
    const { provider, name } = this.entryFor(id);
    if (!(provider instanceof VmProvider)) throw new BerthError('CONFLICT', `${name} is not a VM.`);
    return provider.usage();
  }

  /** Trims a running VM engine's data disk now; how much its file on the host shrank. */
  async vmCompact(id: string): Promise<VmCompactResult> {
    const { provider, name } = this.entryFor(id);
    if (!(provider instanceof VmProvider)) throw new BerthError('CONFLICT', `${name} is not a VM.`);
    return provider.compact();
  }

  /** A VM engine's shared folders (checked in shape at the boundary; here, that each is a folder on this host). */
  async setVmSharedFolders(id: string, folders: string[]): Promise<EngineView> {
    const entry = this.entryFor(id);
    const { provider, name, config } = entry;
    if (!(provider instanceof VmProvider) || config?.kind !== 'vm')
      throw new BerthError('CONFLICT', `${name} is not a VM: only a VM engine has shared folders.`);
    await assertHostFolders(folders);
    entry.config = { ...config, sharedFolders: folders };
    provider.setSharedFolders(folders);
    await this.persist();
    this.changed();
    return this.view(entry);
  }

  /** How a Berth-owned engine runs from its next start (rootless, through the helper, or Berth's choice). */
  async setRunAs(id: string, runAs: OwnedRunAs): Promise<EngineView> {
    const entry = this.entryFor(id);
    const { provider, name, config } = entry;
    if (!(provider instanceof DockerdProvider) || config?.kind !== 'berth-dockerd')
      throw new BerthError(
        'CONFLICT',
        `${name} is not Berth's own dockerd: only that engine runs rootless or through the helper.`,
      );
    if (provider.state() !== 'stopped')
      throw new BerthError('CONFLICT', `Stop ${name} first: how it runs changes at its next start.`);
    const { runAs: _previous, ...rest } = config;
    entry.config = runAs === 'auto' ? rest : { ...rest, runAs };
    provider.setRunAs(runAs);
    await this.persist();
    this.changed();
    return this.view(entry);
  }

  /** Why a container of the active engine cannot be reached at its published port here (VM engines), if so. */
  portProblem(containerId: string, protocol: string, hostPort: number): string | undefined {
    const active = this.activeId ? this.entries.get(this.activeId) : undefined;
    return active?.provider.portProblem?.(containerId, protocol, hostPort);
  }

  /** The forwarded ports of every VM again, now (Settings → Published ports changed). */
  resyncPorts(): void {
    for (const entry of this.entries.values()) entry.provider.resyncPorts?.();
  }

  /** The connection of an engine, for diagnostics and tests. */
  connectionOf(id: string): EngineConnection {
    return this.entryFor(id).connection;
  }

  /**
   * Stops the engines Berth runs (quitting Berth leaves no daemon or VM of its own behind), side by side so
   * quitting takes as long as the slowest one, says what it stopped, then lets go of all.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.active.switchTo(null);
    const entries = [...this.entries.values()];
    // Connections first: an engine that goes away because Berth stops it is not "lost", and nothing reconnects.
    for (const entry of entries) for (const detach of entry.detach.splice(0)) detach();
    await Promise.all(entries.map((entry) => entry.connection.stop()));
    await Promise.all(entries.map((entry) => this.stopOnQuit(entry)));
    for (const entry of entries) await this.drop(entry);
  }

  /**
   * With DOCKER_HOST set, that engine (the discovered one) is the active one for this run, as the docker CLI
   * treats it; the saved choice stays saved (and is not started) for runs without it.
   */
  private activeForThisRun(savedId: string): string {
    if (!this.options.env.DOCKER_HOST || savedId === DISCOVERED_ID) return savedId;
    const saved = this.entryFor(savedId);
    this.options.log.info(
      `[engines] DOCKER_HOST is set: this run uses ${this.options.env.DOCKER_HOST}; the engine saved as active ('${saved.name}') stays saved for runs without DOCKER_HOST`,
    );
    return DISCOVERED_ID;
  }

  private async stopOnQuit(entry: Entry): Promise<void> {
    if (!entry.provider.control().canStop) return;
    const { log } = this.options;
    const what =
      entry.provider.kind === 'vm'
        ? 'its QEMU VM'
        : entry.provider.kind === 'berth-dockerd'
          ? 'its dockerd and containerd'
          : 'it';
    const started = Date.now();
    log.info(`[engines] stopping Berth's engine '${entry.name}' (${what})`);
    try {
      await entry.provider.stop();
      log.info(`[engines] stopped Berth's engine '${entry.name}' in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      log.error(`[engines] could not stop Berth's engine '${entry.name}'; the next start stops what is left`, error);
    }
  }

  private providerFor(config: EngineConfig): EngineProvider {
    if (this.options.providerFor) return this.options.providerFor(config);
    const { env, log } = this.options;
    if (config.kind === 'berth-dockerd')
      return new DockerdProvider({ name: config.name, env, log, runAs: config.runAs ?? 'auto' });
    if (config.kind === 'vm') {
      const publishAll = async () => (await this.options.settings.get()).publishInterface === 'all';
      return new VmProvider({ config, env, log, idleTiming: this.options.vmIdleTiming, publishAll });
    }
    return new SshProvider({ config, env, log });
  }

  private addConfigured(config: EngineConfig): Entry {
    if (this.entries.has(config.id))
      throw new BerthError('CONFLICT', `There is already an engine named ${config.name}: pick another name.`);
    return this.add(config.id, config.name, config, this.providerFor(config));
  }

  private add(id: string, name: string, config: EngineConfig | null, provider: EngineProvider): Entry {
    const narrated: NarratedEngine = {
      ownedName: provider.kind === 'berth-dockerd' || provider.kind === 'vm' ? name : null,
      state: () => provider.state(),
    };
    const connectionLog = this.narrator.connectionLog(narrated, id === DISCOVERED_ID);
    const connection = new EngineConnection({
      discover: () => provider.discover(),
      log: connectionLog,
      createClient: provider.createClient?.bind(provider),
      startHint: provider.startHint,
    });
    const entry: Entry = { id, name, config, provider, connection, detach: [] };
    let lastState = provider.state();
    let lastStatus: EngineStatus['state'] | null = null;
    let lastViewed = '';
    entry.detach = [
      connection.onStatus((status) => {
        this.narrator.statusChanged(narrated, lastStatus, status);
        lastStatus = status.state;
        // Retries report each new retryAt as a status; the views change only when what they show does.
        if (lastViewed !== (lastViewed = viewedStatusKey(connection.status))) this.changed();
      }),
      ...(provider.watchEngine ? [provider.watchEngine(connection)] : []),
      provider.onChange((change) => {
        if (change.lines?.length) this.options.hub.emit('engines:log', { id, lines: change.lines });
        if (change.ports) {
          this.changed();
          // The containers list shows each port's problem: the active engine's list is stale now.
          if (this.activeId === id) this.options.hub.emit('containers:changed', { id: null, action: 'ports' });
        }
        if (!change.state) return;
        this.changed();
        // Stops and starts that the provider made on its own (idle stop, start with Berth, a crash) reach the
        // connection now rather than at its next health check, as the Start and Stop buttons' do. Only real
        // transitions: providers repeat their state to refresh the views (a VM's late boot phase), and a
        // reconnect drops requests in flight.
        const transition = change.state !== lastState;
        lastState = change.state;
        if (transition && (change.state === 'running' || change.state === 'stopped')) void entry.connection.reconnect();
      }),
    ];
    this.entries.set(id, entry);
    connection.start();
    this.changed();
    return entry;
  }

  private async drop(entry: Entry): Promise<void> {
    for (const detach of entry.detach.splice(0)) detach();
    this.entries.delete(entry.id);
    await entry.connection.stop();
    await entry.provider.dispose();
    this.changed();
  }

  private activate(id: string): void {
    const entry = this.entries.get(id) ?? null;
    this.activeId = entry ? id : null;
    this.active.switchTo(entry ? { connection: entry.connection, provider: entry.provider } : null);
    this.changed();
  }

  private async persist(): Promise<void> {
    const engines = [...this.entries.values()].flatMap((entry) => (entry.config ? [entry.config] : []));
    await this.options.settings.updateEngines({ engines, activeEngineId: this.savedActiveId });
  }

  /** The active engine starts with Berth when Berth runs it (as Docker Desktop starts its engine); close() stops it. */
  private startWithBerth(id: string): void {
    const entry = this.entryFor(id);
    if (!entry.provider.control().canStart) return;
    this.startEngine(id).catch((error: unknown) =>
      this.options.log.error(`[engines] could not start ${entry.name}`, error),
    );
  }

  /** Starts Berth's own engine once, when the discovered one turns out to be absent (embedded-default.ts). */
  private watchForEmbeddedDefault(configuredEngines: number): void {
    const discovered = this.entryFor(DISCOVERED_ID);
    const stop = discovered.connection.onStatus(() => {
      if (discovered.connection.status.state === 'connecting') return;
      stop();
      const facts = {
        platform: this.options.platform ?? process.platform,
        optedOut: this.options.env.BERTH_EMBEDDED_ENGINE === '0',
        configuredEngines,
        discovered: discovered.connection.status,
        dockerd: DockerdProvider.availability(this.options.env, this.options.platform),
        explicitHost: Boolean(this.options.env.DOCKER_HOST),
      };
      if (this.closed || !shouldStartEmbeddedEngine(facts)) {
        this.narrator.decided(null);
        return;
      }
      void this.narrateEmbeddedStart(discovered);
      this.addOwned(EMBEDDED_NAME)
        .then((view) => this.setActive(view.id))
        .catch((error: unknown) => this.options.log.error("[engines] could not start Berth's own engine", error));
    });
  }

  /** Where the discovered engine was looked for, in the line that says Berth starts its own instead. */
  private async narrateEmbeddedStart(discovered: Entry): Promise<void> {
    let searched: string[] = [];
    try {
      searched = (await discovered.provider.discover()).searched;
    } catch (error) {
      this.options.log.warn(`[engines] could not list where the engine was looked for: ${(error as Error).message}`);
    }
    this.narrator.decided({ startingOwn: EMBEDDED_NAME, searched });
  }

  /** The helper runs one engine per user: a second Berth engine through it would share (and stop) the first's. */
  private assertHelperFree(entry: Entry): void {
    const viaHelper = (candidate: Entry) =>
      candidate.provider instanceof DockerdProvider && candidate.provider.viewFacts().ownedMode?.mode === 'helper';
    if (!viaHelper(entry)) return;
    const other = [...this.entries.values()].find(
      (candidate) => candidate !== entry && viaHelper(candidate) && candidate.provider.state() !== 'stopped',
    );
    if (other)
      throw new BerthError(
        'CONFLICT',
        `Berth's privileged helper runs one engine per user, and ${other.name} is using it: stop ${other.name} first, or run ${entry.name} rootless.`,
      );
  }

  private controllable(id: string, what: 'start' | 'stop'): Entry {
    const entry = this.entryFor(id);
    const control = entry.provider.control();
    if (what === 'start' ? !control.canStart : !control.canStop)
      throw new BerthError('CONFLICT', control.reason ?? `Berth cannot ${what} ${entry.name}.`);
    return entry;
  }

  private entryFor(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new BerthError('NOT_FOUND', `No engine ${id}: it was removed, or never added.`);
    return entry;
  }

  private view(entry: Entry): EngineView {
    return engineView(entry, entry.id === this.activeId);
  }

  private changed(): void {
    if (!this.closed || this.entries.size > 0) this.options.hub.emit('engines:changed', this.views());
  }
}
