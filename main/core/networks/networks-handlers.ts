// The network channels' handlers, spread into the core's handler table.
import type { Handlers } from '../ipc/router';
import type { NetworksService } from '../resources/networks-service';

export type NetworkChannel =
  | 'networks:create'
  | 'networks:inspect'
  | 'networks:remove'
  | 'networks:prune'
  | 'networks:connect'
  | 'networks:disconnect';

export function networksHandlers(networks: NetworksService): Pick<Handlers, NetworkChannel> {
  return {
    'networks:create': (request) => networks.create(request),
    'networks:inspect': (request) => networks.inspect(request.id),
    'networks:remove': (request) => networks.remove(request.id),
    'networks:prune': (request) => networks.prune(request.label),
    'networks:connect': (request) => networks.connect(request.network, request.container, request.aliases),
    'networks:disconnect': (request) => networks.disconnect(request.network, request.container, request.force ?? false),
  };
}
