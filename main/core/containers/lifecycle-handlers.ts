// The handlers of the lifecycle channels (container-action-channels.ts), spread into create-core's table.
// Typed from the contract, not the router's Handlers: the containers layer sits below ipc/.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { EngineLink } from '../connection/engine-link';
import type { Logger } from '../logger';
import { BulkActions } from './bulk-actions';
import type { ContainerLifecycle } from './container-lifecycle';
import { exitInfo } from './exit-info';

type LifecycleChannel =
  | 'containers:restart'
  | 'containers:pause'
  | 'containers:unpause'
  | 'containers:kill'
  | 'containers:rename'
  | 'containers:bulk'
  | 'containers:exit-info';

type LifecycleHandlers = {
  [C in LifecycleChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

export function lifecycleHandlers(options: {
  connection: Pick<EngineLink, 'client'>;
  lifecycle: ContainerLifecycle;
  log: Logger;
}): LifecycleHandlers {
  const { connection, lifecycle, log } = options;
  const bulk = new BulkActions(connection, lifecycle, log);
  return {
    'containers:restart': (request) => lifecycle.restart(request.id, request.timeoutSeconds),
    'containers:pause': (request) => lifecycle.pause(request.id),
    'containers:unpause': (request) => lifecycle.unpause(request.id),
    'containers:kill': (request) => lifecycle.kill(request.id, request.signal),
    'containers:rename': (request) => lifecycle.rename(request.id, request.name),
    'containers:bulk': (request) => bulk.run(request),
    'containers:exit-info': (request) => exitInfo(connection, request.id),
  };
}
