// STUB (issue 5, owned by the run helper): replica groups (containers made from one spec) and scaling them.
import { BerthError } from '../../shared/errors';
import type { ReplicaGroup } from '../../shared/run-types';
import type { EngineConnection } from '../engine/engine-connection';
import type { Logger } from '../logger';
import type { RunService } from './run-service';

export interface ReplicasServiceOptions {
  connection: EngineConnection;
  run: RunService;
  log: Logger;
}

export class ReplicasService {
  constructor(private readonly options: ReplicasServiceOptions) {}

  async list(): Promise<ReplicaGroup[]> {
    void this.options;
    return [];
  }

  async scale(name: string, replicas: number): Promise<ReplicaGroup> {
    void name;
    void replicas;
    throw new BerthError('INTERNAL', 'not built yet');
  }
}
