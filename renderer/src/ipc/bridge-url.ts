// Where the WebSocket bridge of `berth serve` is: same host as the page, path `bridgePath`, with the
// session token (see session-token.ts), which the bridge needs on every connection.
import { bridgePath } from '@shared/transport';

export interface PageLocation {
  protocol: string;
  host: string;
}

/** The bridge URL, or null without a token (then the core would refuse anyway). */
export function bridgeUrl(location: PageLocation, token: string | null): string | null {
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${bridgePath}?token=${encodeURIComponent(token)}`;
}
