// A dockerd that Berth runs itself on Linux (issue 6): its own containerd, socket, data-root, exec-root,
// pidfiles and bridge (engine-layout.ts, engine-run.ts), or for a normal user rootless or through the privileged
// helper (helper-run.ts, issue 17); its log in a bounded ring, a docker CLI context pointing at it, and the
// state the Engine page shows. Starts and stops run one after another. Disposing stops the engine: Berth's own
// engine lives as long as Berth, as Docker Desktop's does.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { EngineView, OwnedRunAs, ProviderState } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import type { DiscoveryResult } from '../../connection/discover';
import type { Logger } from '../../logger';
import { contextMetaDir, contextNameFor, removeDockerContext, writeDockerContext } from '../docker-context';
import type { EngineProvider, ProviderControl } from '../engine-provider';
import { dockerdSupport, systemDockerdFacts, type DockerdSupport } from './dockerd-availability';
import { engineLayout, type EngineLayout } from './engine-layout';
import { EngineRun } from './engine-run';
import { helperLayout, type HelperLayout } from './helper-mode';
import { HelperRun } from './helper-run';
import { HostNetwork } from './host-network';
import { mountsUnder } from './leftovers';
import { LogRing } from './log-ring';
import { clearHostLeftovers, orphanedDaemons, stopPreviousDaemons } from './previous-run';

export interface DockerdProviderOptions {
  /** The engine's name (`berth` for the embedded default); its id is `berth-<name>`. */
  name: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** For tests: the platform (default: this one). */
  platform?: NodeJS.Platform;
  /** A normal user's choice: rootless, through the helper, or Berth's (auto, the default). */
  runAs?: OwnedRunAs;
}

export interface DockerdAvailability {
  available: boolean;
  /** Why Berth cannot run its own dockerd here (not Linux, dockerd not installed, not root and no rootless setup). */
  reason: string | null;
}

type ChangeListener = (change: { state?: ProviderState; lines?: string[] }) => void;

export class DockerdProvider implements EngineProvider {
  readonly kind = 'berth-dockerd' as const;
  readonly startHint = 'Start it from the Engine page; Berth reconnects by itself.';
  private support!: DockerdSupport;
  private runAs: OwnedRunAs = 'auto';
  private layout: EngineLayout | null = null;
  private layoutProblem: string | null = null;
  /** Helper mode: the helper's fixed paths for this user (socket, pidfile, logs). */
  private helper: HelperLayout | null = null;
  private readonly ring = new LogRing();
  private readonly listeners = new Set<ChangeListener>();
  private current: ProviderState = 'stopped';
  private run: EngineRun | HelperRun | null = null;
  /** Start and stop run one after another, whoever asks. */
  private queue: Promise<unknown> = Promise.resolve();
  private context: string | null = null;
  /** Daemons a killed Berth left are stopped at once, whether or not this engine starts now (first in the queue). */
  private readonly leftover: Promise<void>;

  /** Whether this machine lets Berth run its own dockerd. */
  static availability(
    env: NodeJS.ProcessEnv,
    platform: NodeJS.Platform = process.platform,
    runAs: OwnedRunAs = 'auto',
  ): DockerdAvailability {
    const support = dockerdSupport(systemDockerdFacts(env, platform), runAs);
    return { available: support.available, reason: support.reason };
  }

  constructor(private readonly options: DockerdProviderOptions) {
    this.configure(options.runAs ?? 'auto');
    this.ring.onLines((lines) => this.emit({ lines }));
    // The context of an earlier start is still there for the CLI while the engine is stopped.
    const contextName = contextNameFor(options.name);
    if (existsSync(join(contextMetaDir(options.env, contextName), 'meta.json'))) this.context = contextName;
    this.leftover = this.serially(() => this.stopOrphans()).catch((error: Error) =>
      this.options.log.error(`[engine] could not stop what a previous run of ${options.name} left`, error),
    );
  }

  /** Resolves once daemons a killed Berth left for this engine (if any) are stopped; for tests. */
  leftoverChecked(): Promise<void> {
    return this.leftover;
  }

  /** How it runs from the next start (the engine's setting); only while stopped (the registry checks). */
  setRunAs(runAs: OwnedRunAs): void {
    this.configure(runAs);
    this.emit({ state: this.current });
  }

