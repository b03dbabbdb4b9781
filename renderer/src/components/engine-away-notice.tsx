// Shown above a list while the engine (or, over WebSocket, the Berth core) is not connected: the rows on
// screen are the last ones loaded, and actions on them will fail until the connection is back.
import { Link } from 'react-router';
import { useChannelQuery } from '../data/channel-query';
import { useBridgeState } from '../data/use-bridge-state';
import { formatRelativeTime } from '../format/relative-time';
import { useNow } from '../lib/use-now';

export function EngineAwayNotice({ what, updatedAt }: { what: string; updatedAt: number }) {
  const status = useChannelQuery('engine:status', {}).data;
  const bridge = useBridgeState();
  const now = useNow(1000);
  const bridgeDown = bridge !== null && bridge.state !== 'open';
  if (!bridgeDown && (!status || status.state === 'connected')) return null;
  const problem = bridgeDown
    ? 'Berth core is disconnected.'
    : `The engine is ${status?.state === 'connecting' ? 'connecting' : 'unreachable'}.`;
  const age = updatedAt > 0 ? ` (loaded ${formatRelativeTime(Math.min(updatedAt, now), now)})` : '';
  return (
    <div role="status" className="notice notice-warning">
      <strong>{problem}</strong> These {what} are the last known{age}; they update when the connection is back.{' '}
      {!bridgeDown && <Link to="/engine">Engine details</Link>}
    </div>
  );
}
