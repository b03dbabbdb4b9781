// Owns which collector reads a container: the one forced by configuration, or in auto mode the in-guest
// collector when the active engine offers one (a VM: one stream for all containers), else the cgroup files
// when the engine is local and they are readable from here (the first container opened on a connection
// decides for the engine, a later odd one out falls back alone), else the engine's stats API. A failed
// in-guest stream switches the engine to the next choice until it reconnects.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import type { EngineStatus } from '../../shared/engine-types';
import type { StatsCollectorKind } from '../../shared/stats-types';
import type { Logger } from '../logger';
import { ApiCollector } from './api/api-collector';
import { CgroupCollector } from './cgroup/cgroup-collector';
import { CollectorUnavailableError, type ContainerFacts, type EngineFacts, type StatsHandle } from './collector';
import { GuestCollector } from './guest/guest-collector';
import type { GuestStatsSource } from '../guest-stats/guest-source';

export type StatsCollectorChoice = 'auto' | 'cgroup' | 'api' | 'guest';

export interface CollectorChoiceOptions {
  choice: StatsCollectorChoice;
  procRoot: string;
  cgroupRoot: string;
  client: () => Dockerode;
  log: Logger;
  /** The stats interval, asked of the in-guest collector too; 1 s when absent. */
  intervalMs?: number;
  /** The active engine's in-guest stats stream (not started yet), or null when it has none. */
  guestStats?(intervalMs: number): GuestStatsSource | null;
  /** Auto mode left the in-guest collector: series it collected must reopen with the next choice. */
  fellBack?(): void;
}

export class CollectorChoice {
  private readonly cgroup: CgroupCollector;
  private readonly api: ApiCollector;
  private readonly guest: GuestCollector;
  /** The active engine offers an in-guest collector, and its stream has not failed on this connection. */
  private guestOffered = false;
  /** Local socket, and a cgroup filesystem here: worth trying the files. */
  private local = false;
  /** In auto mode, what the first open on this connection found to work. */
  private engineKind: StatsCollectorKind | null = null;

  constructor(private readonly options: CollectorChoiceOptions) {
    this.cgroup = new CgroupCollector({ procRoot: options.procRoot, cgroupRoot: options.cgroupRoot });
    this.api = new ApiCollector(options.client, options.log);
    const intervalMs = options.intervalMs ?? 1000;
    this.guest = new GuestCollector({
      source: () => options.guestStats?.(intervalMs) ?? null,
      intervalMs,
      log: options.log,
      failed: (reason) => this.guestFailed(reason),
    });
  }

  /** A (re)connection: the engine may be another one, so auto mode decides again. */
  connected(status: EngineStatus): void {
    const { procRoot, cgroupRoot } = this.options;
    this.local =
      status.state === 'connected' &&
      status.endpoint.host.startsWith('unix://') &&
      existsSync(join(procRoot, 'self', 'cgroup')) &&
      existsSync(cgroupRoot);
    this.guestOffered = status.state === 'connected' && this.guest.offered();
    this.engineKind = null;
  }

  /** What a watch reply reports: the engine's collector, or the likely one before any container was opened. */
  get kind(): StatsCollectorKind {
    const { choice } = this.options;
    if (choice !== 'auto') return choice;
    return this.engineKind ?? (this.guestOffered ? 'guest' : this.local ? 'cgroup' : 'api');
  }

  /** Throws CollectorUnavailableError (forced cgroup or guest mode only) or ContainerGoneError. */
  open(facts: ContainerFacts, engine: EngineFacts): { handle: StatsHandle; kind: StatsCollectorKind } {
    const { choice, log } = this.options;
    if (choice === 'guest') return { handle: this.guest.open(facts), kind: 'guest' };
    if (choice === 'auto' && this.guestOffered && (this.engineKind === null || this.engineKind === 'guest')) {
      try {
        const handle = this.guest.open(facts);
        if (this.engineKind === null)
          log.info('[stats] reading container stats from the in-guest collector (one stream for all containers)');
        this.engineKind = 'guest';
        return { handle, kind: 'guest' };
      } catch (error) {
        if (!(error instanceof CollectorUnavailableError)) throw error;
        this.guestFailed(error.message);
      }
    }
    if (choice === 'api' || (choice === 'auto' && (!this.local || this.engineKind === 'api')))
      return { handle: this.api.open(facts), kind: 'api' };
    try {
      const handle = this.cgroup.open(facts, engine);
      if (choice === 'auto' && this.engineKind === null) log.info('[stats] reading container stats from cgroup files');
      this.engineKind ??= 'cgroup';
      return { handle, kind: 'cgroup' };
    } catch (error) {
      if (choice === 'cgroup' || !(error instanceof CollectorUnavailableError)) throw error;
      const scope =
        this.engineKind === null ? 'using the engine stats API for this engine' : 'using the engine stats API for it';
      this.engineKind ??= 'api';
      log.info(`[stats] the cgroup files of ${facts.name} are not readable here (${error.message}): ${scope}`);
      return { handle: this.api.open(facts), kind: 'api' };
    }
  }

  /** Auto mode uses the next choice for this engine until it reconnects; forced mode ends the series (said by them). */
  private guestFailed(reason: string): void {
    const { choice, log } = this.options;
    if (choice !== 'auto') {
      log.warn(`[stats] the in-guest stats collector stopped: ${reason}`);
      return;
    }
    if (!this.guestOffered) return;
    this.guestOffered = false;
    this.engineKind = null;
    log.warn(
      `[stats] the in-guest stats collector stopped (${reason}): using ${this.local ? 'cgroup files' : 'the engine stats API'} until the engine reconnects`,
    );
    this.options.fellBack?.();
  }

  dispose(): void {
    this.guest.dispose();
    this.cgroup.dispose();
    this.api.dispose();
  }
}
