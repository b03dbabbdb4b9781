// The logs channels' handlers, spread into the core's handler table (create-core.ts).
import type { Handlers } from '../ipc/router';
import type { LogsService } from './logs-service';

export function logsHandlers(logs: LogsService): Pick<Handlers, 'logs:follow' | 'logs:fetch'> {
  return {
    'logs:follow': (request, client) => logs.follow(client.id, request),
    'logs:fetch': (request) => logs.fetch(request.id, request.before, request.limit),
  };
}
