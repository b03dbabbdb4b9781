// The Inspect and Isolation tabs' queries (containers:inspect, :top, :changes), keyed by channel and id like
// every channel query, plus the container's state and status: the engine's events refresh the container list,
// and a new state or status there (started, stopped, healthy, restarted) makes these ask the engine again.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ContainerSummary } from '@shared/container-types';
import type { RequestOf } from '@shared/contract';
import { useBerthClient } from '../../../data/client-context';

type LookChannel = 'containers:inspect' | 'containers:top' | 'containers:changes';

export function useContainerLook<C extends LookChannel>(
  channel: C,
  container: ContainerSummary,
  options: { refetchIntervalMs?: number; enabled?: boolean } = {},
) {
  const client = useBerthClient();
  return useQuery({
    queryKey: [channel, { id: container.id }, container.state, container.status],
    // Every look channel takes the same `{ id }`; TypeScript cannot narrow the generic's request type to it.
    queryFn: () => client.invoke(channel, { id: container.id } as RequestOf<C>),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchIntervalMs,
    enabled: options.enabled,
    retry: false,
  });
}
