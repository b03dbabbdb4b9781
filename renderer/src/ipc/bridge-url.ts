// Where the WebSocket bridge of `berth serve` is: same host as the page, path `bridgePath`, and the token
// that `serve` put in the address it printed (`?token=…`).
import { bridgePath } from '../../../main/shared/transport';

export interface PageLocation {
  protocol: string;
  host: string;
  search: string;
}

/** The bridge URL, or null when the page address carries no token (then the core would refuse anyway). */
export function bridgeUrl(location: PageLocation): string | null {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${bridgePath}?token=${encodeURIComponent(token)}`;
}
