// The bar along the bottom: the active engine's name and state (with the reason and retry countdown when
// unreachable), its product, version and endpoint, linking to the Engine page; over WebSocket whether the
// Berth core itself is reachable; and running or finished image transfers.
import { Link } from 'react-router';
import { useChannelQuery } from '../data/channel-query';
import { useBridgeState } from '../data/use-bridge-state';
import { describeEngineStatus } from '../format/engine-status';
import { useNow } from '../lib/use-now';
import { TransfersIndicator } from '../transfers/transfers-indicator';
import { BridgeNotice } from './bridge-notice';
import '../styles/engine.css';
import '../styles/status-bar.css';

export function StatusBar() {
  const bridge = useBridgeState();
  const status = useChannelQuery('engine:status', {}).data;
  const active = useChannelQuery('engines:list', {}).data?.find((engine) => engine.active);
  const now = useNow(1000);
  const text = describeEngineStatus(status, now);
  const bridgeDown = bridge !== null && bridge.state !== 'open';
  return (
    <footer className={bridgeDown ? 'status-bar status-bar-warning' : 'status-bar'} aria-label="Status bar">
      {bridge && <BridgeNotice state={bridge} nowMs={now} />}
      <Link
        to="/engine"
        className={`status-engine tone-${bridgeDown ? 'stale' : text.tone}`}
        title="Open the Engine page"
      >
        <span className="status-dot" aria-hidden="true" />
        <span role="status" className="status-text">
          <span className="status-label">
            Engine{active ? ` ${active.name}` : ''}: {text.label}
            {bridgeDown && status ? ' (last known)' : ''}
          </span>
          {text.detail && (
            <span className="status-detail" title={text.detail}>
              {text.detail}
            </span>
          )}
        </span>
        {text.retry && <span className="status-retry">{text.retry}</span>}
      </Link>
      <TransfersIndicator />
      {status?.endpoint && (
        <span className="status-endpoint" title={`Engine endpoint (${status.endpoint.source})`}>
          {status.endpoint.host}
        </span>
      )}
    </footer>
  );
}
