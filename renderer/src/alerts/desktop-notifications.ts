// System notifications of stats alerts through the page's own Notification API: in a browser under
// `berth serve` and in the Electron window alike, so the renderer needs nothing of its transport. Permission is
// asked only when the user presses "Allow desktop notifications" in Settings, never on load.
import { createStore } from '../lib/store';
import type { StatsAlert } from '@shared/stats-history-types';

export type DesktopPermission = NotificationPermission | 'unsupported';

function current(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The permission as last seen here, for the Settings section to show. */
export const desktopPermission = createStore<DesktopPermission>(current());

export async function requestDesktopPermission(): Promise<DesktopPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  desktopPermission.set(await Notification.requestPermission());
  return desktopPermission.get();
}

export const conditionTitles: Readonly<Record<StatsAlert['condition'], string>> = {
  memory: 'Memory near its limit',
  throttled: 'CPU throttled',
  oom: 'Out of memory',
};

/** Shows the alert as a system notification when allowed; a click brings Berth forward and opens the container. */
export function notifyDesktop(alert: StatsAlert, open: () => void): void {
  desktopPermission.set(current());
  if (desktopPermission.get() !== 'granted') return;
  const notification = new Notification(`${alert.name}: ${conditionTitles[alert.condition]}`, {
    body: alert.message,
    // One per container and condition on screen: a repeat after 10 minutes replaces the old one.
    tag: `${alert.id}:${alert.condition}`,
  });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}
