// Owns which collector reads a container: the one forced by configuration, or in auto mode the cgroup files
// when the engine is local and they are readable from here (the first container opened on a connection
// decides for the engine, a later odd one out falls back alone), else the engine's stats API.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import type { EngineStatus } from '../../shared/engine-types';
import type { StatsCollectorKind } from '../../shared/stats-types';
import type { Logger } from '../logger';
import { ApiCollector } from './api-collector';
import { CgroupCollector } from './cgroup-collector';
import { CollectorUnavailableError, type ContainerFacts, type EngineFacts, type StatsHandle } from './collector';

export type StatsCollectorChoice = 'auto' | 'cgroup' | 'api';

export interface CollectorChoiceOptions {
  choice: StatsCollectorChoice;
  procRoot: string;
  cgroupRoot: string;
  client: () => Dockerode;
  log: Logger;
}

export class CollectorChoice {
  private readonly cgroup: CgroupCollector;
  private readonly api: ApiCollector;
  /** Local socket, and a cgroup filesystem here: worth trying the files. */
  private local = false;
  /** In auto mode, what the first open on this connection found to work. */
  private engineKind: StatsCollectorKind | null = null;

  constructor(private readonly options: CollectorChoiceOptions) {
    this.cgroup = new CgroupCollector({ procRoot: options.procRoot, cgroupRoot: options.cgroupRoot });
    this.api = new ApiCollector(options.client, options.log);
  }

  /** A (re)connection: the engine may be another one, so auto mode decides again. */
  connected(status: EngineStatus): void {
    const { procRoot, cgroupRoot } = this.options;
    this.local =
      status.state === 'connected' &&
      status.endpoint.host.startsWith('unix://') &&
      existsSync(join(procRoot, 'self', 'cgroup')) &&
      existsSync(cgroupRoot);
    this.engineKind = null;
  }

  /** What a watch reply reports: the engine's collector, or the likely one before any container was opened. */
  get kind(): StatsCollectorKind {
    const { choice } = this.options;
    if (choice !== 'auto') return choice;
    return this.engineKind ?? (this.local ? 'cgroup' : 'api');
  }

  /** Throws CollectorUnavailableError (forced cgroup mode only) or ContainerGoneError. */
  open(facts: ContainerFacts, engine: EngineFacts): { handle: StatsHandle; kind: StatsCollectorKind } {
    const { choice, log } = this.options;
    if (choice === 'api' || (choice === 'auto' && (!this.local || this.engineKind === 'api'))) return { handle: this.api.open(facts), kind: 'api' };
    try {
      const handle = this.cgroup.open(facts, engine);
      if (choice === 'auto' && this.engineKind === null) log.info('[stats] reading container stats from cgroup files');
      this.engineKind ??= 'cgroup';
      return { handle, kind: 'cgroup' };
    } catch (error) {
      if (choice === 'cgroup' || !(error instanceof CollectorUnavailableError)) throw error;
      const scope = this.engineKind === null ? 'using the engine stats API for this engine' : 'using the engine stats API for it';
      this.engineKind ??= 'api';
      log.info(`[stats] the cgroup files of ${facts.name} are not readable here (${error.message}): ${scope}`);
      return { handle: this.api.open(facts), kind: 'api' };
    }
  }

  dispose(): void {
    this.cgroup.dispose();
    this.api.dispose();
  }
}
