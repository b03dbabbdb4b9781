// The handlers of the inspect channels (inspect-channels.ts), spread into the core's handler table.
import type { Handlers } from '../ipc/router';
import { InspectService, type InspectServiceOptions } from './inspect-service';

export function inspectHandlers(
  options: InspectServiceOptions,
): Pick<Handlers, 'containers:inspect' | 'containers:top' | 'containers:changes'> {
  const service = new InspectService(options);
  return {
    'containers:inspect': (request) => service.inspect(request.id),
    'containers:top': (request) => service.top(request.id),
    'containers:changes': (request) => service.changes(request.id),
  };
}
