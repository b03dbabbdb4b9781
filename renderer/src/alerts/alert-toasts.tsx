// The in-app notice of stats alerts (memory near its limit, CPU throttled, OOM killed): a stack in the window's
// corner, each naming the container with a link to its Stats tab and a Dismiss button; also a system
// notification where the user allowed them. The stack is a live region, so a new alert is announced.
import type { StatsAlert } from '@shared/stats-history-types';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { useBerthClient } from '../data/client-context';
import { conditionTitles, notifyDesktop } from './desktop-notifications';
import '../styles/alert-toasts.css';

/** Older alerts go once this many are shown: each is also in the core's log. */
const maxShown = 4;

export function statsPathOf(id: string): string {
  return `/containers/${encodeURIComponent(id)}?tab=stats`;
}

const keyOf = (alert: StatsAlert) => `${alert.id}:${alert.condition}:${alert.t}`;

export function AlertToasts() {
  const client = useBerthClient();
  const navigate = useNavigate();
  const [alerts, setAlerts] = useState<StatsAlert[]>([]);
  useEffect(
    () =>
      client.on('stats:alert', (alert) => {
        setAlerts((shown) => [...shown, alert].slice(-maxShown));
        notifyDesktop(alert, () => void navigate(statsPathOf(alert.id)));
      }),
    [client, navigate],
  );
  const dismiss = (alert: StatsAlert) => setAlerts((shown) => shown.filter((each) => keyOf(each) !== keyOf(alert)));
  return (
    <div role="status" aria-label="Stats alerts" className="alert-toasts">
      {alerts.map((alert) => (
        <article
          key={keyOf(alert)}
          className={`alert-toast alert-toast-${alert.condition}`}
          aria-label={`${conditionTitles[alert.condition]}: ${alert.name}`}
        >
          <div className="alert-toast-text">
            <strong className="alert-toast-title">{conditionTitles[alert.condition]}</strong>
            <span className="alert-toast-message">{alert.message}</span>
            <Link to={statsPathOf(alert.id)} className="alert-toast-link" onClick={() => dismiss(alert)}>
              Open the stats of {alert.name}
            </Link>
          </div>
          <Button className="button button-quiet button-small" onPress={() => dismiss(alert)}>
            Dismiss
          </Button>
        </article>
      ))}
    </div>
  );
}
