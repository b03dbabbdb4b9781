// The build channel's handler, spread into the core's handler table.
import type { Handlers } from '../ipc/router';
import type { BuildService } from './build-service';

export function buildHandlers(build: BuildService): Pick<Handlers, 'images:build'> {
  return {
    'images:build': (request, client) => build.build(client.id, request),
  };
}
