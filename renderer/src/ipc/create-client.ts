// Picks the transport: the Electron preload's `window.berth` when present, else the WebSocket bridge of
// `berth serve` on the page's own host, authenticated with the session token the page was opened with.
import { fail } from '@shared/errors';
import type { RawTransport } from '@shared/transport';
import { createStore } from '../lib/store';
import { BerthClient } from './berth-client';
import type { Bridge, BridgeState } from './bridge-state';
import { bridgeUrl } from './bridge-url';
import { takeSessionToken } from './session-token';
import { WebSocketTransport } from './ws-transport';

export function createClient(win: Window = window): BerthClient {
  if (win.berth) return new BerthClient(win.berth, 'electron', null);
  const url = bridgeUrl(win.location, takeSessionToken(win));
  if (!url) {
    const unusable = unavailable('this address has no token: open the address that `berth serve` printed');
    return new BerthClient(unusable, 'websocket', unusable);
  }
  const transport = new WebSocketTransport(url);
  // Vite's hot reload would otherwise leave the old socket reconnecting forever during development.
  import.meta.hot?.dispose(() => transport.dispose());
  return new BerthClient(transport, 'websocket', transport);
}

/** A bridge that can never connect, saying why, so the UI shows that instead of an endless spinner. */
function unavailable(reason: string): RawTransport & Bridge {
  const state = createStore<BridgeState>({ state: 'closed', reason, retryAt: null, attempt: 0 });
  return {
    state,
    reconnectNow: () => undefined,
    invoke: async () => fail('TRANSPORT_CLOSED', `Not connected to the Berth core: ${reason}.`),
    on: () => () => undefined,
  };
}
