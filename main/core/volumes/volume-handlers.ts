// The volume channels' handlers, spread into the core's handler table.
import type { Handlers } from '../ipc/router';
import type { VolumesService } from '../resources/volumes-service';

export function volumeHandlers(
  volumes: VolumesService,
): Pick<Handlers, 'volumes:create' | 'volumes:inspect' | 'volumes:remove' | 'volumes:prune' | 'volumes:sizes'> {
  return {
    'volumes:create': (request) => volumes.create(request),
    'volumes:inspect': (request) => volumes.inspect(request.name),
    'volumes:remove': (request) => volumes.remove(request.name, request.force ?? false),
    'volumes:prune': () => volumes.prune(),
    'volumes:sizes': () => volumes.sizes(),
  };
}
