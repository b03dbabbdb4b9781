// Request/response data through TanStack Query, keyed by [channel, request] so that events can invalidate
// a channel with a key prefix.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Channel, RequestOf, ResponseOf } from '@shared/contract';
import type { EngineStatus } from '@shared/engine-types';
import { useBerthClient } from './client-context';

export function channelKey<C extends Channel>(channel: C, request: RequestOf<C>): readonly [C, RequestOf<C>] {
  return [channel, request];
}

export const engineStatusKey = channelKey('engine:status', {});

/** The one container list request: stopped ones included; the "Show stopped" switch filters locally. */
export const containersListRequest = { all: true } as const;

export function useChannelQuery<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
  options: { staleTime?: number; refetchInterval?: number } = {},
) {
  const client = useBerthClient();
  return useQuery({
    queryKey: channelKey(channel, request),
    queryFn: () => client.invoke(channel, request),
    ...options,
  });
}

/** A channel used as a command; `onDone` runs after success with the response. */
export function useChannelMutation<C extends Channel>(
  channel: C,
  onDone?: (response: ResponseOf<C>, queries: QueryClient) => void,
) {
  const client = useBerthClient();
  const queries = useQueryClient();
  return useMutation({
    mutationKey: [channel],
    mutationFn: (request: RequestOf<C>) => client.invoke(channel, request),
    onSuccess: (response) => onDone?.(response, queries),
  });
}

/**
 * Puts a fresh engine status into the cache. A switch to `connected` refetches everything else: while the
 * engine was away, every list either failed or went stale.
 */
export function applyEngineStatus(queries: QueryClient, status: EngineStatus): void {
  const previous = queries.getQueryData<EngineStatus>(engineStatusKey);
  queries.setQueryData(engineStatusKey, status);
  if (status.state === 'connected' && previous?.state !== 'connected') {
    void queries.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'engine:status' });
  }
}
