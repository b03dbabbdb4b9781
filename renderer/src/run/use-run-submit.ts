// Sending a run (containers:run) and where the user lands after it: the container's page for one (its live
// stats), the Replicas page for several. The dialog stays as it was on failure, so nothing typed is lost.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RunSpec } from '@shared/run-types';
import { useBerthClient } from '../data/client-context';

export function useRunSubmit(onDone: () => void) {
  const client = useBerthClient();
  const queries = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (request: { spec: RunSpec; replicas: number }) => client.invoke('containers:run', request),
    onSuccess: (results, { replicas }) => {
      // The engine's create events refresh these too; refetching now means the page lands on fresh data.
      void queries.invalidateQueries({ queryKey: ['containers:list'] });
      void queries.invalidateQueries({ queryKey: ['replicas:list'] });
      void queries.invalidateQueries({ queryKey: ['images:list'] });
      onDone();
      const first = results[0];
      void navigate(replicas > 1 || !first ? '/replicas' : `/containers/${first.id}`);
    },
  });
}
