// The window's frame: sidebar, the current page in <main>, the status bar along the bottom, and the stats
// alerts' notices over the corner.
import { Outlet } from 'react-router';
import { AlertToasts } from '../alerts/alert-toasts';
import { Sidebar } from './sidebar';
import { StatusBar } from './status-bar';
import { useShellNavigation } from './use-shell-navigation';

export function AppShell() {
  useShellNavigation();
  return (
    <div className="shell">
      <Sidebar />
      <main className="content">
        <Outlet />
      </main>
      <StatusBar />
      <AlertToasts />
    </div>
  );
}
