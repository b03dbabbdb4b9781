// What of an engine's status the Engine page's views show: a retry that fails the same way again only moves
// `retryAt` (sent as `engine:status`), which is no reason to send every engine's view again.
import type { EngineStatus } from '../../shared/engine-types';

export function viewedStatusKey(status: EngineStatus): string {
  switch (status.state) {
    case 'connecting':
      return `connecting ${status.endpoint?.host ?? ''}`;
    case 'connected':
      return `connected ${status.endpoint.host} ${status.since}`;
    case 'unreachable':
      // Whether a retry is scheduled at all shows ("not retrying"); when it is due does not.
      return `unreachable ${status.endpoint?.host ?? ''} ${status.retryAt === null ? 'stopped' : 'retrying'} ${status.reason}`;
  }
}
