// STUB (issue 5, owned by the transfers helper): runs image pulls and pushes in the core.
import { BerthError } from '../../shared/errors';
import type { Transfer } from '../../shared/transfer-types';
import type { EngineConnection } from '../engine/engine-connection';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../logger';
import type { RegistriesService } from '../registries/registries-service';

export interface TransferManagerOptions {
  connection: EngineConnection;
  hub: EventHub;
  registries: RegistriesService;
  log: Logger;
}

const notYet = () => new BerthError('INTERNAL', 'not built yet');

export class TransferManager {
  constructor(private readonly options: TransferManagerOptions) {}

  /** Starts a pull; rejects at once (INVALID_REFERENCE) for a malformed reference. */
  async pull(requested: string, purpose: Transfer['purpose'] = 'user'): Promise<Transfer> {
    void requested;
    void purpose;
    throw notYet();
  }

  async push(requested: string): Promise<Transfer> {
    void requested;
    throw notYet();
  }

  list(): Transfer[] {
    return [];
  }

  cancel(id: string): Transfer {
    void id;
    throw notYet();
  }

  dismiss(id: string): { id: string } {
    return { id };
  }

  /** Resolves with the transfer once it has ended (done, failed or cancelled). */
  async finished(id: string): Promise<Transfer> {
    void id;
    throw notYet();
  }

  dispose(): void {
    void this.options;
  }
}
