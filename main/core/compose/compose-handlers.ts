// The compose channels' handlers (compose-channels.ts), spread into the core's handler table.
import type { Handlers } from '../ipc/router';
import { describeComposeCli } from './compose-cli';
import type { ComposeService } from './compose-service';

export function composeHandlers(
  compose: ComposeService,
  env: NodeJS.ProcessEnv,
): Pick<Handlers, 'compose:cli' | 'compose:up' | 'compose:down'> {
  return {
    'compose:cli': () => describeComposeCli(env),
    'compose:up': (request, client) => compose.up(client.id, request),
    'compose:down': (request, client) => compose.down(client.id, request),
  };
}
