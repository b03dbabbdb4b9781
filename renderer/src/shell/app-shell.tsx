// The window's frame: sidebar, the current page in <main>, the status bar along the bottom, and the stats
// alerts' notices over the corner.
import { Outlet } from 'react-router';
import { AlertToasts } from '../alerts/alert-toasts';
import { Sidebar } from './sidebar';
import { StatusBar } from './status-bar';

export function AppShell() {
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
