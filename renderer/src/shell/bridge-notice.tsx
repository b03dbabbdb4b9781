// Over WebSocket only: whether the page still reaches the Berth core (`berth serve`). When it does not,
// every engine fact on screen is stale, so this says so plainly and offers to reconnect at once.
import { Button } from 'react-aria-components';
import { useBerthClient } from '../data/client-context';
import { formatShortDuration } from '../format/relative-time';
import type { BridgeState } from '../ipc/bridge-state';

export function BridgeNotice({ state, nowMs }: { state: BridgeState; nowMs: number }) {
  const bridge = useBerthClient().bridge;
  if (state.state === 'open') {
    return (
      <span className="status-bridge tone-ok" title="The WebSocket bridge to berth serve is open">
        Berth core: connected
      </span>
    );
  }
  const message =
    state.state === 'connecting'
      ? state.reconnecting
        ? 'Disconnected from Berth core — reconnecting…'
        : 'Connecting to Berth core…'
      : state.retryAt === null
        ? `Not connected to Berth core: ${state.reason}`
        : `Disconnected from Berth core (${state.reason}) — reconnecting`;
  const countdown =
    state.state === 'closed' && state.retryAt !== null
      ? state.retryAt > nowMs
        ? `in ${formatShortDuration(state.retryAt - nowMs)}`
        : 'now'
      : null;
  return (
    <div className="status-bridge status-bridge-down">
      <span role="status">{message}</span>
      {countdown && <span className="status-retry">{countdown}</span>}
      {state.state === 'closed' && state.retryAt !== null && bridge && (
        <Button className="button button-small" onPress={() => bridge.reconnectNow()}>
          Reconnect to Berth core
        </Button>
      )}
    </div>
  );
}
