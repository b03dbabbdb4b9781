// The handlers of the Files channels (files-channels.ts), spread into the core's handler table.
import type { Handlers } from '../ipc/router';
import { FilesService, type FilesServiceOptions } from './files-service';

export function filesHandlers(
  options: FilesServiceOptions,
): Pick<Handlers, 'files:list' | 'files:download' | 'files:upload'> {
  const service = new FilesService(options);
  return {
    'files:list': (request) => service.list(request.id, request.path),
    'files:download': (request) => service.download(request.id, request.path),
    'files:upload': (request) => service.upload(request.id, request.folder, request.files),
  };
}