  private configure(runAs: OwnedRunAs): void {
    const { env, name } = this.options;
    this.runAs = runAs;
    this.support = dockerdSupport(systemDockerdFacts(env, this.options.platform ?? process.platform), runAs);
    this.helper = this.support.mode === 'helper' ? helperLayout(process.getuid?.() ?? -1) : null;
    try {
      // Helper mode keeps nothing there; the context's name and a root layout's paths are what is used of it.
      this.layout = engineLayout(name, env, this.support.mode === 'rootless');
      this.layoutProblem = null;
    } catch (error) {
      this.layout = null;
      this.layoutProblem = (error as Error).message;
    }
  }

  /** Where the engine listens: the helper's socket, else the layout's. */
  private socket(): { host: string; socketPath: string } | null {
    return this.helper ?? this.layout;
  }

  get host(): string {
    return this.socket()?.host ?? `unix:///run/berth/${this.options.name}/docker.sock`;
  }

  discover(): DiscoveryResult {
    const layout = this.socket();
    if (!layout || this.current === 'stopped') {
      const problem =
        this.layoutProblem ?? `Berth's engine ${this.options.name} is stopped: start it on the Engine page.`;
      return { targets: [], problem, warnings: [], searched: [] };
    }
    const target = {
      endpoint: {
        host: layout.host,
        source: 'berth' as const,
        label: `Berth engine (context ${contextNameFor(this.options.name)})`,
      },
      address: { kind: 'unix' as const, path: layout.socketPath },
      tls: null,
    };
    return { targets: [target], problem: null, warnings: [], searched: [] };
  }

  state(): ProviderState {
    return this.current;
  }

  control(): ProviderControl {
    const reason = this.support.reason ?? (this.helper ? null : this.layoutProblem);
    if (reason) return { canStart: false, canStop: false, reason };
    return {
      canStart: this.current === 'stopped',
      canStop: this.current === 'running' || this.current === 'starting',
      reason: null,
    };
  }

  start(): Promise<void> {
    return this.serially(() => this.startNow());
  }

  stop(): Promise<void> {
    return this.serially(() => this.stopNow());
  }

  logs(): string[] {
    return this.ring.all();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dockerContext(): string | null {
    return this.context;
  }

  /** Root, rootless or through the helper, with why and what that means here; on Linux, why it cannot run too. */
  viewFacts(): Pick<EngineView, 'ownedMode'> {
    const { support, runAs } = this;
    if (support.available)
      return { ownedMode: { mode: support.mode, runAs, note: support.note, limits: support.limits } };
    // The box stays, so a user whose choice cannot run here can choose another one.
    if ((this.options.platform ?? process.platform) !== 'linux') return {};
    return { ownedMode: { mode: null, runAs, note: support.reason, limits: false } };
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.listeners.clear();
  }

  async remove(options: { deleteData: boolean }): Promise<void> {
    await this.stop();
    const name = await removeDockerContext(this.options.env, this.options.name);
    this.note(`removed the docker context ${name}`);
    this.context = null;
    const layout = this.layout;
    if (options.deleteData && this.helper) {
      // Root's files, and the helper only starts and stops: deleting them is the user's to do as root.
      this.options.log.warn(
        `[engine] the data of ${this.options.name} belongs to root (the helper ran it): delete it with sudo rm -rf ${this.helper.dataDir}`,
      );
      return;
    }
    if (!options.deleteData || !layout) return;
    for (const dir of [layout.engineDir, layout.runtimeDir]) {
      // Deleting through a mount could delete host files (a bind-mounted volume): refuse instead.
      const mounts = await mountsUnder(dir);
      if (mounts.length > 0)
        throw new BerthError(
          'CONFLICT',
          `Not deleting ${dir}: something is still mounted there (${mounts.join(', ')}).`,
        );
      await rm(dir, { recursive: true, force: true });
    }
    this.note(`deleted the engine's data in ${layout.engineDir}`);
  }

  private async stopOrphans(): Promise<void> {
    const layout = this.layout;
    // A helper's engine is root's: the helper's own start stops what a previous run left.
    if (this.helper || !layout || !this.support.available || !(await orphanedDaemons(layout))) return;
    this.options.log.info(
      `[engine] Berth's engine ${this.options.name} was left running by a Berth that ended without stopping it: stopping it`,
    );
    await stopPreviousDaemons(layout, (line) => this.note(line));
    await clearHostLeftovers(layout, new HostNetwork(this.options.env, this.options.log), this.options.env, (line) =>
      this.note(line),
    );
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step);
    // A failed step must not block the ones queued after it; its caller still gets the error.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async startNow(): Promise<void> {
    if (this.current === 'running') return;
    const target = this.socket();
    const control = this.control();
    if (!target || !this.support.available || control.reason)
      throw new BerthError('CONFLICT', control.reason ?? 'Berth cannot run its own engine here.');
    this.setState('starting');
    try {
      const run = this.helper ? await this.launchThroughHelper(this.helper) : await this.launchOwn(this.layout!);
      this.run = run;
      void run.ended.then((reason) => this.onEnded(run, reason));
      this.context = (await writeDockerContext(this.options.env, this.options.name, target.host)).name;
      this.note(`engine ${this.options.name} is running; docker CLI: docker --context ${this.context} ps`);
      this.setState('running');
    } catch (error) {
      this.setState('stopped');
      const message = `Berth's engine ${this.options.name} did not start: ${(error as Error).message}`;
      this.options.log.error(`[engine] ${message}`);
      // The helper's own errors (a sudo rule to add, a dismissed dialog) are the user's to act on as they are.
      throw new BerthError(error instanceof BerthError ? error.code : 'ENGINE_ERROR', message);
    }
  }

