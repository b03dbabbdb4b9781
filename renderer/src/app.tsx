// The application: the client, query cache and stats store as context, and the pages under a hash router,
// so the same build works from file:// in Electron and from `berth serve`'s HTTP server.
import type { ComponentType } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createHashRouter, RouterProvider } from 'react-router';
import { ClientProvider } from './data/client-context';
import type { BerthClient } from './ipc/berth-client';
import { ContainersPage } from './pages/containers/containers-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { RouteError } from './components/route-error';
import { importWithRetry } from './lib/import-with-retry';
import { AppShell } from './shell/app-shell';
import { StatsProvider } from './stats/stats-context';
import type { StatsStore } from './stats/stats-store';

/**
 * A page whose code loads on its first visit. The first screen (the Dashboard, then the Containers list) is in
 * the main bundle; everything else, and the container page's charts and terminal above all, is not.
 */
function lazyPage(load: () => Promise<ComponentType>) {
  return { lazy: async () => ({ Component: await importWithRetry(load) }) };
}

const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    // A page that fails to load or render says so inside the shell, which keeps working.
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'containers', element: <ContainersPage /> },
          {
            path: 'containers/:id',
            ...lazyPage(
              async () => (await import('./pages/container-detail/container-detail-page')).ContainerDetailPage,
            ),
          },
          { path: 'images', ...lazyPage(async () => (await import('./pages/images/images-page')).ImagesPage) },
          {
            path: 'registries',
            ...lazyPage(async () => (await import('./pages/registries/registries-page')).RegistriesPage),
          },
          { path: 'replicas', ...lazyPage(async () => (await import('./pages/replicas/replicas-page')).ReplicasPage) },
          { path: 'volumes', ...lazyPage(async () => (await import('./pages/volumes/volumes-page')).VolumesPage) },
          { path: 'networks', ...lazyPage(async () => (await import('./pages/networks/networks-page')).NetworksPage) },
          { path: 'engine', ...lazyPage(async () => (await import('./pages/engine/engine-page')).EnginePage) },
          { path: 'settings', ...lazyPage(async () => (await import('./pages/settings/settings-page')).SettingsPage) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
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
