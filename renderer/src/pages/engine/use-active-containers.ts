// The active engine's container list, for the Engine page's counts: the same query the Containers page uses
// (invalidated on every container event by data/event-sync.ts), so the counts follow creates, starts, dies
// and removals. Nothing is fetched for an engine that is not the active one.
import { useQuery } from '@tanstack/react-query';
import { channelKey, containersListRequest } from '../../data/channel-query';
import { useBerthClient } from '../../data/client-context';

export function useActiveContainers(active: boolean) {
  const client = useBerthClient();
  const query = useQuery({
    queryKey: channelKey('containers:list', containersListRequest),
    queryFn: () => client.invoke('containers:list', containersListRequest),
    enabled: active,
    staleTime: Infinity,
  });
  return active ? query.data : undefined;
}
