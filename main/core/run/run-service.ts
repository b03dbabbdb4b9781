// STUB (issue 5, owned by the run helper): creates and starts containers from a RunSpec.
import { BerthError } from '../../shared/errors';
import type { RunResult, RunSpec } from '../../shared/run-types';
import type { EngineConnection } from '../engine/engine-connection';
import type { Logger } from '../logger';
import type { SettingsStore } from '../settings/settings-store';
import type { TransferManager } from '../transfers/transfer-manager';

export interface RunServiceOptions {
  connection: EngineConnection;
  transfers: TransferManager;
  settings: SettingsStore;
  log: Logger;
}

export class RunService {
  constructor(private readonly options: RunServiceOptions) {}

  async run(spec: RunSpec, replicas = 1): Promise<RunResult[]> {
    void spec;
    void replicas;
    void this.options;
    throw new BerthError('INTERNAL', 'not built yet');
  }

  async quickRun(image: string): Promise<RunResult> {
    void image;
    throw new BerthError('INTERNAL', 'not built yet');
  }
}
