// A dockerd that Berth runs itself on Linux (issue 6): its own containerd, socket, data-root, exec-root,
// pidfiles and bridge (engine-layout.ts, engine-run.ts), its log in a bounded ring, a docker CLI context
// pointing at it, and the state the Engine page shows. Starts and stops run one after another. Disposing
// stops the engine: Berth's own engine lives as long as Berth, as Docker Desktop's does.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineView, ProviderState } from '../../../shared/engine-manager-types';
import { BerthError } from '../../../shared/errors';
import type { DiscoveryResult } from '../../connection/discover';
import type { Logger } from '../../logger';
import { contextMetaDir, contextNameFor, removeDockerContext, writeDockerContext } from '../docker-context';
import type { EngineProvider, ProviderControl } from '../engine-provider';
import { dockerdSupport, systemDockerdFacts, type DockerdSupport } from './dockerd-availability';
import { engineLayout, type EngineLayout } from './engine-layout';
import { EngineRun } from './engine-run';
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
  private readonly support: DockerdSupport;
  private readonly layout: EngineLayout | null = null;
  private readonly layoutProblem: string | null = null;
  private readonly ring = new LogRing();
  private readonly listeners = new Set<ChangeListener>();
  private current: ProviderState = 'stopped';
  private run: EngineRun | null = null;
  /** Start and stop run one after another, whoever asks. */
  private queue: Promise<unknown> = Promise.resolve();
  private context: string | null = null;
  /** Daemons a killed Berth left are stopped at once, whether or not this engine starts now (first in the queue). */
  private readonly leftover: Promise<void>;

  /** Whether this machine lets Berth run its own dockerd. */
  static availability(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): DockerdAvailability {
    const support = dockerdSupport(systemDockerdFacts(env, platform));
    return { available: support.available, reason: support.reason };
  }

  constructor(private readonly options: DockerdProviderOptions) {
    this.support = dockerdSupport(systemDockerdFacts(options.env, options.platform ?? process.platform));
    try {
      this.layout = engineLayout(options.name, options.env, this.support.mode === 'rootless');
    } catch (error) {
      this.layoutProblem = (error as Error).message;
    }
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

  get host(): string {
    return this.layout?.host ?? `unix:///run/berth/${this.options.name}/docker.sock`;
  }

  discover(): DiscoveryResult {
    const layout = this.layout;
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
    const reason = this.support.reason ?? this.layoutProblem;
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

  /** Root or rootless, with what that means here; where it cannot run at all, controlReason says why. */
  viewFacts(): Pick<EngineView, 'ownedMode'> {
    const support = this.support;
    return support.available ? { ownedMode: { mode: support.mode, note: support.note, limits: support.limits } } : {};
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
    if (!layout || !this.support.available || !(await orphanedDaemons(layout))) return;
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
    const layout = this.layout;
    const control = this.control();
    if (!layout || !this.support.available || control.reason)
      throw new BerthError('CONFLICT', control.reason ?? 'Berth cannot run its own engine here.');
    this.setState('starting');
    const which = systemDockerdFacts(this.options.env, this.options.platform ?? process.platform).which;
    try {
      this.note(
        `starting ${this.support.mode === 'rootless' ? 'rootless ' : ''}engine ${this.options.name} on ${layout.host}`,
      );
      const run = await EngineRun.launch(
        {
          layout,
          env: this.options.env,
          mode: this.support.mode,
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
      this.run = run;
      void run.ended.then((reason) => this.onEnded(run, reason));
      this.context = (await writeDockerContext(this.options.env, this.options.name, layout.host)).name;
      this.note(`engine ${this.options.name} is running; docker CLI: docker --context ${this.context} ps`);
      this.setState('running');
    } catch (error) {
      this.setState('stopped');
      const message = `Berth's engine ${this.options.name} did not start: ${(error as Error).message}`;
      this.options.log.error(`[engine] ${message}`);
      throw new BerthError('ENGINE_ERROR', message);
    }
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
  private onEnded(run: EngineRun, reason: string): void {
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