  /** Root or rootless: Berth starts and owns the daemons (engine-run.ts). */
  private launchOwn(layout: EngineLayout): Promise<EngineRun> {
    const which = systemDockerdFacts(this.options.env, this.options.platform ?? process.platform).which;
    const mode = this.support.mode ?? 'root';
    this.note(`starting ${mode === 'rootless' ? 'rootless ' : ''}engine ${this.options.name} on ${layout.host}`);
    return EngineRun.launch(
      {
        layout,
        env: this.options.env,
        mode,
        programs: {
          dockerd: which('dockerd') ?? 'dockerd',
          containerd: which('containerd') ?? 'containerd',
          rootless: which('dockerd-rootless.sh'),
        },
        network: new HostNetwork(this.options.env, this.options.log),
        note: (line) => this.note(line),
        lines: (lines) => this.ring.push(lines),
      },
      () => this.ring.last(20),
    );
  }

  /** As root through the privileged helper, which owns the daemons (helper-run.ts). */
  private launchThroughHelper(helper: HelperLayout): Promise<HelperRun> {
    const launcher = this.support.available ? this.support.launcher : undefined;
    if (!launcher) throw new BerthError('CONFLICT', 'Berth cannot run its helper here.');
    this.note(`starting engine ${this.options.name} as root through the privileged helper on ${helper.host}`);
    return HelperRun.launch({
      layout: helper,
      launcher,
      user: userInfo().username,
      env: this.options.env,
      note: (line) => this.note(line),
      lines: (lines) => this.ring.push(lines),
    });
  }

  private async stopNow(): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.setState('stopping');
    this.note(`stopping engine ${this.options.name} (its containers get up to 10 s to stop)`);
    try {
      await run.shutdown();
      this.note(`engine ${this.options.name} stopped`);
    } finally {
      this.run = null;
      this.setState('stopped');
    }
  }

  /** A daemon died on its own: clean up what is left (containerd, shims, bridge) and say it stopped. */
  private onEnded(run: EngineRun | HelperRun, reason: string): void {
    if (run !== this.run) return;
    this.options.log.warn(`[engine] Berth's engine ${this.options.name} stopped unexpectedly: ${reason}`);
    this.serially(() => this.stopNow()).catch((error: Error) =>
      this.note(`cleanup after the unexpected stop failed: ${error.message}`),
    );
  }

  private note(line: string): void {
    this.ring.push([`[berth] ${line}`]);
  }

  private setState(state: ProviderState): void {
    if (state === this.current) return;
    this.current = state;
    this.emit({ state });
  }

  private emit(change: { state?: ProviderState; lines?: string[] }): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
