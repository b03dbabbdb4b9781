// The query cache's defaults. The core is local, so the browser's idea of being online does not matter, and
// data that events keep fresh does not need refetching on a timer.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Electron without a network reports offline; the core is still there.
        networkMode: 'always',
        // Lists without events (images, volumes, networks) refetch when a page mounts after this long.
        staleTime: 5_000,
        // An error is the engine's answer (or the bridge is down and its reconnect refetches): no blind retries.
        retry: false,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
