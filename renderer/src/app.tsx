// The application: the client, query cache and stats store as context, and the pages under a hash router,
// so the same build works from file:// in Electron and from `berth serve`'s HTTP server.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createHashRouter, RouterProvider } from 'react-router';
import { ClientProvider } from './data/client-context';
import type { BerthClient } from './ipc/berth-client';
import { ContainersPage } from './pages/containers/containers-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { EnginePage } from './pages/engine/engine-page';
import { ImagesPage } from './pages/images/images-page';
import { NetworksPage } from './pages/networks/networks-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { RegistriesPage } from './pages/registries/registries-page';
import { ReplicasPage } from './pages/replicas/replicas-page';
import { SettingsPage } from './pages/settings/settings-page';
import { VolumesPage } from './pages/volumes/volumes-page';
import { AppShell } from './shell/app-shell';
import { StatsProvider } from './stats/stats-context';
import type { StatsStore } from './stats/stats-store';

const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'containers', element: <ContainersPage /> },
      // Loaded on first visit: its charts (recharts) are most of the bundle, and startup shows the list first.
      {
        path: 'containers/:id',
        lazy: async () => ({
          Component: (await import('./pages/container-detail/container-detail-page')).ContainerDetailPage,
        }),
      },
      { path: 'images', element: <ImagesPage /> },
      { path: 'registries', element: <RegistriesPage /> },
      { path: 'replicas', element: <ReplicasPage /> },
      { path: 'volumes', element: <VolumesPage /> },
      { path: 'networks', element: <NetworksPage /> },
      { path: 'engine', element: <EnginePage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App({
  client,
  queryClient,
  stats,
}: {
  client: BerthClient;
  queryClient: QueryClient;
  stats: StatsStore;
}) {
  return (
    <ClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <StatsProvider store={stats}>
          <RouterProvider router={router} />
        </StatsProvider>
      </QueryClientProvider>
    </ClientProvider>
  );
}
